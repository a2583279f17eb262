/**
 * The Aligned Autonomy Scorecard: 20 statements, five per dimension, answered on a 1–5
 * agreement scale. Reverse-scored statements describe a symptom, so agreeing lowers the score.
 * Statement ids are stable: stored answers and form fields refer to them.
 */

export type DimensionId = "clarity" | "context" | "autonomy" | "velocity";
export type Axis = "alignment" | "autonomy";

export interface Dimension {
  id: DimensionId;
  name: string;
  asks: string;
  axis: Axis;
}

export interface Statement {
  id: string;
  dimension: DimensionId;
  text: string;
  reverse: boolean;
}

export const DIMENSIONS: readonly Dimension[] = [
  { id: "clarity", name: "Strategic Clarity", asks: "Do teams understand the why?", axis: "alignment" },
  { id: "context", name: "Context Flow", asks: "Do teams understand cross-team impact?", axis: "alignment" },
  { id: "autonomy", name: "Decision Autonomy", asks: "Can teams act without approval?", axis: "autonomy" },
  { id: "velocity", name: "Execution Velocity", asks: "Can teams move quickly?", axis: "autonomy" },
];

/** The labelled 1–5 agreement scale, index 0 = value 1. */
export const AGREEMENT_SCALE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"] as const;

export const STATEMENTS: readonly Statement[] = [
  {
    id: "sc1",
    dimension: "clarity",
    reverse: false,
    text: "Any team can name, in a sentence, the two or three outcomes the organisation is betting on this cycle.",
  },
  {
    id: "cf1",
    dimension: "context",
    reverse: false,
    text: "Teams know which other teams depend on their work this month, and what those teams need from them.",
  },
  {
    id: "da1",
    dimension: "autonomy",
    reverse: false,
    text: "Teams decide how to reach their objectives without having leadership approve the plan.",
  },
  { id: "ev1", dimension: "velocity", reverse: false, text: "A team can take a small change from idea to customers within a week." },
  {
    id: "sc2",
    dimension: "clarity",
    reverse: false,
    text: "When priorities change, teams hear the reasoning behind the change, not only the new instruction.",
  },
  {
    id: "cf2",
    dimension: "context",
    reverse: true,
    text: "Teams learn about other teams' changes that affect them only when something breaks.",
  },
  {
    id: "da2",
    dimension: "autonomy",
    reverse: true,
    text: "Routine decisions such as tooling, small spend or release timing wait for sign-off above the team.",
  },
  {
    id: "ev2",
    dimension: "velocity",
    reverse: true,
    text: "Work regularly stalls waiting on hand-offs, approvals or another team's backlog.",
  },
  {
    id: "sc3",
    dimension: "clarity",
    reverse: true,
    text: "Teams often find out that their work no longer matters only after they have finished it.",
  },
  {
    id: "cf3",
    dimension: "context",
    reverse: false,
    text: "The customer, financial and operational data a team needs to decide well is open to it without asking.",
  },
  {
    id: "da3",
    dimension: "autonomy",
    reverse: false,
    text: "A team can reorder its own priorities mid-cycle when the evidence says it should.",
  },
  { id: "ev3", dimension: "velocity", reverse: false, text: "Teams can release their work without queueing behind another team." },
  {
    id: "sc4",
    dimension: "clarity",
    reverse: false,
    text: "People can explain how the thing they are working on today moves one of the organisation's objectives.",
  },
  {
    id: "cf4",
    dimension: "context",
    reverse: false,
    text: "Leaders share the constraints and trade-offs they are weighing, bad news included, with the teams it affects.",
  },
  { id: "da4", dimension: "autonomy", reverse: true, text: "Leaders regularly override teams' technical or product decisions." },
  { id: "ev4", dimension: "velocity", reverse: false, text: "Teams hear from real users about what they shipped within days, not months." },
  {
    id: "sc5",
    dimension: "clarity",
    reverse: true,
    text: "Our strategy reads as a list of projects rather than a few outcomes with the reasons behind them.",
  },
  {
    id: "cf5",
    dimension: "context",
    reverse: true,
    text: "Important context travels through a few well-connected people and reaches most teams late or filtered.",
  },
  {
    id: "da5",
    dimension: "autonomy",
    reverse: false,
    text: "When a team's call turns out wrong, we learn from it rather than take the decision away from the team.",
  },
  {
    id: "ev5",
    dimension: "velocity",
    reverse: true,
    text: "Most of a team's week goes on status updates, meetings and re-planning rather than on the work itself.",
  },
];

export function dimensionById(id: DimensionId): Dimension {
  const found = DIMENSIONS.find((d) => d.id === id);
  if (!found) throw new Error(`unknown dimension ${id}`);
  return found;
}
