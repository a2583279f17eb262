/**
 * D1's Sessions API for every request: reads may come from a nearby read replica (when
 * replication is turned on for the database) while each browser still sees its own writes.
 * The browser carries the session's bookmark in a cookie; the next request starts its session
 * from that bookmark, so it reads a copy at least as new as the last thing it saw or wrote.
 * Without a bookmark a request starts "first-unconstrained" (any replica). With replication
 * off, all of this is a no-op: every query goes to the primary as before.
 */

export const BOOKMARK_COOKIE = "__Host-mv_d1";

/** What D1 hands out: four hex groups, e.g. 0000000c-00000014-00004f7a-<32 hex>. Anything else is ignored. */
const BOOKMARK_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/i;

/** The bookmark the request carries, if it is one D1 could have written. */
export function bookmarkOf(request: Request): string | null {
  const cookies = request.headers.get("cookie") ?? "";
  for (const part of cookies.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === BOOKMARK_COOKIE) {
      const bookmark = value.join("=");
      return BOOKMARK_PATTERN.test(bookmark) ? bookmark : null;
    }
  }
  return null;
}

export interface SessionDb {
  /** The request's D1: every prepare and batch runs in the session. */
  db: D1Database;
  /** The latest bookmark the session has seen (null before its first query). */
  bookmark: () => string | null;
}

/**
 * A D1Database whose queries run in one session. `exec` and `dump` (migrations and tooling,
 * never used by a request) go to the binding itself.
 */
export function sessionDb(binding: D1Database, bookmark: string | null): SessionDb {
  const session = binding.withSession(bookmark ?? "first-unconstrained");
  const db: D1Database = {
    prepare: (query) => session.prepare(query),
    batch: (statements) => session.batch(statements),
    exec: (query) => binding.exec(query),
    dump: () => binding.dump(),
    withSession: (constraint) => binding.withSession(constraint),
  };
  return { db, bookmark: () => session.getBookmark() };
}

/**
 * Runs `answer` with the request's env bound to a D1 session started from the browser's
 * bookmark, then hands the browser the session's latest bookmark. The cookie goes only where
 * it matters and cannot harm caching: on a write (the next page must show it), or when the
 * browser is signed in or already carries one; never on a response marked public.
 */
export async function withD1Session(
  request: Request,
  env: Env,
  signedIn: boolean,
  answer: (env: Env) => Promise<Response>,
): Promise<Response> {
  const carried = bookmarkOf(request);
  const session = sessionDb(env.DB, carried);
  const response = await answer({ ...env, DB: session.db });
  const latest = session.bookmark();
  if (!latest || latest === carried) return response;
  const write = request.method !== "GET" && request.method !== "HEAD";
  if (!write && !signedIn && !carried) return response;
  if (/\bpublic\b/i.test(response.headers.get("cache-control") ?? "")) return response;
  const out = new Response(response.body, response);
  out.headers.append("Set-Cookie", `${BOOKMARK_COOKIE}=${latest}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=86400`);
  return out;
}
