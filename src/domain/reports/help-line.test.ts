import { describe, expect, it } from "vitest";
import { helpLine } from "./help-line";

describe("helpLine", () => {
  it("points at a boost that has waited three days or more first", () => {
    const line = helpLine({
      teams: [{ team: "Mobile", reasons: ["behind", "silent"] }],
      boosts: [
        { from: "Payments", to: "Data", what: "churn scores", ageDays: 5 },
        { from: "Onboarding", to: "Platform", what: "preview envs", ageDays: 1 },
      ],
    });
    expect(line).toContain("Payments asked Data for help (“churn scores”) 5 days ago");
  });

  it("otherwise the team with the most reasons to need support", () => {
    const line = helpLine({
      teams: [
        { team: "Atlas", reasons: ["behind"] },
        { team: "Mobile", reasons: ["confidence dropped", "behind"] },
      ],
      boosts: [{ from: "A", to: "B", what: "x", ageDays: 1 }],
    });
    expect(line).toBe("Mobile: confidence dropped, behind. Ask what would help, rather than what went wrong.");
  });

  it("then the oldest open problem, and a thank-you when all is well", () => {
    expect(helpLine({ teams: [], problems: [{ team: "Data", text: "No staging data", weeksOpen: 3 }] })).toBe(
      "Data has had “No staging data” open for 3 weeks.",
    );
    expect(helpLine({ teams: [{ team: "Atlas", reasons: [] }] })).toContain("say thank you");
  });
});
