import type { OrgAccess } from "../../functions/services/access";
import { submitVotes } from "../../functions/services/pulse";
import { regeneratePulseLink } from "../../functions/services/pulse-links";

let n = 0;
/** A fresh submission id per call. */
export function voteSubmissionId(): string {
  n += 1;
  return `vote-${Date.now().toString(36)}-${n.toString().padStart(6, "0")}`;
}

/** Creates the team's pulse link and returns its token. */
export async function pulseTokenFor(
  db: D1Database,
  access: OrgAccess,
  teamId: string,
  now = new Date("2026-11-02T08:00:00Z"),
): Promise<string> {
  return (await regeneratePulseLink(db, access, teamId, now)).split("/").pop() as string;
}

/**
 * `voters` different browsers vote on the objectives with the given scores in the week of
 * `now`. Returns each browser's credential so a later week can reuse the same people.
 */
export async function voteAsTeam(
  db: D1Database,
  token: string,
  ballots: { objectiveId: string; score: number; comment?: string }[][],
  now: Date,
  credentials: string[][] = [],
): Promise<string[][]> {
  const out: string[][] = [];
  for (let i = 0; i < ballots.length; i++) {
    const outcome = await submitVotes(db, token, credentials[i] ?? [], { submissionId: voteSubmissionId(), votes: ballots[i] }, now);
    out.push([outcome.credential]);
  }
  return out;
}

/** The same scores for every voter. */
export function ballots(
  voters: number,
  objectiveIds: string[],
  score: number | ((voter: number) => number),
  comment?: (voter: number) => string | undefined,
) {
  return Array.from({ length: voters }, (_, v) =>
    objectiveIds.map((objectiveId) => ({ objectiveId, score: typeof score === "function" ? score(v) : score, comment: comment?.(v) })),
  );
}
