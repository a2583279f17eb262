/**
 * The five-band spectrum from Directive to Autonomous, placed by the overall score (0–100).
 * Bands are half-open [min, next min) so every score lands in exactly one.
 */

export type BandId = "directive" | "consultative" | "collaborative" | "empowered" | "autonomous";

export interface Band {
  id: BandId;
  name: string;
  /** Inclusive lower bound of the overall score, 0–100. */
  min: number;
  summary: string;
  description: string;
}

export const BANDS: readonly Band[] = [
  {
    id: "directive",
    name: "Directive",
    min: 0,
    summary: "Leadership decides; teams execute.",
    description:
      "Direction and decisions sit with leadership, and teams carry out plans made elsewhere. It is predictable, but every decision queues behind a few people and teams stop bringing what they know.",
  },
  {
    id: "consultative",
    name: "Consultative",
    min: 20,
    summary: "Teams are asked; leadership still decides.",
    description:
      "Leaders gather input from teams before they decide, yet the decisions and most of the context stay at the top. Teams feel heard more than trusted, and speed depends on how available leaders are.",
  },
  {
    id: "collaborative",
    name: "Collaborative",
    min: 40,
    summary: "Direction is shared; decisions are negotiated.",
    description:
      "Leadership and teams work out plans together. Teams know much of the why and own some decisions, but approval loops and uneven context still slow the moments that matter.",
  },
  {
    id: "empowered",
    name: "Empowered",
    min: 60,
    summary: "Leadership sets direction; teams own most of the how.",
    description:
      "Teams understand the goals and decide most things themselves. What remains is the last mile: removing the few approvals, hand-offs and information gaps that still pull decisions upward.",
  },
  {
    id: "autonomous",
    name: "Autonomous",
    min: 80,
    summary: "Teams execute with speed and ownership inside a clear direction.",
    description:
      "Direction is clear and widely understood, context flows freely, and teams decide and ship on their own. The work now is to keep it that way as the organisation grows and people change.",
  },
];

/** The band an overall score 0–100 falls in; values outside the range are clamped. */
export function bandForScore(overall: number): Band {
  const score = Math.min(100, Math.max(0, overall));
  let found = BANDS[0];
  for (const band of BANDS) if (score >= band.min) found = band;
  return found;
}
