import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getBoostsOverview } from "../boost-views";
import { getPppSummary } from "../ppp-summary";
import { DEMO_ORG, seedDemoOrg } from "./demo-org";

describe("the Northwind demo's PPPs and boosts", () => {
  it.each([
    ["on a Wednesday", "2026-11-18T12:00:00Z"],
    ["first thing on a Monday", "2026-11-16T00:30:00Z"],
    ["late on a Sunday", "2026-11-22T22:30:00Z"],
  ])("seeds %s: one team missing, an ageing problem with an open boost, an accepted and a resolved boost", async (_when, iso) => {
    await env.DB.prepare("DELETE FROM orgs WHERE slug = ?1").bind(DEMO_ORG.slug).run();
    const now = new Date(iso);
    const admin = await seedDemoOrg(env.DB, now);
    expect(admin).not.toBeNull();

    const summary = await getPppSummary(env.DB, admin!, null, now);
    expect(summary.teams.filter((t) => !t.posted).map((t) => t.name)).toEqual(["Data"]);
    const staging = summary.openProblems[0];
    expect([staging.teamName, staging.weeksOpen, staging.boost?.state]).toEqual(["Onboarding", 3, "open"]);
    expect(summary.teams.find((t) => t.name === "Payments")?.plansDone.percent).toBe(50);

    const boosts = await getBoostsOverview(env.DB, admin!, now);
    expect(boosts.active.map((b) => [b.from_team_name, b.to_team_name, b.state])).toEqual([
      ["Onboarding", null, "open"],
      ["Payments", "Data", "accepted"],
    ]);
    expect(boosts.closed.map((b) => [b.from_team_name, b.helper_team_name, b.state])).toEqual([
      ["Mobile", "Platform", "resolved"],
      ["Payments", "Data", "resolved"],
    ]);
    expect(boosts.timings.map((t) => [t.waveName, t.requested, t.accepted, t.medianToAcceptMs !== null])).toEqual([
      ["Wave 7: Self-serve growth", 3, 2, true],
      ["Wave 6: Foundations", 1, 1, true],
    ]);
    expect(boosts.matrix.counts.flat().reduce((a, b) => a + b, 0)).toBe(2);
  });
});
