import { z } from "zod";
import { AGREEMENT_SCALE, DIMENSIONS, STATEMENTS } from "../../src/domain/scorecard/statements";
import type { ScorecardBenchmark } from "../services/scorecard";
import type { getScorecardResult } from "../services/scorecard";
import { Day, Id, SitePath } from "./contract/common";

const DimensionId = z.enum(["clarity", "context", "autonomy", "velocity"]);
const Score = z.number().min(0).max(100);

export const DimensionScoresJson = z
  .object({ clarity: Score, context: Score, autonomy: Score, velocity: Score })
  .meta({ id: "DimensionScores", description: "Each dimension, 0–100." });

export const ScoresJson = z
  .object({
    dimensions: DimensionScoresJson,
    overall: Score.meta({ description: "Mean of the four dimensions." }),
    alignment: Score.meta({ description: "Mean of Strategic Clarity and Context Flow." }),
    autonomy: Score.meta({ description: "Mean of Decision Autonomy and Execution Velocity." }),
  })
  .meta({ id: "ScorecardScores" });

const BandJson = z
  .object({
    id: z.enum(["directive", "consultative", "collaborative", "empowered", "autonomous"]),
    name: z.string(),
    min: Score,
    summary: z.string(),
    description: z.string(),
  })
  .meta({ id: "SpectrumBand" });
const QuadrantJson = z
  .object({
    id: z.enum(["micromanaged", "authoritarian", "chaos", "aligned-autonomy"]),
    name: z.string(),
    kniberg: z.string(),
    highAlignment: z.boolean(),
    highAutonomy: z.boolean(),
    description: z.string(),
  })
  .meta({ id: "Quadrant" });
const AdviceJson = z
  .object({ dimension: DimensionId, headline: z.string(), practices: z.array(z.string()).readonly() })
  .meta({ id: "Advice" });

/** Band, quadrant, the one diagnosis they tell together, the weakest dimension and advice for it. */
export const ReadingJson = z
  .object({
    scores: ScoresJson,
    band: BandJson,
    quadrant: QuadrantJson,
    diagnosis: z.object({ band: BandJson, quadrant: QuadrantJson, headline: z.string(), story: z.string() }),
    weakest: DimensionId,
    advice: AdviceJson,
  })
  .meta({ id: "ScorecardReading" });

export const StatementsJson = z
  .object({
    scale: z.array(z.string()).meta({ description: "The answers 1 … 5, in order." }),
    dimensions: z.array(z.object({ id: DimensionId, name: z.string(), asks: z.string(), axis: z.enum(["alignment", "autonomy"]) })),
    statements: z.array(z.object({ id: z.string(), dimension: DimensionId, text: z.string(), reverse: z.boolean() })),
  })
  .meta({ id: "ScorecardStatements" });

export function statementsJson(): z.infer<typeof StatementsJson> {
  return { scale: [...AGREEMENT_SCALE], dimensions: [...DIMENSIONS], statements: [...STATEMENTS] };
}

export const ScorecardResultJson = z
  .object({
    id: Id,
    url: SitePath.meta({ description: "The result page." }),
    createdOn: Day,
    scores: ScoresJson,
    band: BandJson.pick({ id: true, name: true, summary: true }),
    quadrant: QuadrantJson.pick({ id: true, name: true }),
    diagnosis: z.object({ headline: z.string(), story: z.string() }),
    weakest: DimensionId,
    advice: AdviceJson,
  })
  .meta({ id: "ScorecardResult" });

/** A public Scorecard result as the API answers it. */
export function scorecardResultJson(result: Awaited<ReturnType<typeof getScorecardResult>>): z.infer<typeof ScorecardResultJson> {
  const { scores, band, quadrant, diagnosis, weakest, advice } = result.reading;
  return {
    id: result.id,
    url: `/scorecard/r/${result.id}`,
    createdOn: result.createdOn,
    scores,
    band: { id: band.id, name: band.name, summary: band.summary },
    quadrant: { id: quadrant.id, name: quadrant.name },
    diagnosis: { headline: diagnosis.headline, story: diagnosis.story },
    weakest,
    advice,
  };
}

export const BenchmarkJson = z
  .object({
    results: z.int().min(0).meta({ description: "How many results the benchmark rests on." }),
    dimensions: DimensionScoresJson.nullable().meta({ description: "Mean per dimension; null below 30 results." }),
  })
  .meta({ id: "ScorecardBenchmark" });

export function benchmarkJson(b: ScorecardBenchmark): z.infer<typeof BenchmarkJson> {
  return { results: b.results, dimensions: b.dimensions };
}
