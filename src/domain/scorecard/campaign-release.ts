/**
 * A campaign's result changes only in steps of k (stepRelease in ../anonymity.ts), so that
 * an admin who refreshes the result page after a colleague answered sees the response count
 * go up, but no figure move by exactly that colleague's answers, nor a leaders' figure that
 * says the colleague leads a team.
 *
 * Everyone's figures (with the per-statement answer counts and the response count) publish
 * when k people have answered and again whenever k more have: each publication is an epoch.
 * The leaders-versus-everyone-else split publishes only at an epoch, taking both groups as
 * they are at that epoch, and only when each group has reached k (the first time) or grown by
 * k or more since the split last published; otherwise it stays as it was. Taking the groups
 * at an epoch keeps leaders + everyone else from being subtracted from an everyone figure of a
 * different moment; growing both by k keeps either group's change from being one or two
 * people, and keeps the new people mixed: if only one group moved, an observer who knows who
 * answered since would know that every one of them leads a team (or that none does).
 * k is the campaign's, fixed when it opened, so no release is ever redrawn under another k.
 */
import { stepRelease } from "../anonymity";
import { combineTallies, type AnswerCount, type GroupTally } from "./campaign-result";

export const CAMPAIGN_GROUPS = ["everyone", "leaders", "rest"] as const;
export type CampaignGroupId = (typeof CAMPAIGN_GROUPS)[number];

/** What one group publishes; only everyone carries answer counts. */
export interface GroupRelease extends GroupTally {
  answerCounts: AnswerCount[];
}

/** The three groups of one campaign, as last published or as shown. */
export type CampaignGroups = Record<CampaignGroupId, GroupRelease>;

/** What the database counts for one campaign now. */
export interface CampaignCount {
  leaders: GroupTally;
  rest: GroupTally;
  /** Everyone's answers 1–5 per statement; empty when not read (earlier campaigns). */
  answerCounts: AnswerCount[];
}

const NOBODY: GroupRelease = { n: 0, sums: { clarity: 0, context: 0, autonomy: 0, velocity: 0 }, answerCounts: [] };
const group = (t: GroupTally): GroupRelease => ({ n: t.n, sums: { ...t.sums }, answerCounts: [] });

/** Whether the split may publish the groups as they are now, given what it last published. */
function splitMayPublish(leaders: GroupTally, rest: GroupTally, last: { leaders?: GroupTally; rest?: GroupTally }, k: number): boolean {
  const reachK = leaders.n >= k && rest.n >= k;
  if (!last.leaders || !last.rest) return reachK;
  const dL = leaders.n - last.leaders.n;
  const dR = rest.n - last.rest.n;
  // Responses are never deleted (only with their campaign), so releases only grow.
  return dL >= k && dR >= k;
}

/**
 * What the campaign shows now, given what it last published (`last`), and what this read
 * publishes (`next`, to store). A group with nothing published shows as nobody: the result
 * then says the comparison needs more answers.
 */
export function releaseCampaign(count: CampaignCount, last: Partial<CampaignGroups>, k: number): { shown: CampaignGroups; next: Partial<CampaignGroups> } {
  const all = { ...combineTallies(count.leaders, count.rest), answerCounts: count.answerCounts };
  const everyone = stepRelease<GroupRelease>(all, last.everyone, k);
  if (!last.everyone && !everyone.next) {
    // Below k nothing shows anyway; the groups as counted keep the "not enough answers" view honest.
    return { shown: { everyone: everyone.shown, leaders: group(count.leaders), rest: group(count.rest) }, next: {} };
  }
  const next: Partial<CampaignGroups> = everyone.next ? { everyone: everyone.next } : {};
  // The groups as counted now belong to the epoch this read publishes, if it publishes one.
  if (everyone.next !== null && splitMayPublish(count.leaders, count.rest, last, k)) {
    next.leaders = group(count.leaders);
    next.rest = group(count.rest);
  }
  return { shown: { everyone: everyone.shown, leaders: next.leaders ?? last.leaders ?? NOBODY, rest: next.rest ?? last.rest ?? NOBODY }, next };
}
