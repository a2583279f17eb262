import { beforeAll, describe, expect, inject, it } from "vitest";
import { signInWithFetch } from "../support/browser-flows";

/**
 * The built Worker runs each request in a D1 session: a write hands the browser the session's
 * bookmark, and the browser's next requests start from it (read-your-writes once read
 * replication is on). Anonymous reads get no cookie.
 */
const base = inject("baseUrl");
const BOOKMARK = /__Host-mv_d1=([0-9a-f-]+);/;
let cookie = "";

beforeAll(async () => {
  await fetch(`${base}/dev/seed`, { method: "POST", headers: { origin: base } });
  cookie = await signInWithFetch(base, "admin@northwind.example");
});

describe("D1 sessions", () => {
  it("a write answers with a bookmark, and a page read with it shows the write", async () => {
    const schedule = { reportWeekday: 2, reportHour: 9, pulseWeekday: 4 };
    const write = await fetch(`${base}/api/orgs/northwind/report-schedule`, {
      method: "PUT",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify(schedule),
    });
    expect(write.status).toBe(204);
    const bookmark = write.headers.get("set-cookie")?.match(BOOKMARK)?.[1];
    expect(bookmark).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/);
    const read = await fetch(`${base}/api/orgs/northwind/report-schedule`, { headers: { cookie: `${cookie}; __Host-mv_d1=${bookmark}` } });
    expect(await read.json()).toEqual(schedule);
    // A tampered bookmark is ignored rather than breaking the page.
    const page = await fetch(`${base}/o/northwind/reports`, { headers: { cookie: `${cookie}; __Host-mv_d1=not-a-bookmark` } });
    expect(page.status).toBe(200);
  });

  it("gives an anonymous visitor's read no cookie", async () => {
    const res = await fetch(`${base}/signin`);
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie") ?? "").not.toMatch(BOOKMARK);
  });
});
