import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { Cell } from "../../src/domain/anonymity";
import { createTestOrg, declareTeam, sessionCookieFor, type TestOrg } from "../../tests/support/org-fixtures";
import { ballots, pulseTokenFor, voteAsTeam } from "../../tests/support/pulse-fixtures";
import { requireOrgAccess } from "./access";
import { setAnonymityThreshold } from "./anonymity-settings";
import { getBoard } from "./board";
import { AppError } from "./errors";
import { moveWaveTo } from "./waves";
import { getPulseReadView, getTeamPulse, pulseCsv } from "./sentiment";

/**
 * Attacks on anonymity through every read path: a team of 3, a single voter, a week where one
 * voter joins, and the org total minus the other teams. The read paths: the board (service
 * and API), the pulse read view (org page and API), a team's pulse (team page and API, with
 * comments), and the CSV export.
 */

const W1 = new Date("2026-11-04T12:00:00Z"); // week of 2026-11-02
const W2 = new Date("2026-11-11T12:00:00Z"); // week of 2026-11-09
const NOW = new Date("2026-11-12T12:00:00Z");
const WEEK1 = "2026-11-02";

let org: TestOrg;
let cookie: string;
// Teams: 0 "Team 1" 8 voters, 1 "Team 2" 6 voters, 2 "Team 3" of 3 people, 3 "Team 4": 4 voters then 5.
beforeAll(async () => {
  org = await createTestOrg(env.DB, { teams: 4 });
  cookie = await sessionCookieFor(env.DB, org.admin);
  const sizes = [9, 6, 3, 6];
  for (let i = 0; i < 4; i++) await declareTeam(env.DB, org.teamIds[i], { name: `Team ${i + 1}`, declaredSize: sizes[i] });
  const tokens = await Promise.all(org.teamIds.map((id) => pulseTokenFor(env.DB, org.admin, id)));
  const obj = org.teamObjectiveIds;
  const team1 = await voteAsTeam(env.DB, tokens[0], ballots(8, [obj[0]], (v) => 3 + (v % 2)), W1);
  const team2 = await voteAsTeam(env.DB, tokens[1], ballots(6, [obj[1]], 4), W1);
  await voteAsTeam(env.DB, tokens[2], ballots(3, [obj[2]], 1, () => "We are drowning and nobody listens"), W1);
  const team4 = await voteAsTeam(env.DB, tokens[3], ballots(4, [obj[3]], 5), W1);
  await voteAsTeam(env.DB, tokens[0], ballots(8, [obj[0]], 4), W2, team1);
  await voteAsTeam(env.DB, tokens[1], ballots(6, [obj[1]], 4), W2, team2);
  await voteAsTeam(env.DB, tokens[3], ballots(5, [obj[3]], (v) => (v < 4 ? 4 : 1)), W2, team4); // one voter joins, votes 1
});

const state = (c: Cell | undefined) => c?.state;

async function apiJson(path: string) {
  const res = await exports.default.fetch(`https://mistvine.test${path}`, { headers: { cookie: `__Host-mv_session=${cookie}` } });
  expect(res.status).toBe(200);
  return res;
}

describe("a team of 3 and the org total minus the other teams", () => {
  it("hide the small team and the next-smallest in that week, on the board and the pulse view", async () => {
    for (const sentiment of [(await getBoard(env.DB, org.admin, NOW)).sentiment!, (await getPulseReadView(env.DB, org.admin, null, NOW)).sentiment!]) {
      const week1 = sentiment.org.rows.map((r) => state(r.cells[0]));
      // Team 3 (3 people) and Team 4 (4 people) are below k; together 7 ≥ 5, so nothing else needs hiding.
      expect(week1).toEqual(["shown", "shown", "suppressed", "suppressed"]);
      expect(sentiment.org.total.cells[0]).toEqual({ state: "shown", n: 21, mean: expect.any(Number) });
    }
  });

  it("hide them in the board API, the pulse API and the CSV too, with no number attached", async () => {
    const board = (await (await apiJson(`/api/orgs/${org.admin.org.slug}/board`)).json()) as { confidence: { teams: { label: string; cells: Cell[] }[] } };
    expect(board.confidence.teams.find((t) => t.label === "Team 3")?.cells[0]).toEqual({ state: "suppressed" });
    const pulse = (await (await apiJson(`/api/orgs/${org.admin.org.slug}/pulse`)).json()) as { org: { rows: { label: string; cells: Cell[] }[] } };
    expect(pulse.org.rows.find((t) => t.label === "Team 3")?.cells[0]).toEqual({ state: "suppressed" });
    const csv = await (await apiJson(`/api/orgs/${org.admin.org.slug}/pulse.csv`)).text();
    const line = csv.split("\r\n").find((l) => l.includes(`"${WEEK1}","team","Team 3"`));
    expect(line).toBe(`"Wave 1","${WEEK1}","team","Team 3","","suppressed","",""`);
    expect(csv).not.toContain('"1"'); // Team 3's mean, 1.0, never appears
  });

  it("keep the team's own page from showing the objective or its comments", async () => {
    const team = await getTeamPulse(env.DB, org.admin, org.teamIds[2], null, NOW);
    expect(team.map?.rows[0].cells[0]).toEqual({ state: "suppressed" });
    expect(team.map?.total.cells[0]).toEqual({ state: "suppressed" });
    expect(team.comments).toEqual([]);
    const api = await (await apiJson(`/api/orgs/${org.admin.org.slug}/teams/${org.teamIds[2]}/pulse`)).text();
    expect(api).not.toContain("drowning");
  });
});

describe("a team hidden only to protect a smaller one", () => {
  it("has its objective hidden too, on the team page, the APIs and the CSV", async () => {
    const o = await createTestOrg(env.DB, { teams: 3 });
    const c = await sessionCookieFor(env.DB, o.admin);
    for (let i = 0; i < 3; i++) await declareTeam(env.DB, o.teamIds[i], { name: ["Alpha", "Bravo", "Charlie"][i], declaredSize: 9 });
    const tokens = await Promise.all(o.teamIds.map((id) => pulseTokenFor(env.DB, o.admin, id)));
    await voteAsTeam(env.DB, tokens[0], ballots(8, [o.teamObjectiveIds[0]], 4), W1);
    await voteAsTeam(env.DB, tokens[1], ballots(6, [o.teamObjectiveIds[1]], 2), W1);
    await voteAsTeam(env.DB, tokens[2], ballots(3, [o.teamObjectiveIds[2]], 5), W1);
    const read = await getPulseReadView(env.DB, o.admin, null, NOW);
    // Charlie (3) is below k; the all-teams row is shown, so Bravo (6, the next smallest) hides too…
    expect(read.sentiment!.org.rows.map((r) => state(r.cells[0]))).toEqual(["shown", "suppressed", "suppressed"]);
    // …and so does Bravo's one objective, which would otherwise equal Bravo's week.
    expect(read.sentiment!.teams.get(o.teamIds[1])!.rows[0].cells[0]).toEqual({ state: "suppressed" });
    expect((await getTeamPulse(env.DB, o.admin, o.teamIds[1], null, NOW)).map!.rows[0].cells[0]).toEqual({ state: "suppressed" });
    const csv = pulseCsv(read);
    expect(csv).toContain(`"${WEEK1}","objective","Bravo","Objective of team 2","suppressed","",""`);
    expect(csv).not.toMatch(/"2"(,|\r)/);
    const res = await exports.default.fetch(`https://mistvine.test/api/orgs/${o.admin.org.slug}/teams/${o.teamIds[1]}/pulse`, { headers: { cookie: `__Host-mv_session=${c}` } });
    expect(((await res.json()) as { map: { rows: { cells: Cell[] }[] } }).map.rows[0].cells[0]).toEqual({ state: "suppressed" });
  });
});

describe("a single voter", () => {
  it("is a suppressed cell, not a number, and the team's total hides with it", async () => {
    const solo = await createTestOrg(env.DB, { teams: 2 });
    const [t0, t1] = await Promise.all(solo.teamIds.map((id) => pulseTokenFor(env.DB, solo.admin, id)));
    await voteAsTeam(env.DB, t0, ballots(1, [solo.teamObjectiveIds[0]], 5), W1);
    await voteAsTeam(env.DB, t1, ballots(6, [solo.teamObjectiveIds[1]], 3), W1);
    const read = await getPulseReadView(env.DB, solo.admin, null, NOW);
    // The org total (7 people) is shown, so the 6-person team must hide too or 7 − 6 = 1 gives the voter away.
    expect(read.sentiment!.org.rows.map((r) => state(r.cells[0]))).toEqual(["suppressed", "suppressed"]);
    expect(pulseCsv(read)).not.toMatch(/"5"/);
  });
});

describe("a week where one voter joins", () => {
  it("keeps the week of 4 hidden, and raises no drop flag from it", async () => {
    const read = await getPulseReadView(env.DB, org.admin, null, NOW);
    const team4 = read.sentiment!.org.rows[3];
    expect(team4.cells.map(state)).toEqual(["suppressed", "shown"]);
    // Week 1 was all 5s, week 2 averages 3.4: a drop of 1.6 that must not be flagged, since
    // flagging it would tell how the hidden week voted.
    expect(team4.drops).toEqual([false, false]);
    expect(read.sentiment!.teams.get(org.teamIds[3])!.rows[0].drops).toEqual([false, false]);
    const board = await getBoard(env.DB, org.admin, NOW);
    expect(board.board!.teams[3].supportReasons).not.toContain("confidence-drop");
  });
});

describe("comments", () => {
  it("need max(k, 5) votes in the cell even when k is 3, and come shuffled without dates", async () => {
    const small = await createTestOrg(env.DB, { teams: 1, activate: false });
    await setAnonymityThreshold(env.DB, small.admin, { anonymityK: 3 });
    await moveWaveTo(env.DB, small.admin, small.waveId, "active", W1);
    const admin = await requireOrgAccess(env.DB, small.admin.viewer, small.admin.org.slug);
    expect(admin.org.anonymity_k).toBe(3);
    const token = await pulseTokenFor(env.DB, small.admin, small.teamIds[0]);
    const o = small.teamObjectiveIds[0];
    const first = await voteAsTeam(env.DB, token, ballots(4, [o], 3, (v) => `comment ${v}`), W1);
    let team = await getTeamPulse(env.DB, admin, small.teamIds[0], null, NOW);
    expect(team.map?.rows[0].cells[0]).toMatchObject({ state: "shown", n: 4 });
    expect(team.comments).toEqual([]);

    await voteAsTeam(env.DB, token, ballots(5, [o], 3, (v) => `later ${v}`), W2, first);
    // While week 2 still runs its comments stay hidden: one appearing could be tied to whoever just voted.
    team = await getTeamPulse(env.DB, admin, small.teamIds[0], null, NOW);
    expect(team.map?.rows[0].cells[1]).toMatchObject({ state: "shown", n: 5 });
    expect(team.comments).toEqual([]);
    let draws = 0;
    team = await getTeamPulse(env.DB, admin, small.teamIds[0], null, new Date("2026-11-16T09:00:00Z"), () => (draws++, 0.5));
    expect(team.comments).toHaveLength(1);
    expect(team.comments[0].comments.slice().sort()).toEqual(["later 0", "later 1", "later 2", "later 3", "later 4"]);
    // Shuffled: one random draw per swap of a Fisher–Yates pass over the five comments.
    expect(draws).toBe(4);
    expect(Object.keys(team.comments[0]).sort()).toEqual(["comments", "objectiveId", "week"]);
  });
});

describe("release in steps of k", () => {
  it("one more vote changes nothing anyone can see; k more do", async () => {
    const o = await createTestOrg(env.DB, { teams: 1 });
    await declareTeam(env.DB, o.teamIds[0], { name: "Solo", declaredSize: 12 });
    const token = await pulseTokenFor(env.DB, o.admin, o.teamIds[0]);
    const obj = o.teamObjectiveIds[0];
    const first = await voteAsTeam(env.DB, token, ballots(5, [obj], 4), W2);
    const read = async () => {
      const view = await getPulseReadView(env.DB, o.admin, null, NOW);
      return { team: view.sentiment!.org.rows[0].cells[1], objective: view.sentiment!.teams.get(o.teamIds[0])!.rows[0].cells[1], csv: pulseCsv(view) };
    };
    const before = await read();
    expect(before.team).toEqual({ state: "shown", n: 5, mean: 4 });

    // Someone watching sees nothing change after the sixth voter, so cannot read their 1.
    await voteAsTeam(env.DB, token, ballots(1, [obj], 1), W2);
    expect(await read()).toEqual(before);
    const board = await getBoard(env.DB, o.admin, NOW);
    expect(board.sentiment!.org.rows[0].cells[1]).toEqual(before.team);

    // Four more (ten in all, five since the figures were published): the cell moves on.
    await voteAsTeam(env.DB, token, ballots(4, [obj], 2), W2);
    const after = await read();
    expect(after.team).toEqual({ state: "shown", n: 10, mean: 2.9 });
    expect(after.objective).toEqual({ state: "shown", n: 10, mean: 2.9 });
    expect(first).toHaveLength(5);
  });
});

describe("the all-teams row", () => {
  it("never moves because one person in a team too small to show voted", async () => {
    const o = await createTestOrg(env.DB, { teams: 2 });
    await declareTeam(env.DB, o.teamIds[0], { name: "Large", declaredSize: 12 });
    await declareTeam(env.DB, o.teamIds[1], { name: "Small", declaredSize: 8 });
    const [large, small] = await Promise.all(o.teamIds.map((id) => pulseTokenFor(env.DB, o.admin, id)));
    const [objLarge, objSmall] = o.teamObjectiveIds;
    await voteAsTeam(env.DB, large, ballots(10, [objLarge], 4), W2);
    await voteAsTeam(env.DB, small, ballots(3, [objSmall], 4), W2);
    const total = async () => (await getPulseReadView(env.DB, o.admin, null, NOW)).sentiment!.org.total.cells[1];
    const before = await total();
    expect(before).toEqual({ state: "shown", n: 13, mean: 4 });

    // A fourth person in Small votes 1: Small stays hidden, and so does the change to the total.
    await voteAsTeam(env.DB, small, ballots(1, [objSmall], 1), W2);
    expect(await total()).toEqual(before);
    expect((await getBoard(env.DB, o.admin, NOW)).sentiment!.org.total.cells[1]).toEqual(before);

    // Once k more people have voted since, the total moves on.
    await voteAsTeam(env.DB, large, ballots(2, [objLarge], 4), W2);
    expect(await total()).toEqual(before);
    await voteAsTeam(env.DB, small, ballots(2, [objSmall], 4), W2);
    expect(await total()).toEqual({ state: "shown", n: 18, mean: 3.8 });
  });
});

describe("the threshold", () => {
  it("is locked while a wave is active, and refuses values outside 3–10", async () => {
    const error = await setAnonymityThreshold(env.DB, org.admin, { anonymityK: 3 }).catch((e: unknown) => e);
    expect((error as AppError).status).toBe(409);
    const idle = await createTestOrg(env.DB, { teams: 1, activate: false });
    for (const bad of [2, 11, "five"]) {
      expect(((await setAnonymityThreshold(env.DB, idle.admin, { anonymityK: bad }).catch((e: unknown) => e)) as AppError).status).toBe(400);
    }
    expect(((await setAnonymityThreshold(env.DB, idle.leads[0], { anonymityK: 4 }).catch((e: unknown) => e)) as AppError).status).toBe(403);
  });
});
