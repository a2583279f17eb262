import { describe, expect, it } from "vitest";
import { releaseCampaign, type CampaignCount, type CampaignGroups } from "./campaign-release";
import type { GroupTally } from "./campaign-result";

const K = 5;

/** n respondents who all scored `score` on every dimension. */
function group(n: number, score: number): GroupTally {
  return { n, sums: { clarity: score * n, context: score * n, autonomy: score * n, velocity: score * n } };
}

function count(leaders: GroupTally, rest: GroupTally): CampaignCount {
  return { leaders, rest, answerCounts: [{ statementId: "da1", answer: 3, n: leaders.n + rest.n }] };
}

describe("releaseCampaign", () => {
  it("publishes nothing below k, then everyone and the split together once both groups reach k", () => {
    const below = releaseCampaign(count(group(2, 80), group(2, 40)), {}, K);
    expect([below.next, below.shown.everyone.n]).toEqual([{}, 4]);

    const { shown, next } = releaseCampaign(count(group(5, 80), group(5, 40)), {}, K);
    expect(next.everyone).toEqual({
      n: 10,
      sums: group(10, 60).sums,
      answerCounts: [{ statementId: "da1", answer: 3, n: 10 }],
      leadersAt: 5,
    });
    expect([next.leaders?.n, next.rest?.n]).toEqual([5, 5]);
    expect(shown).toEqual(next);
  });

  it("shows everyone but no split while leaders are below k", () => {
    const { shown, next } = releaseCampaign(count(group(3, 80), group(5, 40)), {}, K);
    expect(Object.keys(next)).toEqual(["everyone"]);
    expect([shown.everyone.n, shown.leaders.n, shown.rest.n]).toEqual([8, 0, 0]);
  });

  it("keeps every figure when one more person answers: neither their answers nor whether they lead show", () => {
    const first = releaseCampaign(count(group(5, 80), group(5, 40)), {}, K).next as CampaignGroups;
    const { shown, next } = releaseCampaign(count(group(6, 80 - 20 / 6), group(5, 40)), first, K);
    expect(next).toEqual({});
    expect(shown).toEqual(first);
  });

  it("holds everyone and the split while a group grew by fewer than k since, and lets everyone move alone once the campaign closed", () => {
    const first = releaseCampaign(count(group(5, 80), group(5, 40)), {}, K).next as CampaignGroups;
    // Four more leaders and one more of everyone else: five more people, but a split then
    // could never be told apart from this epoch by fewer than k people, so nothing moves.
    const open = releaseCampaign(count(group(9, 80), group(6, 40)), first, K);
    expect(open.next).toEqual({});
    expect(open.shown).toEqual(first);
    const closed = releaseCampaign(count(group(9, 80), group(6, 40)), first, K, true);
    expect(Object.keys(closed.next)).toEqual(["everyone"]);
    expect(closed.shown.everyone.n).toBe(15);
    expect(closed.shown.everyone.answerCounts).toEqual([{ statementId: "da1", answer: 3, n: 15 }]);
    expect([closed.shown.leaders, closed.shown.rest]).toEqual([first.leaders, first.rest]);
  });

  it("moves the split only at an epoch where both groups grew by k: if only one moved, everyone who answered since would be known to be in it", () => {
    const first = releaseCampaign(count(group(5, 80), group(5, 40)), {}, K).next as CampaignGroups;
    // Five more, none of them leaders: nothing moves (everyone would say those five lead no team once the split moved).
    const restOnly = releaseCampaign(count(group(5, 80), group(10, 30)), first, K);
    expect(restOnly.next).toEqual({});
    // Five leaders more: both grew by k, everything moves together.
    const both = releaseCampaign(count(group(10, 70), group(10, 30)), first, K);
    expect(Object.keys(both.next).sort()).toEqual(["everyone", "leaders", "rest"]);
    expect([both.shown.everyone.n, both.shown.leaders.n, both.shown.rest.n]).toEqual([20, 10, 10]);
  });

  it("never lets leaders and everyone else add up to more than an everyone figure of another moment", () => {
    // Everyone published at 10 with 4 leaders; a 5th leader alone must not publish the split
    // (leaders + everyone else − everyone would be that leader).
    const first = releaseCampaign(count(group(4, 80), group(6, 40)), {}, K).next as CampaignGroups;
    const { shown, next } = releaseCampaign(count(group(5, 80), group(6, 40)), first, K);
    expect(next).toEqual({});
    expect([shown.everyone.n, shown.leaders.n, shown.rest.n]).toEqual([10, 0, 0]);
  });
});
