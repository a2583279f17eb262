import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { consumeLink, previewLink, requestOrgCreation, requestSignIn, signOut, viewerFromSession } from "./auth";
import { requireOrgAccess } from "./access";
import { inviteLead } from "./teams";
import { createTestOrg } from "../../tests/support/org-fixtures";

const T0 = new Date("2026-11-20T10:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

/** The link token in the newest outbox message to `to`. */
async function tokenFromOutbox(to: string): Promise<string> {
  const row = await env.DB.prepare("SELECT text FROM outbox WHERE to_address = ?1 ORDER BY id DESC LIMIT 1")
    .bind(to)
    .first<{ text: string }>();
  const m = /\/auth\/link\/([A-Za-z0-9_-]+)/.exec(row?.text ?? "");
  if (!m) throw new Error(`no link emailed to ${to}`);
  return m[1];
}

async function expectAppError(promise: Promise<unknown>, status: number): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  return error as AppError;
}

describe("creating an organisation by email", () => {
  it("emails a link that, followed once, creates the org with the person as admin and signs them in", async () => {
    await requestOrgCreation(
      env.DB,
      { orgName: "Acme Rockets", slug: "acme-rockets", timeZone: "Europe/Berlin", name: "Rita", email: "Rita@Acme.example" },
      "https://mistvine.test",
      T0,
    );
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM orgs WHERE slug = 'acme-rockets'").first("n")).toBe(0);
    const token = await tokenFromOutbox("rita@acme.example");

    // The token itself is never stored: only its SHA-256.
    const stored = await env.DB.prepare("SELECT COUNT(*) AS n FROM sign_in_links WHERE token_hash = ?1").bind(token).first("n");
    expect(stored).toBe(0);

    expect((await previewLink(env.DB, token, T0)).title).toBe("Create Acme Rockets");
    const signedIn = await consumeLink(env.DB, token, later(60_000));
    expect(signedIn.redirectTo).toBe("/o/acme-rockets");
    const viewer = await viewerFromSession(env.DB, signedIn.sessionToken, later(120_000));
    expect(viewer?.email).toBe("rita@acme.example");
    const access = await requireOrgAccess(env.DB, viewer, "acme-rockets");
    expect(access.isAdmin).toBe(true);
    expect(access.org.time_zone).toBe("Europe/Berlin");
  });

  it("refuses a taken or malformed address, an unknown time zone and a bad email, storing nothing", async () => {
    await createTestOrg(env.DB);
    const taken = (await env.DB.prepare("SELECT slug FROM orgs LIMIT 1").first<{ slug: string }>())!.slug;
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM sign_in_links").first("n");
    const base = { orgName: "Acme", timeZone: "UTC", name: "R", email: "r@example.com" };
    for (const [input, field] of [
      [{ ...base, slug: taken }, "slug"],
      [{ ...base, slug: "-bad-" }, "slug"],
      [{ ...base, slug: "api" }, "slug"],
      [{ ...base, slug: "fine-slug", timeZone: "Mars/Base" }, "timeZone"],
      [{ ...base, slug: "fine-slug", email: "nope" }, "email"],
    ] as const) {
      const error = await expectAppError(requestOrgCreation(env.DB, input, "https://mistvine.test", T0), 400);
      expect(error.details.map((d) => d.field)).toContain(field);
    }
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM sign_in_links").first("n")).toBe(before);
  });
});

describe("sign-in links", () => {
  it("are single use: a second use is refused with 410 and creates no session", async () => {
    const org = await createTestOrg(env.DB);
    await requestSignIn(env.DB, { email: org.admin.viewer.email }, "https://mistvine.test", T0);
    const token = await tokenFromOutbox(org.admin.viewer.email);
    await consumeLink(env.DB, token, later(1000));
    const sessions = await env.DB.prepare("SELECT COUNT(*) AS n FROM sessions").first("n");
    const error = await expectAppError(consumeLink(env.DB, token, later(2000)), 410);
    expect(error.message).toContain("already used");
    await expectAppError(previewLink(env.DB, token, later(2000)), 410);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM sessions").first("n")).toBe(sessions);
  });

  it("expire after 15 minutes", async () => {
    const org = await createTestOrg(env.DB);
    await requestSignIn(env.DB, { email: org.admin.viewer.email }, "https://mistvine.test", T0);
    const token = await tokenFromOutbox(org.admin.viewer.email);
    const error = await expectAppError(consumeLink(env.DB, token, later(15 * 60_000 + 1)), 410);
    expect(error.message).toContain("expired");
  });

  it("two concurrent uses of one link sign in once", async () => {
    const org = await createTestOrg(env.DB);
    await requestSignIn(env.DB, { email: org.admin.viewer.email }, "https://mistvine.test", T0);
    const token = await tokenFromOutbox(org.admin.viewer.email);
    const outcomes = await Promise.allSettled([consumeLink(env.DB, token, later(1)), consumeLink(env.DB, token, later(1))]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
  });

  it("an unknown token is 404, a malformed one too", async () => {
    await expectAppError(consumeLink(env.DB, "A".repeat(43), T0), 404);
    await expectAppError(previewLink(env.DB, "x", T0), 404);
  });

  it("do not reveal whether an address has an account: nothing is queued for a stranger", async () => {
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox").first("n");
    expect(await requestSignIn(env.DB, { email: "stranger@example.com" }, "https://mistvine.test", T0)).toBeNull();
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox").first("n")).toBe(before);
  });
});

describe("sessions", () => {
  it("expire after 30 days and end at sign-out", async () => {
    const org = await createTestOrg(env.DB);
    await requestSignIn(env.DB, { email: org.admin.viewer.email }, "https://mistvine.test", T0);
    const { sessionToken } = await consumeLink(env.DB, await tokenFromOutbox(org.admin.viewer.email), T0);
    expect(await viewerFromSession(env.DB, sessionToken, later(29 * 86_400_000))).not.toBeNull();
    expect(await viewerFromSession(env.DB, sessionToken, later(30 * 86_400_000 + 1))).toBeNull();
    await signOut(env.DB, sessionToken);
    expect(await viewerFromSession(env.DB, sessionToken, later(1000))).toBeNull();
    expect(await viewerFromSession(env.DB, "not-a-token", T0)).toBeNull();
  });
});

describe("invitations", () => {
  it("sign the lead in and join them to the team", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    await inviteLead(
      env.DB,
      org.admin,
      { teamId: org.teamIds[0], name: "Lena Lead", email: "lena@example.com" },
      "https://mistvine.test",
      T0,
    );
    const mail = await env.DB.prepare("SELECT subject FROM outbox WHERE to_address = 'lena@example.com'").first<{ subject: string }>();
    expect(mail?.subject).toBe(`Admin invited you to lead Team 1 in ${org.admin.org.name} on Mistvine`);
    const { sessionToken, redirectTo } = await consumeLink(env.DB, await tokenFromOutbox("lena@example.com"), later(1000));
    expect(redirectTo).toBe(`/o/${org.admin.org.slug}/teams/${org.teamIds[0]}`);
    const access = await requireOrgAccess(env.DB, await viewerFromSession(env.DB, sessionToken, later(2000)), org.admin.org.slug);
    expect(access).toMatchObject({ role: "lead", teamId: org.teamIds[0], isAdmin: false });
  });

  it("an admin invited as a lead stays admin", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    await inviteLead(
      env.DB,
      org.admin,
      { teamId: org.teamIds[0], name: "Admin", email: org.admin.viewer.email },
      "https://mistvine.test",
      T0,
    );
    const { sessionToken } = await consumeLink(env.DB, await tokenFromOutbox(org.admin.viewer.email), later(1000));
    const access = await requireOrgAccess(env.DB, await viewerFromSession(env.DB, sessionToken, later(2000)), org.admin.org.slug);
    expect(access.isAdmin).toBe(true);
  });

  it("only admins invite, and only to their own teams", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const other = await createTestOrg(env.DB, { teams: 1 });
    await expectAppError(
      inviteLead(env.DB, org.leads[0], { teamId: org.teamIds[0], name: "X", email: "x@example.com" }, "https://mistvine.test", T0),
      403,
    );
    const error = await expectAppError(
      inviteLead(env.DB, org.admin, { teamId: other.teamIds[0], name: "X", email: "x@example.com" }, "https://mistvine.test", T0),
      400,
    );
    expect(error.details[0].field).toBe("teamId");
  });
});
