import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createTestOrg, sessionCookieFor } from "../../../tests/support/org-fixtures";
import { requestSignInAfterAnswer } from "../../services/auth";

const EVIL = "https://evil.example";

/** A D1 whose statements all wait until `open()` is called. */
function gatedD1(real: D1Database): { db: D1Database; open: () => void } {
  let open = () => {};
  const gate = new Promise<void>((r) => (open = r));
  const wrap = (stmt: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(stmt, {
      get(target, prop) {
        if (prop === "bind") return (...args: unknown[]) => wrap(target.bind(...args));
        if (prop === "first" || prop === "all" || prop === "run" || prop === "raw")
          return (...args: unknown[]) => gate.then(() => (target[prop] as (...a: unknown[]) => unknown).apply(target, args));
        return Reflect.get(target, prop, target);
      },
    });
  const db = new Proxy(real, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => wrap(target.prepare(sql));
      if (prop === "batch") return (statements: D1PreparedStatement[]) => gate.then(() => target.batch(statements));
      return Reflect.get(target, prop, target);
    },
  });
  return { db, open: () => open() };
}

/** The newest emails to this address, polled: links are emailed after the answer has gone. */
async function emailsTo(address: string, count = 1): Promise<{ kind: string; text: string; html: string }[]> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const rows = await env.DB.prepare("SELECT kind, text, html FROM outbox WHERE to_address = ?1 ORDER BY id")
      .bind(address)
      .all<{ kind: string; text: string; html: string }>();
    if (rows.results.length >= count) return rows.results;
    await new Promise((r) => setTimeout(r, 50));
  }
  return [];
}

function expectConfiguredLinks(mail: { text: string; html: string }, path: string) {
  expect(mail.text).toContain(`${env.PUBLIC_URL}${path}`);
  expect(mail.text + mail.html).not.toContain("evil.example");
}

describe("emailed links", () => {
  it("come from PUBLIC_URL, never from the Host a request names", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    // The API, reached as evil.example.
    const api = await exports.default.fetch(`${EVIL}/api/sign-in`, {
      method: "POST",
      headers: { host: "evil.example", "content-type": "application/json" },
      body: JSON.stringify({ email: org.admin.viewer.email }),
    });
    expect(api.status).toBe(202);
    const [signIn] = await emailsTo(org.admin.viewer.email);
    expect(signIn.kind).toBe("sign_in");
    expectConfiguredLinks(signIn, "/auth/link/");

    // An invitation and a report sent by a signed-in admin.
    const cookie = await sessionCookieFor(env.DB, org.admin);
    const json = { cookie: `__Host-mv_session=${cookie}`, "content-type": "application/json", host: "evil.example" };
    const invite = await exports.default.fetch(`${EVIL}/api/orgs/${org.admin.org.slug}/invites`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ teamId: org.teamIds[0], name: "Nia", email: "nia-host@example.com" }),
    });
    expect(invite.status).toBeLessThan(300);
    expectConfiguredLinks((await emailsTo("nia-host@example.com"))[0], "/auth/link/");
    const report = await exports.default.fetch(`${EVIL}/api/orgs/${org.admin.org.slug}/reports/org_report/send`, {
      method: "POST",
      headers: json,
      body: "{}",
    });
    expect(report.status).toBe(202);
    const mails = await emailsTo(org.admin.viewer.email, 2);
    expectConfiguredLinks(
      mails.find((m) => m.kind === "org_report")!,
      "/u/",
    );
  });
});

describe("a sign-in request", () => {
  it("is answered before the address is looked up, known or not", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    for (const [email, emailed] of [
      [org.admin.viewer.email, true],
      ["nobody-timing@example.com", false],
    ] as const) {
      const gate = gatedD1(env.DB);
      const pending: Promise<unknown>[] = [];
      const delivered: number[] = [];
      // The database answers nothing until the gate opens: the answer must not wait for it.
      const answered = await Promise.race([
        requestSignInAfterAnswer(gate.db, { email }, env.PUBLIC_URL, new Date(), { waitUntil: (p) => pending.push(p) }, (id) =>
          delivered.push(id),
        ).then(() => true),
        new Promise<false>((r) => setTimeout(() => r(false), 500)),
      ]);
      expect(answered, email).toBe(true);
      expect(pending, email).toHaveLength(1);
      gate.open();
      await Promise.all(pending);
      expect(delivered.length, email).toBe(emailed ? 1 : 0);
    }
  });

  it("with a bad address is refused at once, with the envelope", async () => {
    const res = await exports.default.fetch("https://mistvine.test/api/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "not an address" }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
  });
});

describe("a refused report request", () => {
  it("writes nothing: an unknown team is a 404 and no subscription row appears", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const cookie = await sessionCookieFor(env.DB, org.admin);
    const count = async () =>
      (await env.DB.prepare("SELECT COUNT(*) AS n FROM email_subscriptions WHERE org_id = ?1")
        .bind(org.admin.org.id)
        .first<{ n: number }>())!.n;
    const before = await count();
    for (const kind of ["team_report", "pulse_reminder"]) {
      const res = await exports.default.fetch(`https://mistvine.test/api/orgs/${org.admin.org.slug}/reports/${kind}/send`, {
        method: "POST",
        headers: { cookie: `__Host-mv_session=${cookie}`, "content-type": "application/json" },
        body: JSON.stringify({ team: "AAAAAAAAAAAAAAAAAAAAAA" }),
      });
      expect(res.status, kind).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
    // No campaign yet: a 409, and still nothing written.
    const campaign = await exports.default.fetch(`https://mistvine.test/api/orgs/${org.admin.org.slug}/reports/campaign_report/send`, {
      method: "POST",
      headers: { cookie: `__Host-mv_session=${cookie}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(campaign.status).toBe(409);
    expect(await count()).toBe(before);
  });
});
