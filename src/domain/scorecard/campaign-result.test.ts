import { describe, expect, it } from "vitest";
import {
  buildCampaignResult,
  combineTallies,
  describeGap,
  heldBackNote,
  splitHeldBackNote,
  type CampaignInfo,
  type CampaignTally,
  type GroupTally,
} from "./campaign-result";
import { scoreNumbers } from "../../../tests/support/result-numbers";
import { STATEMENTS } from "./statements";

const K = 5;
const CAMPAIGN: CampaignInfo = { id: "c2", name: "Wave 7", state: "open", waveName: "Wave 7", openedOn: "2026-11-02", closedOn: null };

/** n respondents who all scored these dimension values. */
function group(n: number, dims: [number, number, number, number]): GroupTally {
  return { n, sums: { clarity: dims[0] * n, context: dims[1] * n, autonomy: dims[2] * n, velocity: dims[3] * n } };
}

function tally(id: string, leaders: GroupTally, rest: GroupTally, openedOn = "2026-11-02"): CampaignTally {
  return { campaignId: id, name: id, openedOn, everyone: combineTallies(leaders, rest), leaders, rest };
}

function build(leaders: GroupTally, rest: GroupTally, earlier: CampaignTally[] = []) {
  return buildCampaignResult({
    k: K,
    campaign: CAMPAIGN,
    tallies: [...earlier, tally("c2", leaders, rest)],
    answerCounts: [{ statementId: "sc1", answer: 4, n: leaders.n + rest.n }],
    responses: leaders.n + rest.n,
  });
}

describe("buildCampaignResult", () => {
  it("shows nothing about the campaign below k responses: no score, no reading, no distribution", () => {
    const result = build(group(2, [80, 80, 80, 80]), group(2, [20, 20, 20, 20]));
    expect(result.responses).toBe(4);
    expect(result.everyone).toEqual({ state: "suppressed" });
    expect(result.reading).toBeNull();
    expect(result.distributions).toBeNull();
    expect(result.split).toEqual({ state: "hidden" });
    expect(result.trend).toEqual([
      { campaignId: "c2", name: "c2", openedOn: "2026-11-02", responses: 4, everyone: { state: "suppressed" }, gap: null },
    ]);
    expect(scoreNumbers(result.everyone)).toEqual([]);
    expect(scoreNumbers({ ...result, campaign: null, trend: null })).toEqual([]);
  });

  it("is empty, not suppressed, with no responses", () => {
    const result = build(group(0, [0, 0, 0, 0]), group(0, [0, 0, 0, 0]));
    expect(result.everyone).toEqual({ state: "empty" });
    expect(result.reading).toBeNull();
  });

  it("shows everyone at k but hides both groups while the leaders are below k (the rest would reveal them)", () => {
    const result = build(group(2, [90, 90, 90, 90]), group(8, [40, 40, 40, 40]));
    expect(result.everyone).toMatchObject({ state: "shown", n: 10 });
    expect(result.split).toEqual({ state: "hidden" });
    expect(JSON.stringify(result)).not.toContain("90");
  });

  it("hides the split when everyone else is below k, however many leaders answered", () => {
    expect(build(group(9, [70, 70, 70, 70]), group(4, [30, 30, 30, 30])).split).toEqual({ state: "hidden" });
    expect(build(group(9, [70, 70, 70, 70]), group(0, [0, 0, 0, 0])).split).toEqual({ state: "hidden" });
  });

  it("compares leaders with everyone else once both reach k, and names the widest gap", () => {
    const result = build(group(5, [70, 60, 80, 60]), group(5, [60, 50, 40, 58]));
    expect(result.everyone).toMatchObject({
      state: "shown",
      n: 10,
      scores: { dimensions: { clarity: 65, context: 55, autonomy: 60, velocity: 59 } },
    });
    if (result.split.state !== "shown") throw new Error("split hidden");
    expect(result.split.leaders.scores.dimensions.autonomy).toBe(80);
    expect(result.split.rest.scores.dimensions.autonomy).toBe(40);
    expect(result.split.gap.dimensions).toEqual({ clarity: 10, context: 10, autonomy: 40, velocity: 2 });
    expect(result.split.gap.widest).toEqual({ dimension: "autonomy", gap: 40 });
    expect(result.split.gap.overall).toBe(15.5);
    expect(describeGap(result.split.gap)).toBe(
      "Leaders rate Decision Autonomy 40 points higher than everyone else: leaders believe teams can act without approval more than teams feel it.",
    );
  });

  it("reads everyone's answers: band, quadrant and advice for the weakest dimension", () => {
    const result = build(group(3, [20, 40, 70, 70]), group(3, [20, 40, 70, 70]));
    expect(result.reading?.weakest).toBe("clarity");
    expect(result.reading?.band.id).toBe("collaborative");
    expect(result.reading?.quadrant.id).toBe("chaos");
    expect(result.reading?.advice.dimension).toBe("clarity");
  });

  it("counts answers 1–5 per statement for every statement", () => {
    const result = buildCampaignResult({
      k: K,
      campaign: CAMPAIGN,
      tallies: [tally("c2", group(1, [50, 50, 50, 50]), group(5, [50, 50, 50, 50]))],
      responses: 6,
      answerCounts: [
        { statementId: "sc1", answer: 1, n: 2 },
        { statementId: "sc1", answer: 5, n: 4 },
        { statementId: "da4", answer: 3, n: 6 },
        { statementId: "unknown", answer: 3, n: 6 },
      ],
    });
    expect(result.distributions).toHaveLength(STATEMENTS.length);
    expect(result.distributions?.find((d) => d.statementId === "sc1")?.counts).toEqual([2, 0, 0, 0, 4]);
    expect(result.distributions?.find((d) => d.statementId === "da4")).toEqual({
      statementId: "da4",
      dimension: "autonomy",
      counts: [0, 0, 6, 0, 0],
    });
    expect(result.distributions?.find((d) => d.statementId === "ev1")?.counts).toEqual([0, 0, 0, 0, 0]);
  });

  it("follows the trend across earlier campaigns, each suppressed on its own", () => {
    const result = build(group(5, [70, 70, 70, 70]), group(6, [50, 50, 50, 50]), [
      tally("c0", group(1, [10, 10, 10, 10]), group(2, [10, 10, 10, 10]), "2026-08-01"),
      tally("c1", group(2, [60, 60, 60, 60]), group(6, [40, 40, 40, 40]), "2026-10-01"),
    ]);
    expect(result.trend.map((p) => [p.campaignId, p.responses, p.everyone.state, p.gap])).toEqual([
      ["c0", 3, "suppressed", null],
      ["c1", 8, "shown", null],
      ["c2", 11, "shown", 20],
    ]);
    expect(result.trend[1].everyone).toMatchObject({ scores: { overall: 45 } });
  });

  it("ignores campaigns after this one", () => {
    const result = buildCampaignResult({
      k: K,
      campaign: { ...CAMPAIGN, id: "c1" },
      tallies: [
        tally("c1", group(5, [60, 60, 60, 60]), group(5, [60, 60, 60, 60])),
        tally("c2", group(5, [1, 1, 1, 1]), group(5, [1, 1, 1, 1])),
      ],
      answerCounts: [],
      responses: 10,
    });
    expect(result.trend.map((p) => p.campaignId)).toEqual(["c1"]);
  });

  it("shows the count its published figures count, and says how they move without telling how many answers wait", () => {
    const released = tally("c2", group(5, [70, 70, 70, 70]), group(5, [50, 50, 50, 50]));
    const result = buildCampaignResult({ k: K, campaign: CAMPAIGN, tallies: [released], answerCounts: [], responses: 10 });
    expect(result.responses).toBe(10);
    expect(result.everyone).toMatchObject({ state: "shown", n: 10, scores: { overall: 60 } });
    expect(result.trend.map((p) => p.responses)).toEqual([10]);
    expect(heldBackNote(result)).toBe(
      "These figures and their count move only in steps of 5 answers, so nobody's answers can be read from a change; answers since the last step count at the next.",
    );
    expect(heldBackNote(result)).not.toMatch(/\d+ more|first \d+|\d+ of \d+/);
  });

  it("says when the comparison counts fewer answers than everyone's figures", () => {
    const leaders = group(5, [70, 70, 70, 70]);
    const rest = group(5, [50, 50, 50, 50]);
    const moved = { ...tally("c2", leaders, rest), everyone: combineTallies(combineTallies(leaders, rest), group(5, [60, 60, 60, 60])) };
    const result = buildCampaignResult({ k: K, campaign: CAMPAIGN, tallies: [moved], answerCounts: [], responses: 15 });
    expect(splitHeldBackNote(result)).toMatch(
      /^This comparison counts the first 10 answers\. It moves only when leaders and everyone else have each grown by at least 5/,
    );
    expect(splitHeldBackNote(build(leaders, rest))).toBeNull();
  });

  it("follows the org's threshold: 3 shows what 5 hides", () => {
    const tallies = [tally("c2", group(3, [70, 70, 70, 70]), group(3, [50, 50, 50, 50]))];
    expect(buildCampaignResult({ k: 3, campaign: CAMPAIGN, tallies, answerCounts: [], responses: 6 }).split.state).toBe("shown");
    expect(buildCampaignResult({ k: 5, campaign: CAMPAIGN, tallies, answerCounts: [], responses: 6 }).split.state).toBe("hidden");
  });
});

describe("describeGap", () => {
  it("says when teams feel more than leaders believe, and when both broadly agree", () => {
    const base = { dimensions: { clarity: 0, context: -12, autonomy: 3, velocity: 0 }, overall: -2.3 };
    expect(describeGap({ ...base, widest: { dimension: "context", gap: -12 } })).toBe(
      "Leaders rate Context Flow 12 points lower than everyone else: teams feel context reaches the teams more than leaders believe it.",
    );
    expect(describeGap({ ...base, widest: { dimension: "autonomy", gap: 4.9 } })).toContain("broadly agree");
  });
});
