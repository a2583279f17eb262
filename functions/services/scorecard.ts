import { isId } from "../../src/schemas/fields";
import { readScorecard, BENCHMARK_MIN_RESULTS, type ScorecardReading } from "../../src/domain/scorecard/result";
import { scoreScorecard, roundScore, type DimensionScores } from "../../src/domain/scorecard/scoring";
import { scorecardEmailSchema, scorecardSubmissionSchema } from "../../src/schemas/scorecard";
import { averageScorecardResults, findScorecardResult, insertScorecardResult, rowDimensions } from "../db/scorecard-results";
import { buildScorecardReportEmail } from "../email/scorecard-report";
import { notFound } from "./errors";
import { enqueueEmail } from "./outbox";
import { randomToken, sha256Hex } from "./tokens";
import { parseInput } from "./validate";

/** Result ids are 128-bit random tokens: 22 base64url characters. */

export interface ScorecardResultView {
  id: string;
  createdOn: string;
  answers: Record<string, number>;
  reading: ScorecardReading;
}

/** Validates and stores a quiz submission; the same submission id always yields the same result. */
export async function submitScorecard(db: D1Database, input: unknown, now: Date): Promise<{ id: string; created: boolean }> {
  const submission = parseInput(scorecardSubmissionSchema, input);
  const scores = scoreScorecard(submission.answers);
  const reading = readScorecard(scores.dimensions);
  const id = randomToken(16);
  const row = await insertScorecardResult(db, {
    id,
    submissionId: submission.submissionId,
    answers: submission.answers,
    dimensions: scores.dimensions,
    overall: scores.overall,
    band: reading.band.id,
    createdOn: now.toISOString().slice(0, 10),
  });
  return { id: row.id, created: row.id === id };
}

/** "Run this with your team": create an organisation, carrying the result to offer as the leader's answer. */
export function teamRunPath(resultId: string): string {
  return `/start?result=${encodeURIComponent(resultId)}`;
}

/** Width of the window in which a repeated form post without a submission id counts as one. */
const FORM_REPEAT_WINDOW_MS = 10 * 60 * 1000;

/**
 * The idempotency key of a quiz posted without JavaScript: the prerendered page is one file for
 * everyone, so it cannot carry a per-visit id. The same answers from the same client within a
 * ten-minute window (a double click, a resend after Back) yield one result.
 */
export async function formSubmissionId(client: string, answers: Record<string, number>, now: Date): Promise<string> {
  const window = Math.floor(now.getTime() / FORM_REPEAT_WINDOW_MS);
  const ordered = Object.keys(answers)
    .sort()
    .map((k) => `${k}=${answers[k]}`)
    .join("&");
  return `form-${(await sha256Hex(`${client}|${window}|${ordered}`)).slice(0, 40)}`;
}

export async function getScorecardResult(db: D1Database, id: string): Promise<ScorecardResultView> {
  if (!isId(id)) throw notFound("That result");
  const row = await findScorecardResult(db, id);
  if (!row) throw notFound("That result");
  return {
    id: row.id,
    createdOn: row.created_on,
    answers: JSON.parse(row.answers) as Record<string, number>,
    reading: readScorecard(rowDimensions(row)),
  };
}

export interface ScorecardBenchmark {
  results: number;
  /** Per-dimension mean over every result, or null below BENCHMARK_MIN_RESULTS results. */
  dimensions: DimensionScores | null;
}

export async function getScorecardBenchmark(db: D1Database): Promise<ScorecardBenchmark> {
  const row = await averageScorecardResults(db);
  if (row.results < BENCHMARK_MIN_RESULTS) return { results: row.results, dimensions: null };
  return {
    results: row.results,
    dimensions: {
      clarity: roundScore(row.clarity ?? 0),
      context: roundScore(row.context ?? 0),
      autonomy: roundScore(row.autonomy ?? 0),
      velocity: roundScore(row.velocity ?? 0),
    },
  };
}

/**
 * Queues the report for the typed address. The address lives only in the outbox row until
 * the message is sent, then it is masked; the submission id makes a double click send once.
 */
export async function emailScorecardReport(
  db: D1Database,
  resultId: string,
  input: unknown,
  publicUrl: string,
  now: Date,
): Promise<{ outboxId: number }> {
  const request = parseInput(scorecardEmailSchema, input);
  const result = await getScorecardResult(db, resultId);
  const email = buildScorecardReportEmail(result.reading, `${publicUrl}/scorecard/r/${result.id}`, `${publicUrl}${teamRunPath(result.id)}`);
  const row = await enqueueEmail(
    db,
    {
      idempotencyKey: `scorecard-report:${result.id}:${request.submissionId}`,
      kind: "scorecard_report",
      to: request.email,
      ephemeralRecipient: true,
      ...email,
    },
    now,
  );
  return { outboxId: row.id };
}
