import { rateLimited } from "./errors";

/**
 * Throws 429 when the key has used up its allowance on the given limiter. The key is a
 * transient identifier (client address plus purpose); nothing about it is stored by us.
 */
export async function enforceRateLimit(limiter: RateLimit | undefined, key: string): Promise<void> {
  if (!limiter) return;
  const { success } = await limiter.limit({ key });
  if (!success) throw rateLimited();
}

/** The client address Cloudflare reports, used only as a rate-limit key. */
export function clientKey(request: Request): string {
  return request.headers.get("cf-connecting-ip") ?? "local";
}
