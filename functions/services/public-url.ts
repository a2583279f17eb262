/**
 * The origin every absolute link is built from (emails, copied links): configuration, never
 * the request's Host header, which anyone can set (`Host: evil.example` must not put
 * evil.example in a sign-in email). `PUBLIC_URL` is set in wrangler.toml; local servers pass
 * the origin they listen on.
 */
export function publicOrigin(env: { PUBLIC_URL?: string }): string {
  const configured = env.PUBLIC_URL ?? "";
  try {
    return new URL(configured).origin;
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute URL such as https://mistvine.example (got "${configured}").`);
  }
}
