import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BOOKMARK_COOKIE, bookmarkOf, withD1Session } from "./d1-session";

/** The binding, recording the constraint or bookmark each session starts from. */
function recordingEnv(): { env: Env; started: string[] } {
  const started: string[] = [];
  const DB = new Proxy(env.DB, {
    get(target, prop) {
      if (prop === "withSession")
        return (constraint: string) => {
          started.push(constraint);
          return target.withSession(constraint);
        };
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { env: { ...env, DB }, started };
}

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${BOOKMARK_COOKIE}=`))
    ?.split(";")[0]
    .slice(BOOKMARK_COOKIE.length + 1) ?? null;

describe("D1 sessions per browser", () => {
  it("a write hands the browser its bookmark, and the browser's next read starts from it", async () => {
    const { env: recorded, started } = recordingEnv();
    const write = await withD1Session(new Request("https://m.test/x", { method: "POST" }), recorded, false, async (e) => {
      await e.DB.prepare("CREATE TABLE IF NOT EXISTS session_probe (n INTEGER)").run();
      await e.DB.prepare("INSERT INTO session_probe (n) VALUES (1)").run();
      return new Response("ok");
    });
    expect(started).toEqual(["first-unconstrained"]);
    const bookmark = cookieOf(write);
    expect(bookmark).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/);
    expect(write.headers.getSetCookie()[0]).toContain("Secure; HttpOnly; SameSite=Lax");

    const read = await withD1Session(
      new Request("https://m.test/x", { headers: { cookie: `a=b; ${BOOKMARK_COOKIE}=${bookmark}` } }),
      recorded,
      false,
      async (e) => Response.json(await e.DB.prepare("SELECT COUNT(*) AS n FROM session_probe").first()),
    );
    expect(started[1]).toBe(bookmark);
    expect(((await read.json()) as { n: number }).n).toBeGreaterThanOrEqual(1);
  });

  it("batches run in the session too, and exec goes to the binding", async () => {
    const { env: recorded } = recordingEnv();
    const res = await withD1Session(new Request("https://m.test/x", { method: "POST" }), recorded, false, async (e) => {
      const [a, b] = await e.DB.batch([e.DB.prepare("SELECT 1 AS one"), e.DB.prepare("SELECT 2 AS two")]);
      return Response.json({ one: a.results[0], two: b.results[0] });
    });
    expect(await res.json()).toEqual({ one: { one: 1 }, two: { two: 2 } });
    expect(cookieOf(res)).not.toBeNull();
  });

  it("sets no cookie on an anonymous read, nor on a response marked public", async () => {
    const read = async (e: Env) => {
      await e.DB.prepare("SELECT 1").first();
      return new Response("page");
    };
    expect(cookieOf(await withD1Session(new Request("https://m.test/scorecard/r/x"), env, false, read))).toBeNull();
    const publicPage = await withD1Session(new Request("https://m.test/x", { method: "POST" }), env, true, async (e) => {
      await e.DB.prepare("SELECT 1").first();
      return new Response("cached", { headers: { "cache-control": "public, max-age=300" } });
    });
    expect(cookieOf(publicPage)).toBeNull();
    // Signed in: the bookmark follows the person's reads as well.
    expect(cookieOf(await withD1Session(new Request("https://m.test/o/x"), env, true, read))).not.toBeNull();
  });

  it("ignores a cookie that is not a D1 bookmark, so a tampered cookie cannot break a page", async () => {
    expect(bookmarkOf(new Request("https://m.test", { headers: { cookie: `${BOOKMARK_COOKIE}=first-primary` } }))).toBeNull();
    expect(bookmarkOf(new Request("https://m.test", { headers: { cookie: `${BOOKMARK_COOKIE}=x'; DROP` } }))).toBeNull();
    const { env: recorded, started } = recordingEnv();
    const res = await withD1Session(
      new Request("https://m.test", { headers: { cookie: `${BOOKMARK_COOKIE}=garbage` } }),
      recorded,
      true,
      async (e) => Response.json(await e.DB.prepare("SELECT 1 AS one").first()),
    );
    expect(started).toEqual(["first-unconstrained"]);
    expect(await res.json()).toEqual({ one: 1 });
  });
});
