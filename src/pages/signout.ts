import type { APIRoute } from "astro";
import { env } from "cloudflare:workers";
import { SESSION_COOKIE, signOut } from "../../functions/services/auth";

/** Ends the session on the server and clears the cookie. */
export const POST: APIRoute = async ({ cookies, redirect }) => {
  await signOut(env.DB, cookies.get(SESSION_COOKIE)?.value);
  cookies.delete(SESSION_COOKIE, { path: "/", secure: true, httpOnly: true, sameSite: "lax" });
  return redirect("/", 303);
};
