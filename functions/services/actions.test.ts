import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { countingD1 } from "../../tests/support/d1-counter";
import { createTestOrg, sessionCookieFor } from "../../tests/support/org-fixtures";
import { app } from "../api/app";
import { requireOrgAccess } from "./access";
import { getActions } from "./actions";
import { createBoost, postBoostMessage } from "./boosts";
import { checkIn } from "./objectives";
import { savePpp } from "./ppp-save";
import { BENCH_ADMIN, BENCH_ORG, seedLargeOrg } from "./seed/large-org";

const NOW = new Date("2026-11-20T10:00:00Z"); // Friday, day 19 of a wave from 2 Nov (ends 29 Nov)
const kinds = (view: { items: { kind: string }[] }) => view.items.map((i) => i.kind);

describe("getActions", () => {
  it("answers the API in 3 D1 round trips (session, membership, one batch) on the 50-team bench org, as on a 2-team org", async () => {
    const now = new Date();
    await seedLargeOrg(env.DB, now);
    const person = await env.DB.prepare("SELECT id, email, name FROM people WHERE email = ?1")
      .bind(BENCH_ADMIN.email)
      .first<{ id: string; email: string; name: string }>();
    const bench = await requireOrgAccess(env.DB, { personId: person!.id, email: person!.email, name: person!.name }, BENCH_ORG.slug);
    const small = await createTestOrg(env.DB, { teams: 2 });
    const counted = async (access: typeof bench) => {
      const cookie = await sessionCookieFor(env.DB, access);
      const counter = countingD1(env.DB);
      const send = () =>
        app.request(
          `/api/orgs/${access.org.slug}/actions`,
          { headers: { cookie: `__Host-mv_session=${cookie}` } },
          { ...env, DB: counter.db },
        );
      expect((await send()).status).toBe(200); // the first read may publish pulse figures
      counter.reset();
      const res = await send();
      expect(res.status).toBe(200);
      return { body: (await res.json()) as { count: number; items: unknown[] }, counts: [counter.statements(), counter.roundTrips()] };
    };
    const large = await counted(bench);
    const smallOrg = await counted(small.admin);
    expect(large.counts[1]).toBe(3);
    expect(large.counts).toEqual(smallOrg.counts);
    expect(large.body.count).toBe(large.body.items.length);
  }, 60_000); // seeding the 50-team org takes a while on a busy machine

  it("shows a lead their stale key result, due PPP and a boost asked of them, and drops each once done", async () => {
    const org = await createTestOrg(env.DB, { teams: 2, now: new Date("2026-11-02T09:00:00Z") });
    const lead = org.leads[1];
    const kr = (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1")
      .bind(org.teamObjectiveIds[1])
      .first<{ id: string }>())!.id;
    await checkIn(env.DB, lead, kr, { value: 10 }, new Date("2026-11-05T09:00:00Z")); // 15 days before NOW
    const boost = await createBoost(
      env.DB,
      org.leads[0],
      { toTeamId: org.teamIds[1], need: "Review our event schema", neededBy: "2026-11-27", objectiveId: org.teamObjectiveIds[0] },
      "https://mistvine.test",
      new Date("2026-11-19T09:00:00Z"),
    );

    const before = await getActions(env.DB, lead, NOW);
    expect(kinds(before)).toEqual(["stale-key-result", "ppp-due", "boost-to-answer"]);
    expect(before.items[0]).toMatchObject({ urgency: "high", ageDays: 15, href: `/o/${lead.org.slug}/teams/${org.teamIds[1]}#v-${kr}` });
    expect(before.items[1]).toMatchObject({ urgency: "medium", reason: "It is due today." });
    expect(before.items[2].href).toBe(`/o/${lead.org.slug}/boosts/${boost.id}`);

    await checkIn(env.DB, lead, kr, { value: 20 }, NOW);
    await savePpp(env.DB, lead, org.teamIds[1], "2026-11-16", { progress: [{ text: "Shipped" }], plans: [], problems: [] }, "submit", NOW);
    await postBoostMessage(env.DB, lead, boost.id, { body: "Which tables?" }, "https://mistvine.test", NOW);
    expect(kinds(await getActions(env.DB, lead, NOW))).toEqual([]);
    // The asking team now sees the question.
    expect(kinds(await getActions(env.DB, org.leads[0], NOW))).toContain("boost-reply");
  });

  it("shows admins the teams that missed the PPP after its due day, and boosts nobody took for 2 days", async () => {
    const org = await createTestOrg(env.DB, { teams: 2, now: new Date("2026-11-02T09:00:00Z") });
    const saturday = new Date("2026-11-21T10:00:00Z");
    for (const [i, lead] of org.leads.entries())
      await checkIn(
        env.DB,
        lead,
        (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1").bind(org.teamObjectiveIds[i]).first<{ id: string }>())!
          .id,
        { value: 70 },
        saturday,
      );
    const shipped = { progress: [{ text: "Shipped" }], plans: [], problems: [] };
    for (const [i, lead] of org.leads.entries())
      await savePpp(env.DB, lead, org.teamIds[i], "2026-11-09", shipped, "submit", new Date("2026-11-13T09:00:00Z"));
    await savePpp(env.DB, org.leads[0], org.teamIds[0], "2026-11-16", shipped, "submit", saturday);
    await createBoost(
      env.DB,
      org.leads[0],
      { toTeamId: "any", need: "Load testing help for the launch", neededBy: "2026-11-27", objectiveId: org.teamObjectiveIds[0] },
      "https://mistvine.test",
      new Date("2026-11-18T09:00:00Z"),
    );
    const view = await getActions(env.DB, org.admin, saturday);
    expect(view.items.map((i) => [i.kind, i.title])).toEqual([
      ["boost-unanswered", "Team 1's boost is waiting for any team"],
      ["ppp-missing", "Team 2 has not posted this week's PPP"],
    ]);
  });

  it("says what comes next when nothing is open", async () => {
    const org = await createTestOrg(env.DB, { teams: 1, now: new Date("2026-11-02T09:00:00Z") });
    const monday = new Date("2026-11-16T08:00:00Z");
    const kr = (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1")
      .bind(org.teamObjectiveIds[0])
      .first<{ id: string }>())!.id;
    await checkIn(env.DB, org.leads[0], kr, { value: 60 }, new Date("2026-11-15T09:00:00Z"));
    await savePpp(
      env.DB,
      org.leads[0],
      org.teamIds[0],
      "2026-11-09",
      { progress: [{ text: "Shipped" }], plans: [], problems: [] },
      "submit",
      new Date("2026-11-13T09:00:00Z"),
    );
    const view = await getActions(env.DB, org.admin, monday);
    expect(view.items).toEqual([]);
    expect(view.next).toEqual({ pppDueOn: "2026-11-20", wave: { name: "Wave 1", endsOn: "2026-11-29", daysLeft: 13 } });
  });
});
