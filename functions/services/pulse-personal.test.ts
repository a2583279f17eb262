import { env, exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { countingD1 } from "../../tests/support/d1-counter";
import { createTestOrg, type TestOrg } from "../../tests/support/org-fixtures";
import { ballots, pulseTokenFor, voteAsTeam, voteSubmissionId } from "../../tests/support/pulse-fixtures";
import { setAnonymityThreshold } from "./anonymity-settings";
import { AppError } from "./errors";
import { saveOrgSettings } from "./org-settings";
import { getPulsePage, getPulsePageForBrowser, PERSONAL_MODE_MESSAGE, readCredentials, submitVotes } from "./pulse";
import { setPulseMode } from "./pulse-links";
import { enqueuePulseReminders } from "./pulse-reminders";
import { saveTeamAddresses } from "./team-addresses";
import { editTeam } from "./teams";
import { moveWaveTo } from "./waves";

const WED = new Date("2026-11-11T12:00:00Z"); // week of 2026-11-09, wave from 2026-11-02
const WEEK = "2026-11-09";
const ORIGIN = "https://mistvine.test";
const ADDRESSES = ["ana@team.example", "bo@team.example", "cy@team.example", "dee@team.example"];
let org: TestOrg;
let objectiveId: string;

async function counts(teamId: string) {
  const q = (sql: string) => env.DB.prepare(sql).bind(teamId).first<number>("n");
  return {
    votes: await q("SELECT COUNT(*) AS n FROM pulse_votes WHERE team_id = ?1"),
    credentials: await q("SELECT COUNT(*) AS n FROM pulse_credentials WHERE team_id = ?1"),
    respondents: await q("SELECT COALESCE(SUM(respondents), 0) AS n FROM pulse_respondents WHERE team_id = ?1"),
  };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** The personal links this week's reminders carry, read from the queued emails of the team's list. */
async function personalTokens(): Promise<Map<string, string>> {
  const { results } = await env.DB.prepare("SELECT idempotency_key, to_address, text FROM outbox WHERE kind = 'pulse_reminder'").all<{
    idempotency_key: string;
    to_address: string;
    text: string;
  }>();
  const ours = results.filter(
    (r) => r.idempotency_key.startsWith(`pulse_reminder:${org.admin.org.id}:${org.teamIds[0]}:`) && r.idempotency_key.endsWith(`:${WEEK}`),
  );
  return new Map(ours.map((r) => [r.to_address, /\/p\/([A-Za-z0-9_-]{43})/.exec(r.text)![1]]));
}

async function scheduledOrg() {
  return { ...org.admin.org, report_weekday: 1, report_hour: 9, pulse_weekday: 3 };
}

beforeEach(async () => {
  // The team switches to personal links before its wave starts, then the wave runs.
  org = await createTestOrg(env.DB, { teams: 1, activate: false });
  await setPulseMode(env.DB, org.leads[0], org.teamIds[0], { mode: "personal" });
  await saveTeamAddresses(env.DB, org.leads[0], org.teamIds[0], { addresses: ADDRESSES.join("\n") }, new Date("2026-10-30T10:00:00Z"));
  await moveWaveTo(env.DB, org.admin, org.waveId, "active", new Date("2026-11-02T08:00:00Z"));
  objectiveId = org.teamObjectiveIds[0];
});

describe("personal pulse links", () => {
  it("gives each address its own link, and each link counts once however often it is used", async () => {
    expect(await enqueuePulseReminders(env.DB, await scheduledOrg(), WEEK, ORIGIN, WED)).toBe(ADDRESSES.length);
    const tokens = await personalTokens();
    expect([...tokens.keys()].sort()).toEqual(ADDRESSES);
    expect(new Set(tokens.values()).size).toBe(ADDRESSES.length);
    const [ana, bo] = [tokens.get(ADDRESSES[0])!, tokens.get(ADDRESSES[1])!];
    await submitVotes(env.DB, ana, [], { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 4 }] }, WED);
    // The same link in a second browser (no cookie) is the same person: refused, nothing stored.
    const again = await refusal(
      submitVotes(env.DB, ana, [], { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 1 }] }, WED),
    );
    expect(again.status).toBe(409);
    await submitVotes(env.DB, bo, [], { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 2 }] }, WED);
    expect(await counts(org.teamIds[0])).toEqual({ votes: 2, credentials: 2, respondents: 2 });
    expect((await getPulsePage(env.DB, ana, [], WED)).objectives[0].voted).toBe(true);
  });

  it("refuses the shared link: k − 1 votes through it change nothing", async () => {
    const shared = await pulseTokenFor(env.DB, org.leads[0], org.teamIds[0]);
    const page = await getPulsePage(env.DB, shared, [], WED);
    expect(page.closed).toBe(PERSONAL_MODE_MESSAGE);
    const before = await counts(org.teamIds[0]);
    const k = org.admin.org.anonymity_k;
    const settled = await Promise.allSettled(
      ballots(k - 1, [objectiveId], 5).map((votes) => submitVotes(env.DB, shared, [], { submissionId: voteSubmissionId(), votes }, WED)),
    );
    for (const s of settled) {
      expect(s.status).toBe("rejected");
      expect(((s as PromiseRejectedResult).reason as AppError).status).toBe(409);
    }
    expect(await counts(org.teamIds[0])).toEqual(before);
  });

  it("stores no link between an address and a credential or a vote", async () => {
    const columns = async (table: string) =>
      (await env.DB.prepare(`SELECT name FROM pragma_table_info('${table}')`).all<{ name: string }>()).results.map((r) => r.name).sort();
    expect(await columns("pulse_personal_links")).toEqual(["org_id", "team_id", "token_hash", "wave_id", "week"]);
    expect(await columns("pulse_credentials")).toEqual(["credential_hash", "team_id", "wave_id"]);
    expect(await columns("pulse_votes")).toEqual(["comment", "id", "objective_id", "org_id", "score", "team_id", "wave_id", "week"]);
    expect(await columns("pulse_guards")).toEqual(["credential_hash", "objective_id", "submission_id", "team_id", "week"]);

    await enqueuePulseReminders(env.DB, await scheduledOrg(), WEEK, ORIGIN, WED);
    const token = (await personalTokens()).get(ADDRESSES[2])!;
    const outcome = await submitVotes(env.DB, token, [], { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 3 }] }, WED);
    // The credential is neither the link's token nor stored next to it; the link row holds only a hash.
    expect(outcome.credential).not.toBe(token);
    const link = await env.DB.prepare("SELECT token_hash FROM pulse_personal_links WHERE team_id = ?1 LIMIT 1")
      .bind(org.teamIds[0])
      .first<{ token_hash: string }>();
    expect(link?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const cred = await env.DB.prepare("SELECT credential_hash FROM pulse_credentials WHERE team_id = ?1")
      .bind(org.teamIds[0])
      .first<{ credential_hash: string }>();
    const linkHashes = (await env.DB.prepare("SELECT token_hash FROM pulse_personal_links").all<{ token_hash: string }>()).results.map(
      (r) => r.token_hash,
    );
    expect(linkHashes).not.toContain(cred?.credential_hash);
  });

  it("a vote through a personal link takes two D1 round trips", async () => {
    await enqueuePulseReminders(env.DB, await scheduledOrg(), WEEK, ORIGIN, WED);
    const token = (await personalTokens()).get(ADDRESSES[3])!;
    const counter = countingD1(env.DB);
    await submitVotes(counter.db, token, [], { submissionId: voteSubmissionId(), votes: [{ objectiveId, score: 5 }] }, WED);
    expect(counter.roundTrips()).toBe(2);
  });

  it("a job that runs twice sends and registers no second set of links", async () => {
    await enqueuePulseReminders(env.DB, await scheduledOrg(), WEEK, ORIGIN, WED);
    await enqueuePulseReminders(env.DB, await scheduledOrg(), WEEK, ORIGIN, WED);
    const links = await env.DB.prepare("SELECT COUNT(*) AS n FROM pulse_personal_links WHERE team_id = ?1").bind(org.teamIds[0]).first("n");
    expect(links).toBe(ADDRESSES.length);
  });

  it("a link from an earlier week no longer votes", async () => {
    await enqueuePulseReminders(env.DB, await scheduledOrg(), WEEK, ORIGIN, WED);
    const token = (await personalTokens()).get(ADDRESSES[0])!;
    const nextWeek = new Date("2026-11-17T12:00:00Z");
    expect((await getPulsePage(env.DB, token, [], nextWeek)).closed).toContain("earlier week");
  });

  it("shows the team how many addresses the list holds, their domains and when it changed", async () => {
    await enqueuePulseReminders(env.DB, await scheduledOrg(), WEEK, ORIGIN, WED);
    const token = (await personalTokens()).get(ADDRESSES[0])!;
    expect((await getPulsePage(env.DB, token, [], WED)).list).toEqual({
      addresses: 4,
      domains: ["team.example"],
      changedOn: "2026-10-30",
      changedDuringWave: false,
    });
    await saveTeamAddresses(
      env.DB,
      org.leads[0],
      org.teamIds[0],
      { addresses: [...ADDRESSES, "lead.alt@elsewhere.example"].join("\n") },
      WED,
    );
    expect((await getPulsePage(env.DB, token, [], WED)).list).toEqual({
      addresses: 5,
      domains: ["elsewhere.example", "team.example"],
      changedOn: "2026-11-11",
      changedDuringWave: true,
    });
  });

  it("refuses a change of mode while the wave is active", async () => {
    const error = await refusal(setPulseMode(env.DB, org.leads[0], org.teamIds[0], { mode: "shared" }));
    expect(error.status).toBe(409);
    expect(error.message).toContain("locked while Wave 1 is active");
  });
});

describe("settings that could probe how many voted", () => {
  it("refuses a change of the team's size, k or the time zone during a wave, with a clear message", async () => {
    const size = await refusal(editTeam(env.DB, org.admin, org.teamIds[0], { name: "Team 1", declaredSize: 2 }));
    expect(size.status).toBe(409);
    expect(size.details).toEqual([{ field: "declaredSize", issue: expect.stringContaining("locked while Wave 1 is active") }]);
    const k = await refusal(setAnonymityThreshold(env.DB, org.admin, { anonymityK: 3 }));
    expect(k.status).toBe(409);
    expect(k.message).toContain("locked while Wave 1 is active");
    const tz = await refusal(saveOrgSettings(env.DB, org.admin, { name: org.admin.org.name, timeZone: "Asia/Tokyo" }));
    expect(tz.status).toBe(409);
    expect(tz.details[0]).toMatchObject({ field: "timeZone" });
    // The name alone (same size, same zone) still saves.
    await editTeam(env.DB, org.admin, org.teamIds[0], { name: "Team One", declaredSize: 6 });
    await saveOrgSettings(env.DB, org.admin, { name: "Renamed", timeZone: org.admin.org.time_zone });
  });
});

describe("exactly-once first votes on the shared link", () => {
  let token: string;
  beforeEach(async () => {
    const shared = await createTestOrg(env.DB, { teams: 1, startsOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) });
    org = shared;
    token = await pulseTokenFor(env.DB, shared.admin, shared.teamIds[0]);
  });

  it("50 parallel identical first votes without a credential store one vote and one credential, and all answer with it", async () => {
    const body = JSON.stringify({ submissionId: voteSubmissionId(), votes: [{ objectiveId: org.teamObjectiveIds[0], score: 4 }] });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        exports.default.fetch(`${ORIGIN}/api/pulse/${token}/votes`, {
          method: "POST",
          headers: { "content-type": "application/json", "cf-connecting-ip": `198.51.100.${i}` },
          body,
        }),
      ),
    );
    const answers = await Promise.all(
      responses.map(async (r) => ({
        status: r.status,
        body: (await r.json()) as { credential: string; voted: string[]; recorded: boolean },
      })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(49);
    expect(new Set(answers.map((a) => a.body.credential)).size).toBe(1);
    for (const a of answers) expect(a.body.voted).toEqual([org.teamObjectiveIds[0]]);
    expect(await counts(org.teamIds[0])).toEqual({ votes: 1, credentials: 1, respondents: 1 });
    // A later repeat, now with the credential, answers the same way.
    const later = await exports.default.fetch(`${ORIGIN}/api/pulse/${token}/votes`, {
      method: "POST",
      headers: { "content-type": "application/json", "pulse-credential": answers[0].body.credential },
      body,
    });
    expect(later.status).toBe(200);
    expect(((await later.json()) as { credential: string }).credential).toBe(answers[0].body.credential);
    expect(await counts(org.teamIds[0])).toEqual({ votes: 1, credentials: 1, respondents: 1 });
  });

  it("different submissions racing from one browser store one", async () => {
    const { cookie } = await getPulsePageForBrowser(env.DB, token, [], new Date());
    expect(cookie).not.toBeNull();
    const browser = readCredentials(cookie!);
    const settled = await Promise.allSettled(
      [5, 1].map((score) =>
        submitVotes(
          env.DB,
          token,
          browser,
          { submissionId: voteSubmissionId(), votes: [{ objectiveId: org.teamObjectiveIds[0], score }] },
          new Date(),
        ),
      ),
    );
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    expect(((settled.find((s) => s.status === "rejected") as PromiseRejectedResult).reason as AppError).status).toBe(409);
    expect(await counts(org.teamIds[0])).toEqual({ votes: 1, credentials: 1, respondents: 1 });
    // The page keeps that credential: it asks for no new one.
    expect((await getPulsePageForBrowser(env.DB, token, browser, new Date())).cookie).toBeNull();
  });

  it("a full shared link says so without any count", async () => {
    await voteAsTeam(env.DB, token, ballots(6, [org.teamObjectiveIds[0]], 3), new Date());
    const error = await refusal(
      submitVotes(
        env.DB,
        token,
        [],
        { submissionId: voteSubmissionId(), votes: [{ objectiveId: org.teamObjectiveIds[0], score: 3 }] },
        new Date(),
      ),
    );
    expect(error.status).toBe(409);
    expect(error.message).not.toMatch(/\d/);
  });
});
