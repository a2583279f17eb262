/**
 * Kniberg's alignment × autonomy quadrant. Each axis score is 0–100; 50 and above counts as
 * high, the midpoint of the scale, so a neutral answer pattern sits on the boundary.
 */

export type QuadrantId = "micromanaged" | "authoritarian" | "chaos" | "aligned-autonomy";

export interface Quadrant {
  id: QuadrantId;
  name: string;
  highAlignment: boolean;
  highAutonomy: boolean;
  description: string;
}

export const HIGH_AXIS_THRESHOLD = 50;

export const QUADRANTS: readonly Quadrant[] = [
  {
    id: "micromanaged",
    name: "Micromanaged and indifferent",
    highAlignment: false,
    highAutonomy: false,
    description: "Teams are told what to do without being told why. People wait for instructions and stop caring about outcomes.",
  },
  {
    id: "authoritarian",
    name: "Authoritarian, conformist",
    highAlignment: true,
    highAutonomy: false,
    description: "Teams know where the organisation is going but must ask permission to move. Alignment is bought with speed.",
  },
  {
    id: "chaos",
    name: "Entrepreneurial chaos",
    highAlignment: false,
    highAutonomy: true,
    description: "Teams move fast and decide for themselves, but in different directions. Energy is high and much of it cancels out.",
  },
  {
    id: "aligned-autonomy",
    name: "Aligned autonomy",
    highAlignment: true,
    highAutonomy: true,
    description: "Leadership says what problem to solve and why; teams work out how. Decisions are fast and point the same way.",
  },
];

/** The quadrant for an alignment and an autonomy score, each 0–100. */
export function quadrantFor(alignment: number, autonomy: number): Quadrant {
  const highAlignment = alignment >= HIGH_AXIS_THRESHOLD;
  const highAutonomy = autonomy >= HIGH_AXIS_THRESHOLD;
  const found = QUADRANTS.find((q) => q.highAlignment === highAlignment && q.highAutonomy === highAutonomy);
  if (!found) throw new Error("unreachable: every combination has a quadrant");
  return found;
}
