import { anonymityPromise } from "../../src/domain/anonymity";
import { addDays, daysBetween, formatDay } from "../../src/domain/calendar";
import { pulseWeek } from "../../src/domain/pulse/weeks";
import { voteSubmissionSchema } from "../../src/schemas/pulse";
import {
  credentialStateStatements,
  pulseContextStatement,
  pulseObjectivesStatement,
  recentGuardsStatement,
  voteStatements,
  type CredentialRow,
  type GuardRow,
  type PulseContextRow,
  type PulseObjectiveRow,
} from "../db/pulse";
import { AppError, conflict, gone, notFound, validationFailed } from "./errors";
import { randomToken, sha256Hex } from "./tokens";
import { parseInput } from "./validate";

/**
 * The browser keeps its anonymous credentials (one per team it votes for) in one cookie,
 * dot-separated, sent only to /p/ pages: the signed-in parts of the site never receive it,
 * so the server never sees a credential next to a session. HttpOnly keeps it from scripts.
 * API clients get the credential in the response body and send it back in a header.
 */
export const PULSE_COOKIE = "__Secure-mv_pulse";
export const PULSE_CREDENTIAL_HEADER = "pulse-credential";

export function pulseCookieOptions() {
  return { path: "/p/", secure: true, httpOnly: true, sameSite: "lax" as const, maxAge: 120 * 86_400 };
}
const MAX_KEPT_CREDENTIALS = 5;
const LINK_TOKEN = /^[A-Za-z0-9_-]{22,64}$/;
const CREDENTIAL = /^[A-Za-z0-9_-]{43}$/;

/** The credentials in a cookie value, ignoring anything malformed. */
export function readCredentials(cookie: string | undefined): string[] {
  return (cookie ?? "").split(".").filter((c) => CREDENTIAL.test(c)).slice(0, MAX_KEPT_CREDENTIALS);
}

/** The cookie value after a vote: the credential used first, then the others, at most five. */
export function writeCredentials(current: readonly string[], used: string): string {
  return [used, ...current.filter((c) => c !== used)].slice(0, MAX_KEPT_CREDENTIALS).join(".");
}

export interface PulseView {
  orgName: string;
  k: number;
  promise: string;
  team: { id: string; name: string; declaredSize: number };
  week: string;
  weekLabel: string;
  wave: { id: string; name: string; startsOn: string; endsOn: string } | null;
  /** Why voting is closed this week, if it is. */
  closed: string | null;
  objectives: { id: string; title: string; keyResults: string; voted: boolean }[];
  /** True when this browser has no credential and the team's declared size is used up. */
  full: boolean;
}

interface Loaded {
  view: PulseView;
  context: PulseContextRow;
  /** The browser's credential for this team and wave, if it has one. */
  credential: string | null;
  credentialHash: string | null;
  guards: GuardRow[];
}

/** One round trip: the link, its team and org, the week's objectives, this browser's credential and guards. */
async function load(db: D1Database, token: string, credentials: readonly string[], now: Date): Promise<Loaded> {
  if (!LINK_TOKEN.test(token)) throw notFound("That pulse link");
  const hashes = await Promise.all(credentials.map((c) => sha256Hex(c)));
  // The week follows the org's time zone, which this same batch reads: fetch the guards of
  // the last two UTC weeks and keep the org's week below.
  const [context, objectives, issued, owned, guards] = await db.batch([
    pulseContextStatement(db, token),
    pulseObjectivesStatement(db, token),
    ...credentialStateStatements(db, token, hashes),
    recentGuardsStatement(db, hashes, addDays(pulseWeek(now, "UTC"), -7)),
  ]);
  const ctx = context.results[0] as PulseContextRow | undefined;
  if (!ctx) throw notFound("That pulse link");
  if (ctx.revoked_at) throw gone("This pulse link was turned off by the team's lead. Ask them for the new one.");
  const week = pulseWeek(now, ctx.time_zone);
  const rows = objectives.results as PulseObjectiveRow[];
  const wave = rows[0] ? { id: rows[0].wave_id, name: rows[0].wave_name, startsOn: rows[0].starts_on, endsOn: rows[0].ends_on } : null;
  const mine = (owned.results as CredentialRow[]).find((c) => wave && c.wave_id === wave.id);
  const credentialHash = mine?.credential_hash ?? null;
  const credential = credentialHash ? credentials[hashes.indexOf(credentialHash)] : null;
  const weekGuards = (guards.results as GuardRow[]).filter((g) => g.week === week && g.credential_hash === credentialHash);
  const voted = new Set(weekGuards.map((g) => g.objective_id));
  let closed: string | null = null;
  if (!wave) closed = "There is nothing to rate this week: the team has no objectives in an active wave yet.";
  else if (daysBetween(week, wave.startsOn) > 6) closed = `The wave starts on ${formatDay(wave.startsOn, true)}; voting opens that week.`;
  else if (daysBetween(wave.endsOn, week) > 0) closed = `This wave ended on ${formatDay(wave.endsOn, true)}. Voting opens again with the next wave.`;
  const handedOut = (issued.results[0] as { issued: number } | undefined)?.issued ?? 0;
  return {
    view: {
      orgName: ctx.org_name,
      k: ctx.anonymity_k,
      promise: anonymityPromise(ctx.anonymity_k),
      team: { id: ctx.team_id, name: ctx.team_name, declaredSize: ctx.declared_size },
      week,
      weekLabel: `${formatDay(week)} – ${formatDay(addDays(week, 6), true)}`,
      wave,
      closed,
      objectives: rows.map((r) => ({ id: r.id, title: r.title, keyResults: r.key_results ?? "", voted: voted.has(r.id) })),
      full: !credential && handedOut >= ctx.declared_size,
    },
    context: ctx,
    credential,
    credentialHash,
    guards: weekGuards,
  };
}

/** The voting page: this week's objectives of the team, and which this browser already rated. */
export async function getPulsePage(db: D1Database, token: string, credentials: readonly string[], now: Date): Promise<PulseView> {
  return (await load(db, token, credentials, now)).view;
}

export interface VoteOutcome {
  /** The credential this browser voted with (new when one was handed out). */
  credential: string;
  /** False when the same submission was already recorded (a retry): nothing new was stored. */
  recorded: boolean;
  view: PulseView;
}

const ALREADY_VOTED = "You already rated these objectives this week. Thank you: you can vote again from Monday.";

/**
 * Records one submission in at most two D1 round trips: the read batch above and one write
 * batch. A browser without a credential for this team and wave gets one if the team is under
 * its declared size. A second vote on an objective the same week is refused (409) and stores
 * nothing; a repeat of the very same submission (a retry) answers as the first did.
 */
export async function submitVotes(db: D1Database, token: string, credentials: readonly string[], input: unknown, now: Date): Promise<VoteOutcome> {
  const loaded = await load(db, token, credentials, now);
  const { view, context } = loaded;
  if (view.closed || !view.wave) throw conflict(view.closed ?? "Voting is closed.");
  const submission = parseInput(voteSubmissionSchema, input);
  const known = new Set(view.objectives.map((o) => o.id));
  const unknown = submission.votes.findIndex((v) => !known.has(v.objectiveId));
  if (unknown !== -1) throw validationFailed([{ field: `votes.${unknown}.objectiveId`, issue: "That objective is not one of this team's objectives this week." }]);

  const repeated = loaded.guards.filter((g) => submission.votes.some((v) => v.objectiveId === g.objective_id));
  if (repeated.length > 0) {
    if (loaded.credential && repeated.every((g) => g.submission_id === submission.submissionId)) return { credential: loaded.credential, recorded: false, view };
    throw conflict(ALREADY_VOTED);
  }
  const issueCredential = !loaded.credential;
  if (issueCredential && view.full) throw fullError(view.team.declaredSize);
  const credential = loaded.credential ?? randomToken(32);
  const statements = voteStatements(db, {
    credentialHash: loaded.credentialHash ?? (await sha256Hex(credential)),
    issueCredential,
    declaredSize: context.declared_size,
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
    if (String(error).includes("UNIQUE")) throw conflict(ALREADY_VOTED);
    throw error;
  }
  if (issueCredential && results[0].meta.changes !== 1) throw fullError(view.team.declaredSize);
  const voted = new Set([...view.objectives.filter((o) => o.voted).map((o) => o.id), ...submission.votes.map((v) => v.objectiveId)]);
  return { credential, recorded: true, view: { ...view, objectives: view.objectives.map((o) => ({ ...o, voted: voted.has(o.id) })) } };
}

function fullError(size: number): AppError {
  return conflict(`This link has already been used by ${size} ${size === 1 ? "person" : "people"}, the size of the team. If you are in the team and have not voted, ask your lead to check the team's size.`);
}
