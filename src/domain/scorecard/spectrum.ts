/**
 * The five-band spectrum from Directive to Autonomous, placed by the overall score (0–100).
 * Bands are half-open [min, next min) so every score lands in exactly one. A band's own text
 * speaks only of the overall level: where alignment and autonomy part ways, the headline comes
 * from the band and quadrant together (diagnosis.ts).
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
    summary: "The first steps away from directing.",
    description:
      "The overall score is between 20 and 40: one of alignment and autonomy may be taking shape, but the organisation still works mostly the directive way. The diagnosis says which half is ahead.",
  },
  {
    id: "collaborative",
    name: "Collaborative",
    min: 40,
    summary: "About halfway from Directive to Autonomous.",
    description:
      "The overall score is between 40 and 60: alignment, autonomy or both are near the midpoint. The diagnosis says which of them holds the organisation back.",
  },
  {
    id: "empowered",
    name: "Empowered",
    min: 60,
    summary: "Most of the way to aligned autonomy.",
    description:
      "The overall score is between 60 and 80: at least one of alignment and autonomy is strong. The diagnosis says whether both are, or which one still lags.",
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
