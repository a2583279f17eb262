import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getOrgResults } from "../campaign-results";
import { seedDemoCampaigns } from "./campaigns";
import { seedDemoOrg } from "./demo-org";

describe("the demo campaigns", () => {
  it("give Northwind a baseline with too few leaders, a closed Wave 6 campaign and an open Wave 7 one, once", async () => {
    const now = new Date("2026-11-20T10:00:00Z");
    const admin = (await seedDemoOrg(env.DB, now))!;
    expect(await seedDemoCampaigns(env.DB, now)).toBe(3);
    expect(await seedDemoCampaigns(env.DB, now)).toBe(0);

    const latest = await getOrgResults(env.DB, admin, null, now);
    expect(latest.campaigns.map((c) => [c.name, c.state, c.wave_name?.slice(0, 6) ?? null])).toEqual([
      ["Scorecard · Wave 7: Self-serve growth", "open", "Wave 7"],
      ["Scorecard · Wave 6: Foundations", "closed", "Wave 6"],
      ["Baseline", "closed", null],
    ]);
    const result = latest.result!;
    expect(result.everyone.state).toBe("shown");
    if (result.split.state !== "shown") throw new Error("the Wave 7 split should show");
    expect(result.split.gap.widest).toMatchObject({ dimension: "autonomy" });
    expect(result.split.gap.widest.gap).toBeGreaterThan(15);
    expect(result.trend.map((p) => [p.everyone.state, p.gap === null])).toEqual([
      ["shown", true],
      ["shown", false],
      ["shown", false],
    ]);
    const overall = result.trend.map((p) => (p.everyone.state === "shown" ? p.everyone.scores.overall : 0));
    expect(overall[0]).toBeLessThan(overall[1]);
    expect(overall[1]).toBeLessThan(overall[2]);
  });
});
