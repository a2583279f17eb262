import type { DimensionId } from "./statements";

export interface Advice {
  dimension: DimensionId;
  headline: string;
  /** Concrete practices a leadership team can start within a wave. */
  practices: readonly string[];
}

/** Advice for the weakest dimension: practices to try this wave, each checkable. */
export const ADVICE: Readonly<Record<DimensionId, Advice>> = {
  clarity: {
    dimension: "clarity",
    headline: "Make the why impossible to miss",
    practices: [
      "Cut the org's objectives for the next wave to three or fewer, each written as an outcome with one sentence on why it matters now.",
      "Require every team objective to name the org objective it serves and say in its own words how it moves it; reject any that cannot.",
      "When a priority changes, publish a short note within a day: what changed, what evidence changed it, and what teams can stop doing.",
      "Open each wave by having every team lead explain the org objectives back to leadership; gaps in their explanation are gaps in yours.",
    ],
  },
  context: {
    dimension: "context",
    headline: "Let context travel without going through a few people",
    practices: [
      "Publish a one-page weekly PPP (progress, plans, problems) per team where every other team can read it, instead of status meetings.",
      "Map this wave's dependencies between teams on one page at kickoff, and name an owner on each side of every arrow.",
      "Give teams direct read access to the customer, revenue and incident data behind their objectives; remove the need to ask an analyst.",
      "Share the trade-offs leadership is weighing, including bad news, with the affected teams before the decision rather than after.",
    ],
  },
  autonomy: {
    dimension: "autonomy",
    headline: "Move decisions to where the information is",
    practices: [
      "Write a decision-rights list: name ten recurring decisions (tooling, spend under a set amount, release timing, hiring loops) that teams now make without asking.",
      "Replace plan approvals with guardrails: agree the outcome, the budget and the red lines up front, then let the team choose the route.",
      "When leadership disagrees with a team's call, say so and let the team decide unless a red line is crossed; review the outcome together later.",
      "Track how many decisions were escalated each week and aim to halve the number within the wave.",
    ],
  },
  velocity: {
    dimension: "velocity",
    headline: "Shorten the path from idea to customer",
    practices: [
      "Measure the time from a change's first commit or decision to its release for each team, and publish the median weekly.",
      "Find the single hand-off or approval that waits longest in that path and remove it or give the team the skills to do it themselves.",
      "Cap each team's work in progress at the team's size, so work finishes before new work starts.",
      "Replace one recurring status meeting per week with the written PPP, and give the hour back to the work.",
    ],
  },
};
