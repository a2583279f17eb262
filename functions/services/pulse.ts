import { anonymityPromise } from "../../src/domain/anonymity";
import { addDays, daysBetween, formatDay, localDate } from "../../src/domain/calendar";
import { pulseWeek } from "../../src/domain/pulse/weeks";
import { submissionIdSchema } from "../../src/schemas/common";
import { voteSubmissionSchema } from "../../src/schemas/pulse";
import {
  credentialStateStatements,
  pulseContextStatement,
  pulseObjectivesStatement,
  recentGuardsStatement,
  voteStatements,
  type GuardRow,
  type PulseContextRow,
} from "../db/pulse";
import { conflict, gone, notFound, validationFailed } from "./errors";
import { derivedCredential, writeCredentials } from "./pulse-credentials";
import { randomToken, sha256Hex } from "./tokens";
import { parseInput } from "./validate";
import { batch } from "../db/typed";

export { PULSE_COOKIE, PULSE_CREDENTIAL_HEADER, pulseCookieOptions, readCredentials, writeCredentials } from "./pulse-credentials";

const LINK_TOKEN = /^[A-Za-z0-9_-]{22,64}$/;

export interface PulseView {
  orgName: string;
  k: number;
  promise: string;
  team: { id: string; name: string; declaredSize: number };
  /** 'shared': the team's link, whose answers can include the lead's own; 'personal': one address's own link. */
  link: "shared" | "personal";
  /** Personal links: who is on the team's list, so a lead cannot quietly add addresses of their own. */
  list: { addresses: number; domains: string[]; changedOn: string | null; changedDuringWave: boolean } | null;
  week: string;
  weekLabel: string;
  wave: { id: string; name: string; startsOn: string; endsOn: string } | null;
  /** Why voting is closed this week, if it is. */
  closed: string | null;
  objectives: { id: string; title: string; keyResults: string; voted: boolean }[];
  /** True when this browser has no credential and the link takes no new voters this wave. */
  full: boolean;
}

interface Loaded {
  view: PulseView;
  context: PulseContextRow;
  /** The credential this browser votes with for this team and wave, if it holds a registered one. */
  credential: string | null;
  credentialHash: string | null;
  /** An unused credential of the browser (set by the page before the first vote), if any. */
  unused: string | null;
  guards: GuardRow[];
}

/** The submission id of a raw input, if it has a well-formed one (validation comes later). */
function submissionIdOf(input: unknown): string | null {
  const id = input && typeof input === "object" ? (input as { submissionId?: unknown }).submissionId : undefined;
  return typeof id === "string" && submissionIdSchema.safeParse(id).success ? id : null;
}

export const PERSONAL_MODE_MESSAGE =
  "This team votes through personal links now: use the link in this week's reminder email. Nothing was recorded.";
export const REVOKED_MESSAGE =
  "This pulse link is no longer in use: the team has a new one, or the team's pulse is paused. Ask in the team's chat for the current link.";

/**
 * One round trip: the link (shared or personal), its team and org, the week's objectives,
 * which of the browser's credentials exist, and their guards. A personal link ignores the
 * browser's credentials: its own is derived from its token. `seed` is the submission id of a
 * first vote without a credential.
 */
async function load(
  db: D1Database,
  token: string,
  credentials: readonly string[],
  now: Date,
  submissionSeed: string | null = null,
): Promise<Loaded> {
  if (!LINK_TOKEN.test(token)) throw notFound("That pulse link");
  const tokenHash = await sha256Hex(token);
  const personal = await derivedCredential(`personal:${token}`);
  const submitted = submissionSeed ? await derivedCredential(`first:${token}:${submissionSeed}`) : null;
  const candidates = [...credentials, personal, ...(submitted ? [submitted] : [])];
  const hashes = await Promise.all(candidates.map((c) => sha256Hex(c)));
  // The week follows the org's time zone, which this same batch reads: fetch the guards of
  // the last two UTC weeks and keep the org's week below.
  const [context, objectives, issued, owned, guards] = await batch(db, [
    pulseContextStatement(db, token, tokenHash),
    pulseObjectivesStatement(db, token, tokenHash),
    ...credentialStateStatements(db, token, tokenHash, hashes),
    recentGuardsStatement(db, hashes, addDays(pulseWeek(now, "UTC"), -7)),
  ]);
  const ctx = context.results[0];
  if (!ctx) throw notFound("That pulse link");
  if (ctx.revoked_at) throw gone(REVOKED_MESSAGE);
  const week = pulseWeek(now, ctx.time_zone);
  const rows = objectives.results;
  const wave = rows[0] ? { id: rows[0].wave_id, name: rows[0].wave_name, startsOn: rows[0].starts_on, endsOn: rows[0].ends_on } : null;
  // The promise is the running wave's: the k it started with, which later settings cannot change.
  const k = rows[0]?.wave_k ?? ctx.anonymity_k;
  const isPersonal = ctx.link_kind === "personal";
  // A personal link votes only with its own credential; the shared link with the browser's.
  const usable = isPersonal ? [personal] : candidates.filter((c) => c !== personal);
  const ownedRows = owned.results;
  const known = new Set(ownedRows.map((r) => r.credential_hash));
  const mineHash =
    ownedRows.find(
      (r) =>
        wave &&
        r.team_id === ctx.team_id &&
        r.wave_id === wave.id &&
        usable.some((c) => hashes[candidates.indexOf(c)] === r.credential_hash),
    )?.credential_hash ?? null;
  const credential = mineHash ? candidates[hashes.indexOf(mineHash)] : null;
  const unused = isPersonal ? personal : (credentials.find((c) => !known.has(hashes[candidates.indexOf(c)])) ?? null);
  const weekGuards = guards.results.filter((g) => g.week === week && g.credential_hash === mineHash);
  const voted = new Set(weekGuards.map((g) => g.objective_id));
  let closed: string | null = null;
  if (!wave) closed = "There is nothing to rate this week: the team has no objectives in an active wave yet.";
  else if (daysBetween(week, wave.startsOn) > 6) closed = `The wave starts on ${formatDay(wave.startsOn, true)}; voting opens that week.`;
  else if (daysBetween(wave.endsOn, week) > 0)
    closed = `This wave ended on ${formatDay(wave.endsOn, true)}. Voting opens again with the next wave.`;
  else if (!isPersonal && ctx.pulse_mode === "personal") closed = PERSONAL_MODE_MESSAGE;
  else if (isPersonal && (ctx.link_wave_id !== wave.id || ctx.link_week !== week))
    closed = "This personal link was for an earlier week. Each week's reminder email brings a new one: use the newest.";
  const handedOut = issued.results[0]?.issued ?? 0;
  const domains = (ctx.address_domains ?? "").split(",").filter(Boolean).sort();
  const changedOn = ctx.addresses_changed_at ? localDate(new Date(ctx.addresses_changed_at), ctx.time_zone) : null;
  return {
    view: {
      orgName: ctx.org_name,
      k,
      promise: anonymityPromise(k),
      team: { id: ctx.team_id, name: ctx.team_name, declaredSize: ctx.declared_size },
      link: ctx.link_kind,
      list: isPersonal
        ? { addresses: ctx.address_count, domains, changedOn, changedDuringWave: Boolean(wave && changedOn && changedOn >= wave.startsOn) }
        : null,
      week,
      weekLabel: `${formatDay(week)} – ${formatDay(addDays(week, 6), true)}`,
      wave,
      closed,
      objectives: rows.map((r) => ({ id: r.id, title: r.title, keyResults: r.key_results ?? "", voted: voted.has(r.id) })),
      full: !isPersonal && !credential && handedOut >= ctx.declared_size,
    },
    context: ctx,
    credential,
    credentialHash: mineHash,
    unused,
    guards: weekGuards,
  };
}

/** The voting page: this week's objectives of the team, and which this browser already rated. */
export async function getPulsePage(db: D1Database, token: string, credentials: readonly string[], now: Date): Promise<PulseView> {
  return (await load(db, token, credentials, now)).view;
}

/**
 * The voting page for a browser, and the cookie value to set when the browser holds no
 * credential it could vote with on the shared link: a fresh one, registered only by its first
 * vote. Every tab of the browser then votes with the same credential, so two submissions
 * racing from one browser count as one person.
 */
export async function getPulsePageForBrowser(
  db: D1Database,
  token: string,
  credentials: readonly string[],
  now: Date,
): Promise<{ view: PulseView; cookie: string | null }> {
  const loaded = await load(db, token, credentials, now);
  const needs = loaded.view.link === "shared" && !loaded.credential && !loaded.unused && !loaded.view.closed;
  return { view: loaded.view, cookie: needs ? writeCredentials(credentials, randomToken(32)) : null };
}

export interface VoteOutcome {
  /** The credential this browser voted with (new when one was handed out). */
  credential: string;
  /** False when the same submission was already recorded (a retry): nothing new was stored. */
  recorded: boolean;
  view: PulseView;
}

const ALREADY_VOTED = "You already rated these objectives this week. Thank you: you can vote again from Monday.";
const FULL_MESSAGE =
  "This link takes no new voters in this wave. If you are in the team and have not voted yet, tell your lead: from the next wave the team can use personal links, one per person.";

/** A repeat of a recorded submission, if every objective it names was rated by that very submission. */
function repeatOf(loaded: Loaded, submissionId: string, objectiveIds: readonly string[]): VoteOutcome | null {
  const repeated = loaded.guards.filter((g) => objectiveIds.includes(g.objective_id));
  if (repeated.length === 0) return null;
  if (loaded.credential && repeated.length === objectiveIds.length && repeated.every((g) => g.submission_id === submissionId)) {
    return { credential: loaded.credential, recorded: false, view: loaded.view };
  }
  throw conflict(ALREADY_VOTED);
}

/**
 * Records one submission in at most two D1 round trips: the read batch above and one write
 * batch. A browser without a credential for this team and wave gets one if the link takes
 * new voters. A second vote on an objective the same week is refused (409) and stores
 * nothing; any repeat of the very same submission (a retry, sequential or in parallel, with
 * or without the credential) stores nothing and answers as the first did, credential
 * included. Only a repeat that raced the first costs a third round trip, to read what won.
 */
export async function submitVotes(
  db: D1Database,
  token: string,
  credentials: readonly string[],
  input: unknown,
  now: Date,
): Promise<VoteOutcome> {
  const loaded = await load(db, token, credentials, now, submissionIdOf(input));
  const { view, context } = loaded;
  if (view.closed || !view.wave) throw conflict(view.closed ?? "Voting is closed.");
  const submission = parseInput(voteSubmissionSchema, input);
  const known = new Set(view.objectives.map((o) => o.id));
  const unknown = submission.votes.findIndex((v) => !known.has(v.objectiveId));
  if (unknown !== -1)
    throw validationFailed([
      { field: `votes.${unknown}.objectiveId`, issue: "That objective is not one of this team's objectives this week." },
    ]);
  const objectiveIds = submission.votes.map((v) => v.objectiveId);

  const repeat = repeatOf(loaded, submission.submissionId, objectiveIds);
  if (repeat) return repeat;
  const issueCredential = !loaded.credential;
  if (issueCredential && view.full) throw conflict(FULL_MESSAGE);
  const credential = loaded.credential ?? loaded.unused ?? (await derivedCredential(`first:${token}:${submission.submissionId}`));
  const statements = voteStatements(db, {
    credentialHash: loaded.credentialHash ?? (await sha256Hex(credential)),
    issueCredential,
    cap: view.link === "personal" ? null : context.declared_size,
    orgId: context.org_id,
    teamId: context.team_id,
    waveId: view.wave.id,
    week: view.week,
    submissionId: submission.submissionId,
    votes: submission.votes.map((v) => ({ id: randomToken(16), objectiveId: v.objectiveId, score: v.score, comment: v.comment })),
  });
  let results: D1Result[];
  try {
    results = await db.batch(statements);
  } catch (error) {
    if (!String(error).includes("UNIQUE")) throw error;
    // Another request with this credential won the race: a repeat of this submission answers
    // as that one did; anything else was a second vote.
    const again = await load(db, token, [credential], now);
    const raced = repeatOf(again, submission.submissionId, objectiveIds);
    if (raced) return raced;
    throw conflict(ALREADY_VOTED);
  }
  // The guard rows (after the credential and respondent statements) show whether it counted.
  const guardsWritten = results
    .slice(issueCredential ? 2 : 1, (issueCredential ? 2 : 1) + submission.votes.length)
    .some((r) => r.meta.changes > 0);
  if (!guardsWritten) throw conflict(FULL_MESSAGE);
  const voted = new Set([...view.objectives.filter((o) => o.voted).map((o) => o.id), ...objectiveIds]);
  return { credential, recorded: true, view: { ...view, objectives: view.objectives.map((o) => ({ ...o, voted: voted.has(o.id) })) } };
}
