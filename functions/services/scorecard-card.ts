import { drawScorecardCard } from "../../src/domain/scorecard/card";
import { DIMENSIONS } from "../../src/domain/scorecard/statements";
import { findScorecardCard, insertScorecardCard } from "../db/scorecard-cards";
import { encodePng } from "./png";
import { getScorecardResult } from "./scorecard";

/** Bump when the card's design changes, so stored cards are drawn again. */
export const CARD_VERSION = 1;

/**
 * The share card of a result: read from D1 when it was drawn before (one query), otherwise
 * drawn, encoded and stored. `made` says which, for tests and logs. Unknown ids are a 404.
 */
export async function getScorecardCard(db: D1Database, resultId: string): Promise<{ png: Uint8Array; made: boolean }> {
  const result = await getScorecardResult(db, resultId);
  const stored = await findScorecardCard(db, result.id, CARD_VERSION);
  if (stored) return { png: stored, made: false };
  const { scores, band } = result.reading;
  const png = await encodePng(
    drawScorecardCard({
      bandName: band.name,
      overall: scores.overall,
      dimensions: DIMENSIONS.map((d) => ({ name: d.name, score: scores.dimensions[d.id] })),
    }),
  );
  await insertScorecardCard(db, result.id, CARD_VERSION, png);
  return { png, made: true };
}
