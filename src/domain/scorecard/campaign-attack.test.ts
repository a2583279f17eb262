import { describe, expect, it } from "vitest";
import { playCampaignAttack, type CampaignPublisher, type GroupFigure } from "../../../tests/support/campaign-attacker";
import { splitWhenEachGroupStillOrGrewByK } from "../../../tests/support/old-rules";
import { releaseCampaign, type CampaignGroups } from "./campaign-release";
import type { GroupTally } from "./campaign-result";

const tally = (g: GroupFigure): GroupTally => ({ n: g.n, sums: { clarity: g.sum, context: 0, autonomy: 0, velocity: 0 } });
const figure = (g: GroupTally): GroupFigure => ({ n: g.n, sum: g.sums.clarity });

/** The campaign result as every surface shows it: releases in steps of k, the published count. */
export const campaignRules = (): CampaignPublisher => {
  let last: Partial<CampaignGroups> = {};
  return {
    read(count, k) {
      const { shown, next } = releaseCampaign(
        { leaders: tally(count.leaders), rest: tally(count.rest), answerCounts: [] },
        last,
        k,
        count.closed,
      );
      last = { ...last, ...next };
      const everyone = figure(shown.everyone);
      return { everyone, leaders: figure(shown.leaders), rest: figure(shown.rest), count: everyone.n >= k ? everyone.n : 0 };
    },
  };
};

describe("the attacker on a campaign", () => {
  it("pins nobody's leader answer and reads nobody's score, over many random sequences of answers and reads", () => {
    const outcomes = Array.from({ length: 300 }, (_, seed) => playCampaignAttack(campaignRules, seed + 1, seed % 3 === 2 ? 4 : 3));
    const leaky = outcomes.filter((o) => o.leaks.length > 0);
    for (const o of leaky.slice(0, 2)) console.log(`seed ${o.seed}: ${o.leaks.slice(0, 3).join("; ")}\n  ${o.log.join("\n  ")}`);
    console.log(`${leaky.length} of ${outcomes.length} sequences leak`);
    expect(leaky).toEqual([]);
  });
});

describe("the same attacker against the rules this model replaced", () => {
  it("finds people known to lead no team, and scores read through a later split minus an earlier everyone", () => {
    const outcomes = Array.from({ length: 300 }, (_, seed) =>
      playCampaignAttack(splitWhenEachGroupStillOrGrewByK, seed + 1, seed % 3 === 2 ? 4 : 3),
    );
    const leaks = outcomes.flatMap((o) => o.leaks);
    console.log(`old campaign rules: ${outcomes.filter((o) => o.leaks.length).length} of ${outcomes.length} sequences leak`);
    expect(leaks.some((l) => / is known to lead/.test(l))).toBe(true);
    expect(leaks.some((l) => /score is read|reads person/.test(l))).toBe(true);
  });
});
