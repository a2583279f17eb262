import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { countingD1 } from "../../tests/support/d1-counter";
import { createTestOrg } from "../../tests/support/org-fixtures";
import { createBoost } from "./boosts";
import { savePpp } from "./ppp-save";
import { getPppSummary } from "./ppp-summary";

const NOW = new Date("2026-11-20T10:00:00Z");
const THIS_WEEK = "2026-11-16";

describe("leadership's weekly PPP summary", () => {
  it("shows who posted, every open problem with its age and team, and progress by org objective", async () => {
    const org = await createTestOrg(env.DB, { teams: 3 });
    const [a, b] = org.leads;
    const last = await savePpp(
      env.DB,
      a,
      org.teamIds[0],
      "2026-11-02",
      { problems: [{ text: "Flaky test suite" }] },
      "submit",
      new Date("2026-11-06T10:00:00Z"),
    );
    await savePpp(
      env.DB,
      a,
      org.teamIds[0],
      THIS_WEEK,
      {
        progress: [{ text: "Checkout retries live", objectiveId: org.teamObjectiveIds[0] }, { text: "Hired a designer" }],
        problems: [{ text: "Flaky test suite", thread: last.threads.problems[0] }, { text: "Vendor contract unsigned" }],
        notes: "Need a decision on the vendor by Friday.",
      },
      "submit",
      NOW,
    );
    await savePpp(
      env.DB,
      b,
      org.teamIds[1],
      THIS_WEEK,
      { progress: [{ text: "Faster deploys", objectiveId: org.teamObjectiveIds[1] }] },
      "submit",
      NOW,
    );
    await savePpp(env.DB, org.leads[2], org.teamIds[2], THIS_WEEK, { progress: [{ text: "Still a draft" }] }, "draft", NOW);
    await createBoost(
      env.DB,
      a,
      {
        toTeamId: org.teamIds[1],
        need: "Two days of help stabilising CI",
        neededBy: "2026-11-27",
        problemThreadId: last.threads.problems[0],
      },
      "https://mistvine.test",
      NOW,
    );

    const s = await getPppSummary(env.DB, org.admin, null, NOW);
    expect(s.week).toBe(THIS_WEEK);
    expect(s.teams.map((t) => [t.name, t.posted])).toEqual([
      ["Team 1", true],
      ["Team 2", true],
      ["Team 3", false],
    ]);
    expect(s.postedCount).toBe(2);
    expect(s.openProblems.map((p) => [p.teamName, p.text, p.weeksOpen, p.boost?.state ?? null])).toEqual([
      ["Team 1", "Flaky test suite", 3, "open"],
      ["Team 1", "Vendor contract unsigned", 1, null],
    ]);
    expect(s.progressByObjective.map((g) => [g.title, g.items.map((i) => `${i.teamName}: ${i.text}`)])).toEqual([
      ["Grow self-serve", ["Team 1: Checkout retries live"]],
      ["Ship faster", ["Team 2: Faster deploys"]],
      ["Not linked to an objective", ["Team 1: Hired a designer"]],
    ]);
    expect(s.notes).toEqual([{ teamId: org.teamIds[0], teamName: "Team 1", notes: "Need a decision on the vendor by Friday." }]);
    expect(s.dueWeekday).toBe(5);
  });

  it("says a week that has not started is not open yet, and shows nothing for it", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const s = await getPppSummary(env.DB, org.admin, "2026-11-25", NOW);
    expect(s.week).toBe("2026-11-23");
    expect(s.weekProblem).toContain("has not started");
    expect(s.postedCount).toBe(0);
  });

  it("issues the same fixed number of D1 statements for 2 teams and for 50", async () => {
    const small = await createTestOrg(env.DB, { teams: 2 });
    const large = await createTestOrg(env.DB, { teams: 50 });
    for (const org of [small, large]) {
      for (let i = 0; i < org.teamIds.length; i += 2)
        await savePpp(
          env.DB,
          org.leads[i],
          org.teamIds[i],
          THIS_WEEK,
          { progress: [{ text: "Moved" }], problems: [{ text: "Blocked" }] },
          "submit",
          NOW,
        );
    }
    const counter = countingD1(env.DB);
    const a = await getPppSummary(counter.db, small.admin, null, NOW);
    const smallCounts = [counter.statements(), counter.roundTrips()];
    counter.reset();
    const b = await getPppSummary(counter.db, large.admin, null, NOW);
    expect([a.postedCount, b.postedCount]).toEqual([1, 25]);
    expect(b.openProblems).toHaveLength(25);
    expect([counter.statements(), counter.roundTrips()]).toEqual(smallCounts);
    expect(smallCounts).toEqual([6, 1]);
  });
});
