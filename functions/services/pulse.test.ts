import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { countingD1 } from "../../tests/support/d1-counter";
import { createTestOrg, declareTeam, type TestOrg } from "../../tests/support/org-fixtures";
import { ballots, pulseTokenFor, voteAsTeam, voteSubmissionId } from "../../tests/support/pulse-fixtures";
import { runPurgePulseGuards } from "../jobs/purge-pulse-guards";
import { AppError } from "./errors";
import { createTeamObjective } from "./objectives";
import { getPulsePage, submitVotes } from "./pulse";
import { revokePulseLink } from "./pulse-links";

const WED = new Date("2026-11-11T12:00:00Z"); // week of 2026-11-09, wave from 2026-11-02
let org: TestOrg;
let token: string;
let objectiveId: string;

async function counts() {
  const q = (sql: string) => env.DB.prepare(sql).first<number>("n");
  return {
    votes: await q("SELECT COUNT(*) AS n FROM pulse_votes"),
    guards: await q("SELECT COUNT(*) AS n FROM pulse_guards"),
    credentials: await q("SELECT COUNT(*) AS n FROM pulse_credentials"),
    respondents: await q("SELECT COALESCE(SUM(respondents), 0) AS n FROM pulse_respondents"),
  };
}

async function expectRefused(promise: Promise<unknown>, status: number, field?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  if (field) expect((error as AppError).details.map((d) => d.field)).toContain(field);
  return error as AppError;
}

beforeEach(async () => {
  for (const t of ["pulse_votes", "pulse_guards", "pulse_credentials", "pulse_respondents", "pulse_links"])
    await env.DB.prepare(`DELETE FROM ${t}`).run();
  org = await createTestOrg(env.DB, { teams: 2 });
  await declareTeam(env.DB, org.teamIds[0], { name: "Team 1", declaredSize: 4 });
  token = await pulseTokenFor(env.DB, org.admin, org.teamIds[0]);
  objectiveId = org.teamObjectiveIds[0];
});

describe("what a vote stores", () => {
  it("a vote row has objective, week, score and comment: no credential, IP, user agent or time", async () => {
    const { results } = await env.DB.prepare("SELECT name FROM pragma_table_info('pulse_votes')").all<{ name: string }>();
    expect(results.map((r) => r.name).sort()).toEqual(["comment", "id", "objective_id", "org_id", "score", "team_id", "wave_id", "week"]);
    await submitVotes(
      env.DB,
      token,
      [],
      { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 4, comment: "Good week" }] },
      WED,
    );
    const row = await env.DB.prepare("SELECT id, week, score, comment FROM pulse_votes").first<Record<string, string>>();
    expect(row).toMatchObject({ week: "2026-11-09", score: 4, comment: "Good week" });
    expect(row?.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("the guard has no column that names a vote, and credentials are stored only hashed", async () => {
    const { results } = await env.DB.prepare("SELECT name FROM pragma_table_info('pulse_guards')").all<{ name: string }>();
    expect(results.map((r) => r.name).sort()).toEqual(["credential_hash", "objective_id", "submission_id", "team_id", "week"]);
    const outcome = await submitVotes(env.DB, token, [], { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 3 }] }, WED);
    const stored = await env.DB.prepare("SELECT credential_hash FROM pulse_credentials").first<{ credential_hash: string }>();
    expect(stored?.credential_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.credential_hash).not.toBe(outcome.credential);
    const everywhere = await env.DB.prepare("SELECT COUNT(*) AS n FROM pulse_guards WHERE credential_hash = ?1")
      .bind(outcome.credential)
      .first("n");
    expect(everywhere).toBe(0);
  });

  it("takes at most two D1 round trips", async () => {
    const counter = countingD1(env.DB);
    await submitVotes(counter.db, token, [], { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 5 }] }, WED);
    expect(counter.roundTrips()).toBe(2);
  });
});

describe("one vote per person per objective per week", () => {
  it("refuses a second vote the same week politely and stores nothing", async () => {
    const [cred] = await voteAsTeam(env.DB, token, ballots(1, [objectiveId], 4), WED);
    const before = await counts();
    const error = await expectRefused(
      submitVotes(env.DB, token, cred, { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 1 }] }, WED),
      409,
    );
    expect(error.message).toContain("already rated");
    expect(await counts()).toEqual(before);
  });

  it("answers a retried submission as the first time, storing nothing new", async () => {
    const submissionId = voteSubmissionId();
    const first = await submitVotes(env.DB, token, [], { submissionId, votes: [{ objectiveId, score: 4 }] }, WED);
    const before = await counts();
    const again = await submitVotes(env.DB, token, [first.credential], { submissionId, votes: [{ objectiveId, score: 4 }] }, WED);
    expect(again.recorded).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("lets the same person vote again the next week", async () => {
    const [cred] = await voteAsTeam(env.DB, token, ballots(1, [objectiveId], 4), WED);
    await submitVotes(
      env.DB,
      token,
      cred,
      { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 2 }] },
      new Date("2026-11-16T09:00:00Z"),
    );
    expect(await counts()).toMatchObject({ votes: 2, credentials: 1, respondents: 2 });
  });

  it("N parallel votes from N browsers store exactly N", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () =>
        submitVotes(env.DB, token, [], { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 3 }] }, WED),
      ),
    );
    expect(new Set(outcomes.map((o) => o.credential)).size).toBe(4);
    expect(await counts()).toEqual({ votes: 4, guards: 4, credentials: 4, respondents: 4 });
  });

  it("N parallel repeats from one browser store exactly one", async () => {
    const [cred] = await voteAsTeam(env.DB, token, ballots(1, [org.teamObjectiveIds[0]], 3), new Date("2026-11-04T09:00:00Z"));
    const settled = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        submitVotes(env.DB, token, cred, { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 5 }] }, WED),
      ),
    );
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    for (const s of settled) if (s.status === "rejected") expect((s.reason as AppError).status).toBe(409);
    const thisWeek = await env.DB.prepare("SELECT COUNT(*) AS n FROM pulse_votes WHERE week = '2026-11-09'").first("n");
    expect(thisWeek).toBe(1);
  });

  it("hands out at most the team's declared size of credentials per wave", async () => {
    await voteAsTeam(env.DB, token, ballots(4, [objectiveId], 3), WED);
    const before = await counts();
    const error = await expectRefused(
      submitVotes(env.DB, token, [], { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 3 }] }, WED),
      409,
    );
    // The refusal says the link is full, never how many people used it.
    expect(error.message).toContain("takes no new voters");
    expect(error.message).not.toMatch(/\d/);
    expect(await counts()).toEqual(before);
    expect((await getPulsePage(env.DB, token, [], WED)).full).toBe(true);
  });

  it("keeps the cap under concurrency", async () => {
    await Promise.allSettled(
      Array.from({ length: 7 }, () =>
        submitVotes(env.DB, token, [], { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 3 }] }, WED),
      ),
    );
    expect(await counts()).toMatchObject({ credentials: 4, votes: 4 });
  });
});

describe("bad input stores nothing", () => {
  it.each([
    ["a score of 0", { votes: [{ score: 0 }] }, "votes.0.score"],
    ["a score of 6", { votes: [{ score: 6 }] }, "votes.0.score"],
    ["a fractional score", { votes: [{ score: 2.5 }] }, "votes.0.score"],
    ["an oversized comment", { votes: [{ score: 3, comment: "x".repeat(501) }] }, "votes.0.comment"],
    ["no votes at all", { votes: [] }, "votes"],
    ["two votes on one objective", { votes: [{ score: 3 }, { score: 4 }] }, "votes.1.objectiveId"],
    ["no submission id", { submissionId: undefined, votes: [{ score: 3 }] }, "submissionId"],
  ])("%s → 400", async (_name, patch, field) => {
    const votes = (patch.votes as { score: number; comment?: string }[]).map((v) => ({ objectiveId, ...v }));
    const before = await counts();
    await expectRefused(submitVotes(env.DB, token, [], { submissionId: voteSubmissionId(), ...patch, votes }, WED), 400, field);
    expect(await counts()).toEqual(before);
  });

  it("an objective not on this team's wave → 400", async () => {
    const before = await counts();
    await expectRefused(
      submitVotes(
        env.DB,
        token,
        [],
        { submissionId: voteSubmissionId(), votes: [{ objectiveId: org.teamObjectiveIds[1], score: 3 }] },
        WED,
      ),
      400,
      "votes.0.objectiveId",
    );
    const other = await createTestOrg(env.DB, { teams: 1 });
    await expectRefused(
      submitVotes(
        env.DB,
        token,
        [],
        { submissionId: voteSubmissionId(), votes: [{ objectiveId: other.teamObjectiveIds[0], score: 3 }] },
        WED,
      ),
      400,
      "votes.0.objectiveId",
    );
    expect(await counts()).toEqual(before);
  });

  it("a revoked link answers 410 and an unknown one 404, storing nothing", async () => {
    await revokePulseLink(env.DB, org.admin, org.teamIds[0], WED);
    const before = await counts();
    await expectRefused(submitVotes(env.DB, token, [], { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 3 }] }, WED), 410);
    await expectRefused(getPulsePage(env.DB, token, [], WED), 410);
    await expectRefused(getPulsePage(env.DB, "A".repeat(22), [], WED), 404);
    await expectRefused(getPulsePage(env.DB, "../x", [], WED), 404);
    expect(await counts()).toEqual(before);
  });

  it("refuses votes before the wave starts or after it ends", async () => {
    await expectRefused(
      submitVotes(
        env.DB,
        token,
        [],
        { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 3 }] },
        new Date("2026-10-20T12:00:00Z"),
      ),
      409,
    );
    await expectRefused(
      submitVotes(
        env.DB,
        token,
        [],
        { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 3 }] },
        new Date("2026-12-02T12:00:00Z"),
      ),
      409,
    );
  });
});

describe("weeks follow the org's time zone, Monday start", () => {
  it("a Sunday-night vote in UTC is already Monday's week in Tokyo", async () => {
    const tokyo = await createTestOrg(env.DB, { teams: 1, timeZone: "Asia/Tokyo" });
    const t = await pulseTokenFor(env.DB, tokyo.admin, tokyo.teamIds[0]);
    await submitVotes(
      env.DB,
      t,
      [],
      { submissionId: voteSubmissionId(), votes: [{ objectiveId: tokyo.teamObjectiveIds[0], score: 3 }] },
      new Date("2026-11-15T16:00:00Z"),
    );
    const row = await env.DB.prepare("SELECT week FROM pulse_votes WHERE objective_id = ?1")
      .bind(tokyo.teamObjectiveIds[0])
      .first<{ week: string }>();
    expect(row?.week).toBe("2026-11-16");
  });
});

describe("the guard is forgotten once its week is over", () => {
  it("the hourly job deletes guards older than last week, and votes stay", async () => {
    await voteAsTeam(env.DB, token, ballots(2, [objectiveId], 4), new Date("2026-11-04T12:00:00Z"));
    await voteAsTeam(env.DB, token, ballots(1, [objectiveId], 4), WED);
    await runPurgePulseGuards(env, new Date("2026-11-17T00:30:00Z"));
    expect(await counts()).toMatchObject({ guards: 1, votes: 3 });
  });
});

describe("a new objective mid-wave", () => {
  it("appears on the page and can be voted on the same week by someone who voted already", async () => {
    const [cred] = await voteAsTeam(env.DB, token, ballots(1, [objectiveId], 4), WED);
    const id = await createTeamObjective(
      env.DB,
      org.admin,
      org.waveId,
      { teamId: org.teamIds[0], parentId: org.orgObjectiveIds[0], title: "New goal", rationale: "It moves the org objective." },
      WED,
    );
    const page = await getPulsePage(env.DB, token, cred, WED);
    expect(page.objectives.map((o) => [o.title, o.voted]).sort()).toEqual([
      ["New goal", false],
      ["Objective of team 1", true],
    ]);
    await submitVotes(env.DB, token, cred, { submissionId: voteSubmissionId(), votes: [{ objectiveId: id, score: 2 }] }, WED);
    expect(await counts()).toMatchObject({ votes: 2, credentials: 1, respondents: 1 });
  });
});
