/**
 * One diagnosis from two readings of the same scores: the band (where the overall score sits on
 * the spectrum from Directive to Autonomous) and the alignment × autonomy quadrant (which half of
 * aligned autonomy is in place). The overall score is the mean of the two axes, so only twelve
 * band × quadrant pairs can occur; each has one headline written for both at once, so the page
 * never says "direction is shared" beside "low alignment". The band's own summary says nothing
 * about either axis for the same reason.
 */
import { quadrantFor, type Quadrant, type QuadrantId } from "./quadrant";
import type { ScorecardScores } from "./scoring";
import { bandForScore, type Band, type BandId } from "./spectrum";

export interface Diagnosis {
  band: Band;
  quadrant: Quadrant;
  /** The one line a visitor reads first, after the band name. */
  headline: string;
  /** Two or three sentences that explain the headline. */
  story: string;
}

type Key = `${BandId}/${QuadrantId}`;

/** Every band × quadrant pair that a mean of two axis scores can produce. */
export const DIAGNOSES: Readonly<Partial<Record<Key, { headline: string; story: string }>>> = {
  "directive/micromanaged": {
    headline: "Leadership decides, and teams rarely hear why.",
    story:
      "Decisions sit with a few people and plans arrive without their reasons. Neither half of aligned autonomy is in place yet: sharing the why is the cheapest place to start.",
  },
  "consultative/micromanaged": {
    headline: "Teams are asked, but neither the why nor the decisions reach them.",
    story:
      "Leaders gather input, then decide and pass plans down. Teams feel heard more than trusted, and they still lack the context to act alone. Clarity first, then hand over decisions.",
  },
  "consultative/authoritarian": {
    headline: "Teams know the direction but wait for permission to move.",
    story:
      "Alignment is ahead of autonomy: people understand where the organisation is going, yet decisions queue behind approvals. Speed is the price of that alignment.",
  },
  "consultative/chaos": {
    headline: "Teams act on their own, without a direction they share.",
    story:
      "Autonomy is ahead of alignment: teams decide and move, but the why and the cross-team context do not reach them, so much of the effort pulls in different directions.",
  },
  "collaborative/micromanaged": {
    headline: "Halfway there on both, and not yet enough on either.",
    story:
      "Leaders and teams negotiate plans, but both alignment and autonomy stay just below the line where teams can act on their own with confidence. Small gains in clarity move you furthest.",
  },
  "collaborative/authoritarian": {
    headline: "Direction is shared; decisions still go up for approval.",
    story:
      "Alignment is in place and autonomy lags behind it. Teams know the why, and the next step is to let them decide the how without asking first.",
  },
  "collaborative/chaos": {
    headline: "Teams own decisions; the direction behind them is unclear.",
    story:
      "Autonomy is in place and alignment lags behind it. Teams move, but not always the same way: make the why and the cross-team impact visible before handing over more.",
  },
  "collaborative/aligned-autonomy": {
    headline: "Both halves are in place, only just.",
    story:
      "Alignment and autonomy are each past the midpoint, but not by much. Approval loops and uneven context still slow the moments that matter.",
  },
  "empowered/authoritarian": {
    headline: "Strong direction, with decisions still held at the top.",
    story:
      "Teams understand the goals well, yet autonomy stays below the line. Remove the approvals that no longer add anything and the organisation speeds up without losing its way.",
  },
  "empowered/chaos": {
    headline: "Fast, empowered teams that do not share a direction.",
    story:
      "Teams decide and ship on their own, but the why and the cross-team picture are thin. Energy is high and some of it cancels out: invest in clarity and context.",
  },
  "empowered/aligned-autonomy": {
    headline: "Leadership sets direction; teams own most of the how.",
    story:
      "Both alignment and autonomy are in place. What remains is the last mile: the few approvals, hand-offs and information gaps that still pull decisions upward.",
  },
  "autonomous/aligned-autonomy": {
    headline: "Teams execute with speed and ownership inside a clear direction.",
    story:
      "Direction is clear and widely understood, context flows and teams decide and ship on their own. The work now is to keep it that way as the organisation grows.",
  },
};

/** The one diagnosis of a set of scores (axes and overall 0–100). */
export function diagnose(scores: Pick<ScorecardScores, "overall" | "alignment" | "autonomy">): Diagnosis {
  const band = bandForScore(scores.overall);
  const quadrant = quadrantFor(scores.alignment, scores.autonomy);
  const text = DIAGNOSES[`${band.id}/${quadrant.id}`];
  if (!text) throw new Error(`no diagnosis for ${band.id}/${quadrant.id}: overall must be the mean of the axes`);
  return { band, quadrant, ...text };
}
