/** The anonymous pulse credentials: the browser's cookie and the ones derived from a seed. */

/**
 * The browser keeps its anonymous credentials (one per team it votes for) in one cookie,
 * dot-separated, sent only to /p/ pages: the signed-in parts of the site never receive it,
 * so the server never sees a credential next to a session. HttpOnly keeps it from scripts.
 * API clients get the credential in the response body and send it back in a header.
 */
export const PULSE_COOKIE = "__Secure-mv_pulse";
export const PULSE_CREDENTIAL_HEADER = "pulse-credential";

export function pulseCookieOptions() {
  return { path: "/p/", secure: true, httpOnly: true, sameSite: "lax" as const, maxAge: 120 * 86_400 };
}
const MAX_KEPT_CREDENTIALS = 5;
const CREDENTIAL = /^[A-Za-z0-9_-]{43}$/;

/** The credentials in a cookie value, ignoring anything malformed. */
export function readCredentials(cookie: string | undefined): string[] {
  return (cookie ?? "")
    .split(".")
    .filter((c) => CREDENTIAL.test(c))
    .slice(0, MAX_KEPT_CREDENTIALS);
}

/** The cookie value after a vote: the credential used first, then the others, at most five. */
export function writeCredentials(current: readonly string[], used: string): string {
  return [used, ...current.filter((c) => c !== used)].slice(0, MAX_KEPT_CREDENTIALS).join(".");
}

/**
 * A credential derived from a seed: a personal link's token, or a first submission without
 * any credential. The same seed always gives the same credential, so one personal link gives
 * one credential and any number of repeats of one first vote give one. 43 characters.
 */
export async function derivedCredential(seed: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`mistvine-pulse-credential:${seed}`)));
  let binary = "";
  for (const b of digest) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
