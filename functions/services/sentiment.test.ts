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
const NOW = new Date("2026-11-12T12:00:00Z"); // week 2 still running
const AFTER = new Date("2026-11-17T09:00:00Z"); // weeks 1 and 2 over everywhere
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
  const team1 = await voteAsTeam(
    env.DB,
    tokens[0],
    ballots(8, [obj[0]], (v) => 3 + (v % 2)),
    W1,
  );
  const team2 = await voteAsTeam(env.DB, tokens[1], ballots(6, [obj[1]], 4), W1);
  await voteAsTeam(
    env.DB,
    tokens[2],
    ballots(3, [obj[2]], 1, () => "We are drowning and nobody listens"),
    W1,
  );
  const team4 = await voteAsTeam(env.DB, tokens[3], ballots(4, [obj[3]], 5), W1);
  await voteAsTeam(env.DB, tokens[0], ballots(8, [obj[0]], 4), W2, team1);
  await voteAsTeam(env.DB, tokens[1], ballots(6, [obj[1]], 4), W2, team2);
  await voteAsTeam(
    env.DB,
    tokens[3],
    ballots(5, [obj[3]], (v) => (v < 4 ? 4 : 1)),
    W2,
    team4,
  ); // one voter joins, votes 1
});

const state = (c: Cell | undefined) => c?.state;

async function apiJson(path: string) {
  const res = await exports.default.fetch(`https://mistvine.test${path}`, { headers: { cookie: `__Host-mv_session=${cookie}` } });
  expect(res.status).toBe(200);
  return res;
}

describe("a team of 3 and the org total minus the other teams", () => {
  it("hide the small team and the next-smallest in that week, on the board and the pulse view", async () => {
    for (const sentiment of [
      (await getBoard(env.DB, org.admin, NOW)).sentiment!,
      (await getPulseReadView(env.DB, org.admin, null, NOW)).sentiment!,
    ]) {
      const week1 = sentiment.org.rows.map((r) => state(r.cells[0]));
      // Team 3 (3 people) and Team 4 (4 people) are below k; together 7 ≥ 5, so nothing else needs hiding.
      expect(week1).toEqual(["shown", "shown", "suppressed", "suppressed"]);
      expect(sentiment.org.total.cells[0]).toEqual({ state: "shown", n: 21, mean: expect.any(Number) });
    }
  });

  it("hide them in the board API, the pulse API and the CSV too, with no number attached", async () => {
    const board = (await (await apiJson(`/api/orgs/${org.admin.org.slug}/board`)).json()) as {
      confidence: { teams: { label: string; cells: Cell[] }[] };
    };
    expect(board.confidence.teams.find((t) => t.label === "Team 3")?.cells[0]).toEqual({ state: "suppressed" });
    const pulse = (await (await apiJson(`/api/orgs/${org.admin.org.slug}/pulse`)).json()) as {
      org: { rows: { label: string; cells: Cell[] }[] };
    };
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
    const res = await exports.default.fetch(`https://mistvine.test/api/orgs/${o.admin.org.slug}/teams/${o.teamIds[1]}/pulse`, {
      headers: { cookie: `__Host-mv_session=${c}` },
    });
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

describe("a running week", () => {
  it("shows nothing of its votes, on any read path, until it is over in every time zone", async () => {
    const o = await createTestOrg(env.DB, { teams: 1 });
    const token = await pulseTokenFor(env.DB, o.admin, o.teamIds[0]);
    const people = await voteAsTeam(env.DB, token, ballots(5, [o.teamObjectiveIds[0]], 4), W1);
    await voteAsTeam(env.DB, token, ballots(5, [o.teamObjectiveIds[0]], 2), W2, people);
    const read = await getPulseReadView(env.DB, o.admin, null, NOW);
    expect(read.sentiment!.weeks).toEqual([WEEK1]);
    expect(read.sentiment!.next).toEqual({ week: "2026-11-09", showsAt: "2026-11-16T12:00:00.000Z" });
    expect(pulseCsv(read)).not.toContain("2026-11-09");
    expect((await getBoard(env.DB, o.admin, NOW)).sentiment!.weeks).toEqual([WEEK1]);
    expect((await getTeamPulse(env.DB, o.admin, o.teamIds[0], null, NOW)).map!.weeks).toEqual([WEEK1]);
    // Monday 11:59 UTC: over in UTC and in Tokyo, not yet in Pago Pago (UTC−11) nor in UTC−12.
    expect((await getPulseReadView(env.DB, o.admin, null, new Date("2026-11-16T11:59:00Z"))).sentiment!.weeks).toEqual([WEEK1]);
    expect((await getPulseReadView(env.DB, o.admin, null, new Date("2026-11-16T12:00:00Z"))).sentiment!.org.rows[0].cells).toEqual([
      { state: "shown", n: 5, mean: 4 },
      { state: "shown", n: 5, mean: 2 },
    ]);
  });
});

describe("how long a team waits", () => {
  it("a team of 8 voting on Thursday (the default voting day) sees its week 99 hours later, on Monday at 12:00 UTC", async () => {
    const o = await createTestOrg(env.DB, { teams: 1, timeZone: "Europe/Berlin" });
    await declareTeam(env.DB, o.teamIds[0], { name: "Eight", declaredSize: 8 });
    const token = await pulseTokenFor(env.DB, o.admin, o.teamIds[0]);
    const votedAt = new Date("2026-11-12T09:00:00Z"); // Thursday 10:00 in Berlin
    await voteAsTeam(env.DB, token, ballots(8, [o.teamObjectiveIds[0]], 4), votedAt);
    const shownAt = async (at: Date) => (await getPulseReadView(env.DB, o.admin, null, at)).sentiment!.weeks.includes("2026-11-09");
    const wait = Date.parse((await getPulseReadView(env.DB, o.admin, null, votedAt)).sentiment!.next!.showsAt) - votedAt.getTime();
    expect(wait / 3_600_000).toBe(99);
    expect(await shownAt(new Date(votedAt.getTime() + wait - 60_000))).toBe(false);
    expect(await shownAt(new Date(votedAt.getTime() + wait))).toBe(true);
  });
});

describe("a week where one voter joins", () => {
  it("keeps the week of 4 hidden, and raises no drop flag from it", async () => {
    const read = await getPulseReadView(env.DB, org.admin, null, AFTER);
    const team4 = read.sentiment!.org.rows[3];
    expect(team4.cells.map(state)).toEqual(["suppressed", "shown"]);
    // Week 1 was all 5s, week 2 averages 3.4: a drop of 1.6 that must not be flagged, since
    // flagging it would tell how the hidden week voted.
    expect(team4.drops).toEqual([false, false]);
    expect(read.sentiment!.teams.get(org.teamIds[3])!.rows[0].drops).toEqual([false, false]);
  });
});

describe("comments", () => {
  it("need max(k, 5) votes in the cell even when k is 3, and come shuffled without dates, only once the week is over everywhere", async () => {
    const small = await createTestOrg(env.DB, { teams: 1, activate: false });
    await setAnonymityThreshold(env.DB, small.admin, { anonymityK: 3 });
    await moveWaveTo(env.DB, small.admin, small.waveId, "active", W1);
    const admin = await requireOrgAccess(env.DB, small.admin.viewer, small.admin.org.slug);
    expect(admin.org.anonymity_k).toBe(3);
    const token = await pulseTokenFor(env.DB, small.admin, small.teamIds[0]);
    const o = small.teamObjectiveIds[0];
    const first = await voteAsTeam(
      env.DB,
      token,
      ballots(4, [o], 3, (v) => `comment ${v}`),
      W1,
    );
    let team = await getTeamPulse(env.DB, admin, small.teamIds[0], null, NOW);
    expect(team.map?.rows[0].cells[0]).toMatchObject({ state: "shown", n: 4 });
    expect(team.comments).toEqual([]);

    await voteAsTeam(
      env.DB,
      token,
      ballots(5, [o], 3, (v) => `later ${v}`),
      W2,
      first,
    );
    // While week 2 still runs, anywhere, its comments stay hidden: one appearing could be tied
    // to whoever just voted. Switching the org to the earliest time zone (UTC+14, where the
    // week ended ten hours before UTC) brings nothing forward either.
    const kiritimati = { ...admin, org: { ...admin.org, time_zone: "Pacific/Kiritimati" } };
    for (const [who, at] of [
      [admin, NOW],
      [kiritimati, new Date("2026-11-15T11:00:00Z")],
      [kiritimati, new Date("2026-11-16T11:00:00Z")],
    ] as const) {
      team = await getTeamPulse(env.DB, who, small.teamIds[0], null, at);
      expect(team.map?.weeks).toEqual([WEEK1]);
      expect(team.comments).toEqual([]);
    }
    let draws = 0;
    team = await getTeamPulse(env.DB, admin, small.teamIds[0], null, new Date("2026-11-16T12:00:00Z"), () => (draws++, 0.5));
    expect(team.map?.rows[0].cells[1]).toMatchObject({ state: "shown", n: 5 });
    expect(team.comments).toHaveLength(1);
    expect(team.comments[0].comments.slice().sort()).toEqual(["later 0", "later 1", "later 2", "later 3", "later 4"]);
    // Shuffled: one random draw per swap of a Fisher–Yates pass over the five comments.
    expect(draws).toBe(4);
    expect(Object.keys(team.comments[0]).sort()).toEqual(["comments", "objectiveId", "week"]);
  });
});

describe("a published week", () => {
  it("publishes all its figures at once from one snapshot, and never changes after, whatever is deleted or added", async () => {
    const o = await createTestOrg(env.DB, { teams: 2 });
    await declareTeam(env.DB, o.teamIds[0], { name: "Large", declaredSize: 12 });
    await declareTeam(env.DB, o.teamIds[1], { name: "Small", declaredSize: 8 });
    const [large, small] = await Promise.all(o.teamIds.map((id) => pulseTokenFor(env.DB, o.admin, id)));
    const [objLarge, objSmall] = o.teamObjectiveIds;
    await voteAsTeam(env.DB, large, ballots(10, [objLarge], 4), W2);
    await voteAsTeam(env.DB, small, ballots(3, [objSmall], 4), W2);
    const read = async (at = AFTER) => {
      const view = await getPulseReadView(env.DB, o.admin, null, at);
      return { org: view.sentiment!.org, teams: Object.fromEntries(view.sentiment!.teams), csv: pulseCsv(view) };
    };
    // Before the week is over, a fourth person in Small votes 1: nobody saw a figure before it.
    expect((await read(NOW)).org.weeks).toEqual([WEEK1]);
    await voteAsTeam(env.DB, small, ballots(1, [objSmall], 1), W2);
    const published = await read();
    expect(published.org.total.cells[1]).toEqual({ state: "shown", n: 14, mean: 3.8 });
    expect(published.org.rows.map((r) => state(r.cells[1]))).toEqual(["suppressed", "suppressed"]);
    expect((await getBoard(env.DB, o.admin, AFTER)).sentiment!.org).toEqual(published.org);

    // Deleting Small (its votes go with it) neither republishes the total nor lets Large show:
    // the total minus Large would be Small's four people.
    await env.DB.prepare("DELETE FROM teams WHERE id = ?1").bind(o.teamIds[1]).run();
    const later = await read();
    expect(later.org.total.cells[1]).toEqual(published.org.total.cells[1]);
    expect(later.org.rows.map((r) => [r.label, state(r.cells[1])])).toEqual([
      ["Large", "suppressed"],
      ["Small", "suppressed"],
    ]);
    expect(later.csv).toBe(published.csv);
  });

  it("keeps an objective deleted after the week in the team's total, and shows no objective the deletion would give away", async () => {
    const o = await createTestOrg(env.DB, { teams: 2 });
    await declareTeam(env.DB, o.teamIds[0], { name: "Two objectives", declaredSize: 9 });
    const token = await pulseTokenFor(env.DB, o.admin, o.teamIds[0]);
    const second = await env.DB.prepare("SELECT id FROM objectives WHERE team_id = ?1").bind(o.teamIds[0]).first<{ id: string }>();
    const [a] = [o.teamObjectiveIds[0], second!.id];
    const other = await pulseTokenFor(env.DB, o.admin, o.teamIds[1]);
    await voteAsTeam(env.DB, token, ballots(6, [a], 4), W2);
    await voteAsTeam(env.DB, other, ballots(6, [o.teamObjectiveIds[1]], 2), W2);
    const before = await getPulseReadView(env.DB, o.admin, null, AFTER);
    await env.DB.prepare("DELETE FROM objectives WHERE id = ?1").bind(a).run();
    const after = await getPulseReadView(env.DB, o.admin, null, AFTER);
    expect(after.sentiment!.org).toEqual(before.sentiment!.org);
    // The deleted objective's row stays, as published, under its title then.
    expect(after.sentiment!.teams.get(o.teamIds[0])!.rows.find((r) => r.key === a)).toEqual(
      before.sentiment!.teams.get(o.teamIds[0])!.rows.find((r) => r.key === a),
    );
  });
});

describe("k lowered after a wave", () => {
  it("never redraws the wave's weeks: they keep the k the wave started with, on every read path", async () => {
    const o = await createTestOrg(env.DB, { teams: 2 });
    const [a, b] = await Promise.all(o.teamIds.map((id) => pulseTokenFor(env.DB, o.admin, id)));
    await voteAsTeam(env.DB, a, ballots(4, [o.teamObjectiveIds[0]], 1), W1);
    await voteAsTeam(env.DB, b, ballots(6, [o.teamObjectiveIds[1]], 4), W1);
    const during = await getPulseReadView(env.DB, o.admin, null, AFTER);
    expect(during.sentiment!.org.rows.map((r) => state(r.cells[0]))).toEqual(["suppressed", "suppressed"]);
    await moveWaveTo(env.DB, o.admin, o.waveId, "completed", AFTER);
    await setAnonymityThreshold(env.DB, o.admin, { anonymityK: 3 });
    const admin = await requireOrgAccess(env.DB, o.admin.viewer, o.admin.org.slug);
    expect(admin.org.anonymity_k).toBe(3);
    // Under k = 3 the team of four would show its 1.0: answers given under the promise of 5 stay under it.
    const after = await getPulseReadView(env.DB, admin, o.waveId, new Date("2026-12-01T09:00:00Z"));
    expect(after.sentiment!.k).toBe(5);
    expect(after.sentiment!.org.rows.map((r) => r.cells[0])).toEqual(during.sentiment!.org.rows.map((r) => r.cells[0]));
    expect(after.sentiment!.org.total.cells[0]).toEqual(during.sentiment!.org.total.cells[0]);
    const week1 = (csv: string) => csv.split("\r\n").filter((l) => l.includes(WEEK1));
    expect(week1(pulseCsv(after))).toEqual(week1(pulseCsv(during)));
    expect((await getTeamPulse(env.DB, admin, o.teamIds[0], o.waveId, new Date("2026-12-01T09:00:00Z"))).k).toBe(5);
  });
});

describe("the threshold", () => {
  it("is locked while a wave is active, and refuses values outside 3–10", async () => {
    const error = await setAnonymityThreshold(env.DB, org.admin, { anonymityK: 3 }).catch((e: unknown) => e);
    expect((error as AppError).status).toBe(409);
    const idle = await createTestOrg(env.DB, { teams: 1, activate: false });
    for (const bad of [2, 11, "five"]) {
      expect(((await setAnonymityThreshold(env.DB, idle.admin, { anonymityK: bad }).catch((e: unknown) => e)) as AppError).status).toBe(
        400,
      );
    }
    expect(((await setAnonymityThreshold(env.DB, idle.leads[0], { anonymityK: 4 }).catch((e: unknown) => e)) as AppError).status).toBe(403);
  });
});
