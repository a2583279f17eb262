/**
 * Kniberg's alignment × autonomy quadrant. Each axis score is 0–100; 50 and above counts as
 * high, the midpoint of the scale, so a neutral answer pattern sits on the boundary.
 */

export type QuadrantId = "micromanaged" | "authoritarian" | "chaos" | "aligned-autonomy";

export interface Quadrant {
  id: QuadrantId;
  name: string;
  /** Henrik Kniberg's name for this corner, shown as a reference. */
  kniberg: string;
  highAlignment: boolean;
  highAutonomy: boolean;
  description: string;
}

export const HIGH_AXIS_THRESHOLD = 50;

/**
 * Names say which half of aligned autonomy is in place, so they read as the reason for the band
 * beside them rather than as a second verdict; Kniberg's original terms stay as a reference.
 */
export const QUADRANTS: readonly Quadrant[] = [
  {
    id: "micromanaged",
    name: "Neither aligned nor autonomous yet",
    kniberg: "micromanaged and indifferent",
    highAlignment: false,
    highAutonomy: false,
    description: "Alignment and autonomy are both below the midpoint: teams lack the why and the room to act on it.",
  },
  {
    id: "authoritarian",
    name: "Aligned, not yet autonomous",
    kniberg: "authoritarian, conformist",
    highAlignment: true,
    highAutonomy: false,
    description: "Teams know where the organisation is going but must ask permission to move. Alignment is bought with speed.",
  },
  {
    id: "chaos",
    name: "Autonomous, not yet aligned",
    kniberg: "entrepreneurial chaos",
    highAlignment: false,
    highAutonomy: true,
    description: "Teams move fast and decide for themselves, but in different directions. Energy is high and some of it cancels out.",
  },
  {
    id: "aligned-autonomy",
    name: "Aligned autonomy",
    kniberg: "aligned autonomy",
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
