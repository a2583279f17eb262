import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, sessionCookieFor, type TestOrg } from "../../../tests/support/org-fixtures";

const BASE = "https://mistvine.test";
let org: TestOrg;
let other: TestOrg;
let lead: string;
let secondLead: string;
let admin: string;

function call(method: string, path: string, cookie: string, body?: unknown, raw?: string) {
  return exports.default.fetch(`${BASE}/api/orgs/${org.admin.org.slug}${path}`, {
    method,
    headers: { cookie: `__Host-mv_session=${cookie}`, "content-type": "application/json" },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
}

async function envelope(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string; details: { field: string; issue: string }[] } }).error;
}

const today = () => new Date().toISOString().slice(0, 10);
const mondayOf = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  org = await createTestOrg(env.DB, { teams: 2, now: new Date() });
  other = await createTestOrg(env.DB, { teams: 1 });
  lead = await sessionCookieFor(env.DB, org.leads[0]);
  secondLead = await sessionCookieFor(env.DB, org.leads[1]);
  admin = await sessionCookieFor(env.DB, org.admin);
});

describe("the PPP API", () => {
  it("saves a draft as the lead types and answers with the items' threads; submitting publishes it", async () => {
    const week = mondayOf(today());
    const saved = await call("PUT", `/teams/${org.teamIds[0]}/ppp/${today()}`, lead, {
      progress: [{ text: "Shipped" }],
      problems: [{ text: "Blocked on staging" }],
    });
    expect(saved.status).toBe(200);
    const body = (await saved.json()) as { week: string; state: string; threads: Record<string, string[]> };
    expect(body).toMatchObject({ week, state: "draft" });
    expect(body.threads.problems).toHaveLength(1);
    const submitted = await call("POST", `/teams/${org.teamIds[0]}/ppp/${week}/submit`, lead, {
      progress: [{ text: "Shipped", thread: body.threads.progress[0] }],
    });
    expect(((await submitted.json()) as { state: string }).state).toBe("submitted");
    const summary = (await (await call("GET", `/ppp?week=${week}`, admin)).json()) as { postedCount: number };
    expect(summary.postedCount).toBe(1);
  });

  it.each([
    { name: "a sixth item", body: { plans: ["a", "b", "c", "d", "e", "f"].map((text) => ({ text })) }, field: "plans" },
    { name: "an empty item", body: { progress: [{ text: "" }] }, field: "progress.0.text" },
  ])("refuses $name with a 400 envelope", async ({ body, field }) => {
    const res = await call("PUT", `/teams/${org.teamIds[0]}/ppp/${today()}`, lead, body);
    expect(res.status).toBe(400);
    const error = await envelope(res);
    expect(error.code).toBe("validation_failed");
    expect(error.details.map((d) => d.field)).toContain(field);
  });

  it("refuses a week that has not started, malformed JSON, and another team's lead", async () => {
    const next = new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10);
    const future = await call("PUT", `/teams/${org.teamIds[0]}/ppp/${next}`, lead, { progress: [{ text: "Tomorrow's news" }] });
    expect(future.status).toBe(400);
    expect((await envelope(future)).message).toContain("has not started");
    expect((await call("PUT", `/teams/${org.teamIds[0]}/ppp/${today()}`, lead, undefined, "{not json")).status).toBe(400);
    expect((await call("PUT", `/teams/${org.teamIds[0]}/ppp/${today()}`, secondLead, { progress: [{ text: "Not mine" }] })).status).toBe(
      403,
    );
  });
});

describe("the boost API", () => {
  it("creates, accepts and resolves a boost, answering with the boost as it is now", async () => {
    const created = await call("POST", "/boosts", lead, {
      toTeamId: org.teamIds[1],
      need: "Review the migration plan with us",
      neededBy: today(),
      objectiveId: org.teamObjectiveIds[0],
    });
    expect(created.status).toBe(201);
    const { boost } = (await created.json()) as { boost: { id: string; state: string } };
    expect(boost.state).toBe("open");
    const accepted = (await (await call("POST", `/boosts/${boost.id}/accept`, secondLead, {})).json()) as {
      boost: Record<string, unknown>;
    };
    expect(accepted.boost).toMatchObject({ state: "accepted", helperTeam: { id: org.teamIds[1], name: "Team 2" } });
    // camelCase, and no internal ids (org, requester) in the answer
    expect(Object.keys(accepted.boost).filter((k) => k.includes("_"))).toEqual([]);
    expect(accepted.boost).not.toHaveProperty("orgId");
    const resolved = (await (await call("POST", `/boosts/${boost.id}/resolve`, lead, {})).json()) as { boost: { state: string } };
    expect(resolved.boost.state).toBe("resolved");
    const list = (await (await call("GET", "/boosts", admin)).json()) as { closed: { id: string }[] };
    expect(list.closed.map((b) => b.id)).toContain(boost.id);
  });

  it("refuses a boost to another org's team (400) and a reply by someone on neither team (403)", async () => {
    const foreign = await call("POST", "/boosts", lead, {
      toTeamId: other.teamIds[0],
      need: "Help from a stranger",
      neededBy: today(),
      objectiveId: org.teamObjectiveIds[0],
    });
    expect(foreign.status).toBe(400);
    expect((await envelope(foreign)).details).toEqual([
      { field: "toTeamId", issue: "Choose one of your organisation's teams, or any team." },
    ]);
    const created = (await (
      await call("POST", "/boosts", lead, {
        toTeamId: org.teamIds[1],
        need: "Pair on the flaky tests",
        neededBy: today(),
        objectiveId: org.teamObjectiveIds[0],
      })
    ).json()) as { boost: { id: string } };
    const reply = await call("POST", `/boosts/${created.boost.id}/messages`, admin, { body: "As an admin I say…" });
    expect(reply.status).toBe(403);
    expect((await envelope(reply)).code).toBe("forbidden");
  });
});
