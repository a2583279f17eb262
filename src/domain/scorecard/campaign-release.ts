/**
 * A campaign's result changes only in steps of k (docs/ANONYMITY.md), so that an admin who
 * refreshes the result page, its ETag or the campaigns list after a colleague answered sees
 * nothing move by exactly that colleague's answers, nor a leaders' figure that says the
 * colleague leads a team.
 *
 * Everyone's figures, the per-statement answer counts and the response count publish together
 * when k people have answered and again whenever k more have: each publication is an epoch.
 * The leaders-versus-everyone-else split publishes only at an epoch where, since the previous
 * epoch, each group grew by k or more; then every published figure has people of its own no
 * earlier figure had (at least k leaders, at least k others), so no combination of figures of
 * different moments is fewer than k people, and the people who answered since are mixed, so
 * nobody is known to lead a team or not. To give the split that chance, once both groups have
 * k people everyone's figures wait for it (they move on alone again when the campaign closes).
 * k is the campaign's, fixed when it opened, so no release is ever redrawn under another k.
 */
import { combineTallies, type AnswerCount, type GroupTally } from "./campaign-result";

export const CAMPAIGN_GROUPS = ["everyone", "leaders", "rest"] as const;
export type CampaignGroupId = (typeof CAMPAIGN_GROUPS)[number];

/** What one group publishes; only everyone carries answer counts. */
export interface GroupRelease extends GroupTally {
  answerCounts: AnswerCount[];
  /** Everyone's release only: how many of its people lead a team (never shown; the next split's base). */
  leadersAt?: number | null;
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

/**
 * What the campaign shows now, given what it last published (`last`), and what this read
 * publishes (`next`, to store). A group with nothing published shows as nobody: the result
 * then says the comparison needs more answers. `closed`: the campaign takes no more answers.
 */
export function releaseCampaign(
  count: CampaignCount,
  last: Partial<CampaignGroups>,
  k: number,
  closed = false,
): { shown: CampaignGroups; next: Partial<CampaignGroups> } {
  const all: GroupRelease = { ...combineTallies(count.leaders, count.rest), answerCounts: count.answerCounts, leadersAt: count.leaders.n };
  const lastE = last.everyone;
  if (!lastE && all.n < k) {
    // Below k nothing shows anyway; the groups as counted keep the "not enough answers" view honest.
    return { shown: { everyone: all, leaders: group(count.leaders), rest: group(count.rest) }, next: {} };
  }
  // The groups at the last epoch: stored with it (older releases: known only when the split published with it).
  const sameEpoch = last.leaders && last.rest && lastE && last.leaders.n + last.rest.n === lastE.n ? last.leaders.n : null;
  const baseLeaders = lastE ? (lastE.leadersAt ?? sameEpoch) : 0;
  const grew =
    baseLeaders === null ? null : { leaders: count.leaders.n - baseLeaders, rest: count.rest.n - ((lastE?.n ?? 0) - baseLeaders) };
  const splitReady = grew !== null && grew.leaders >= k && grew.rest >= k;
  const splitPossible = count.leaders.n >= k && count.rest.n >= k;
  const next: Partial<CampaignGroups> = {};
  if (splitReady) {
    next.everyone = all;
    next.leaders = group(count.leaders);
    next.rest = group(count.rest);
  } else if (all.n - (lastE?.n ?? 0) >= k && (!splitPossible || closed)) {
    next.everyone = all;
  }
  const everyone = next.everyone ?? lastE ?? all;
  return { shown: { everyone, leaders: next.leaders ?? last.leaders ?? NOBODY, rest: next.rest ?? last.rest ?? NOBODY }, next };
}
