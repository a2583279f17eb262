/**
 * An org's Scorecard campaign result: everyone's place on the spectrum and in the quadrant,
 * the leaders-versus-everyone-else gap, per-statement answer counts and the trend across
 * campaigns, with the anonymity rules applied to every cell. What this returns is safe to
 * show anywhere (page, API, share link, email): a suppressed cell carries no number.
 */
import { roundMean, suppressTable, type RawCell } from "../anonymity";
import { readScorecard, type ScorecardReading } from "./result";
import { summariseDimensions, type DimensionScores, type ScorecardScores } from "./scoring";
import { DIMENSIONS, STATEMENTS, dimensionById, type DimensionId } from "./statements";

/** Shape of CampaignResult; bump when it changes so stored snapshots are recomputed. */
export const CAMPAIGN_RESULT_FORMAT = 2;
/** How many campaigns, the current one included, the trend goes back. */
export const TREND_LENGTH = 12;
/** Below this many points on every dimension, leaders and everyone else "broadly agree". */
export const NOTABLE_GAP = 5;

/**
 * Respondents of one group in one campaign and the sums of their dimension scores (0–100 each):
 * what the group last published (see campaign-release.ts), not necessarily every answer so far.
 */
export interface GroupTally {
  n: number;
  sums: DimensionScores;
}

export interface CampaignTally {
  campaignId: string;
  name: string;
  /** YYYY-MM-DD */
  openedOn: string;
  /** Its own release: not always leaders plus rest, which publish on their own steps. */
  everyone: GroupTally;
  leaders: GroupTally;
  rest: GroupTally;
  /** The threshold the campaign opened with; defaults to the result's k. */
  k?: number;
}

/** How many answered 1, 2, 3, 4, 5 to one statement. */
export interface AnswerCount {
  statementId: string;
  answer: number;
  n: number;
}

export interface CampaignInfo {
  id: string;
  name: string;
  state: "open" | "closed";
  waveName: string | null;
  /** YYYY-MM-DD */
  openedOn: string;
  closedOn: string | null;
}

export type GroupResult = { state: "empty" } | { state: "suppressed" } | { state: "shown"; n: number; scores: ScorecardScores };
type ShownGroup = Extract<GroupResult, { state: "shown" }>;

/** Leaders minus everyone else, in points of the 0–100 scale. */
export interface Gap {
  dimensions: DimensionScores;
  overall: number;
  /** The dimension where the groups differ most, and by how much (signed). */
  widest: { dimension: DimensionId; gap: number };
}

export type Split = { state: "hidden" } | { state: "shown"; leaders: ShownGroup; rest: ShownGroup; gap: Gap };

export interface StatementDistribution {
  statementId: string;
  dimension: DimensionId;
  /** counts[0] answered 1 (strongly disagree) … counts[4] answered 5 (strongly agree). */
  counts: [number, number, number, number, number];
}

export interface TrendPoint {
  campaignId: string;
  name: string;
  openedOn: string;
  /** The people its published figures count. */
  responses: number;
  everyone: GroupResult;
  /** Leaders minus everyone else overall, when both groups reached k in that campaign. */
  gap: number | null;
}

export interface CampaignResult {
  format: number;
  k: number;
  campaign: CampaignInfo;
  /** The responses the published figures count (everyone's release): moves only in steps of k. */
  responses: number;
  everyone: GroupResult;
  /** Band, quadrant, weakest dimension and advice for everyone; null unless everyone is shown. */
  reading: ScorecardReading | null;
  split: Split;
  /** Per statement; null unless everyone is shown (each statement's cell is everyone). */
  distributions: StatementDistribution[] | null;
  /** Oldest first, ending with this campaign. */
  trend: TrendPoint[];
}

const EMPTY_SUMS: DimensionScores = { clarity: 0, context: 0, autonomy: 0, velocity: 0 };

export function combineTallies(a: GroupTally, b: GroupTally): GroupTally {
  const sums = { ...EMPTY_SUMS };
  for (const d of DIMENSIONS) sums[d.id] = a.sums[d.id] + b.sums[d.id];
  return { n: a.n + b.n, sums };
}

function meanScores(t: GroupTally): ScorecardScores {
  const dims = { ...EMPTY_SUMS };
  for (const d of DIMENSIONS) dims[d.id] = roundMean(t.sums[d.id] / t.n);
  return summariseDimensions(dims);
}

/** Anonymity decision as a raw cell: the count is what matters; the sum is the overall. */
function raw(t: GroupTally): RawCell {
  return { n: t.n, sum: DIMENSIONS.reduce((s, d) => s + t.sums[d.id], 0) / DIMENSIONS.length };
}

function toGroup(t: GroupTally, state: "empty" | "suppressed" | "shown"): GroupResult {
  return state === "shown" ? { state, n: t.n, scores: meanScores(t) } : { state };
}

/**
 * One campaign's cells: everyone (published), and leaders and everyone else as a published
 * split of it. With everyone shown, showing one group lets the other be subtracted, so
 * complementary suppression hides both unless each reaches k.
 */
function campaignCells(t: CampaignTally, k: number): { everyone: GroupResult; split: Split } {
  const all = t.everyone;
  const cells = suppressTable(
    new Map([
      ["everyone", raw(all)],
      ["leaders", raw(t.leaders)],
      ["rest", raw(t.rest)],
    ]),
    k,
    [{ members: ["leaders", "rest"], published: true }],
  );
  const everyone = toGroup(all, cells.get("everyone")!.state);
  const leaders = toGroup(t.leaders, cells.get("leaders")!.state);
  const rest = toGroup(t.rest, cells.get("rest")!.state);
  if (everyone.state !== "shown" || leaders.state !== "shown" || rest.state !== "shown") return { everyone, split: { state: "hidden" } };
  return { everyone, split: { state: "shown", leaders, rest, gap: gapBetween(leaders.scores, rest.scores) } };
}

function gapBetween(leaders: ScorecardScores, rest: ScorecardScores): Gap {
  const dimensions = { ...EMPTY_SUMS };
  let widest: Gap["widest"] = { dimension: DIMENSIONS[0].id, gap: 0 };
  for (const d of DIMENSIONS) {
    dimensions[d.id] = roundMean(leaders.dimensions[d.id] - rest.dimensions[d.id]);
    if (Math.abs(dimensions[d.id]) > Math.abs(widest.gap)) widest = { dimension: d.id, gap: dimensions[d.id] };
  }
  return { dimensions, overall: roundMean(leaders.overall - rest.overall), widest };
}

function distributionsOf(counts: readonly AnswerCount[]): StatementDistribution[] {
  const byStatement = new Map(STATEMENTS.map((s) => [s.id, [0, 0, 0, 0, 0] as StatementDistribution["counts"]]));
  for (const c of counts) {
    const row = byStatement.get(c.statementId);
    if (row && Number.isInteger(c.answer) && c.answer >= 1 && c.answer <= 5) row[c.answer - 1] += c.n;
  }
  return STATEMENTS.map((s) => ({ statementId: s.id, dimension: s.dimension, counts: byStatement.get(s.id)! }));
}

/**
 * Builds the result of `campaign` from the released tallies of the org's campaigns up to and
 * including it (`tallies`, oldest first; later ones are ignored), the per-statement answer
 * counts of its everyone release, and how many responses that release counts. k is the
 * campaign's threshold (3–10), fixed when it opened.
 */
export function buildCampaignResult(input: {
  k: number;
  campaign: CampaignInfo;
  tallies: readonly CampaignTally[];
  answerCounts: readonly AnswerCount[];
  responses: number;
}): CampaignResult {
  const { k, campaign } = input;
  const none: GroupTally = { n: 0, sums: { ...EMPTY_SUMS } };
  const at = input.tallies.findIndex((t) => t.campaignId === campaign.id);
  const own =
    at >= 0
      ? input.tallies[at]
      : { campaignId: campaign.id, name: campaign.name, openedOn: campaign.openedOn, everyone: none, leaders: none, rest: none };
  const { everyone, split } = campaignCells(own, k);
  const earlier = at >= 0 ? input.tallies.slice(0, at) : input.tallies;
  const trend = [...earlier, own].slice(-TREND_LENGTH).map((t): TrendPoint => {
    const cells = campaignCells(t, t.k ?? k);
    return {
      campaignId: t.campaignId,
      name: t.name,
      openedOn: t.openedOn,
      responses: t.everyone.n,
      everyone: cells.everyone,
      gap: cells.split.state === "shown" ? cells.split.gap.overall : null,
    };
  });
  return {
    format: CAMPAIGN_RESULT_FORMAT,
    k,
    campaign,
    responses: input.responses,
    everyone,
    reading: everyone.state === "shown" ? readScorecard(everyone.scores.dimensions) : null,
    split,
    distributions: everyone.state === "shown" ? distributionsOf(input.answerCounts) : null,
    trend,
  };
}

/**
 * The gap in one sentence, e.g. "Leaders rate Decision Autonomy 18 points higher than everyone
 * else: leaders believe teams can act without approval more than teams feel they can."
 */
export function describeGap(gap: Gap): string {
  const { dimension, gap: points } = gap.widest;
  if (Math.abs(points) < NOTABLE_GAP)
    return `Leaders and everyone else broadly agree: they are within ${NOTABLE_GAP} points of each other on every dimension.`;
  const d = dimensionById(dimension);
  const feeling = GAP_FEELING[dimension];
  return points > 0
    ? `Leaders rate ${d.name} ${Math.abs(points)} points higher than everyone else: leaders believe ${feeling} more than teams feel it.`
    : `Leaders rate ${d.name} ${Math.abs(points)} points lower than everyone else: teams feel ${feeling} more than leaders believe it.`;
}

const GAP_FEELING: Record<DimensionId, string> = {
  clarity: "teams understand the why",
  context: "context reaches the teams",
  autonomy: "teams can act without approval",
  velocity: "teams can move quickly",
};

const UNREADABLE = "so nobody's answers can be read from a change";

/**
 * How the figures move, once they show: in steps of k answers, the count with them. It says
 * nothing of answers not counted yet: how many there are would move with a single answer.
 */
export function heldBackNote(r: CampaignResult): string | null {
  if (r.everyone.state !== "shown") return null;
  return `These figures and their count move only in steps of ${r.k} answers, ${UNREADABLE}; answers since the last step count at the next${r.campaign.state === "open" ? "" : " (the campaign is closed, so there is none)"}.`;
}

/** Why the comparison counts fewer answers than everyone's figures, or null when it counts the same. */
export function splitHeldBackNote(r: CampaignResult): string | null {
  if (r.split.state !== "shown" || r.everyone.state !== "shown") return null;
  const counted = r.split.leaders.n + r.split.rest.n;
  if (counted >= r.everyone.n) return null;
  return `This comparison counts the first ${counted} answers. It moves only when leaders and everyone else have each grown by at least ${r.k}, ${UNREADABLE}, or that they lead.`;
}

/** The sentence a campaign link shows: who sees what, and the k in force. */
export function campaignAnonymityPromise(orgName: string, k: number): string {
  return `Anonymous: ${orgName} sees only averages and answer counts of at least ${k} people, never your answers, who answered or when, and compares leaders with everyone else only once each group has ${k}.`;
}
