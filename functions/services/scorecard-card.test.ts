import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { submissionId, uniformAnswers } from "../../tests/support/scorecard-fixtures";
import { AppError } from "./errors";
import { submitScorecard } from "./scorecard";
import { getScorecardCard } from "./scorecard-card";

const NOW = new Date("2026-11-20T12:00:00Z");

/** Width and height from a PNG's IHDR chunk, and its colour type. */
function pngHeader(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return {
    signature: [...png.subarray(0, 8)],
    chunk: String.fromCharCode(...png.subarray(12, 16)),
    width: view.getUint32(16),
    height: view.getUint32(20),
  };
}

describe("the share card of a result", () => {
  it("is a 1200 × 630 PNG, drawn on the first request and read from storage after", async () => {
    const { id } = await submitScorecard(env.DB, { submissionId: submissionId(), answers: uniformAnswers(4) }, NOW);
    const first = await getScorecardCard(env.DB, id);
    expect(first.made).toBe(true);
    expect(pngHeader(first.png)).toEqual({
      signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      chunk: "IHDR",
      width: 1200,
      height: 630,
    });
    expect(first.png.length).toBeLessThan(30_000);

    const second = await getScorecardCard(env.DB, id);
    expect(second.made).toBe(false);
    expect([...second.png]).toEqual([...first.png]);
    const { n } = (await env.DB.prepare("SELECT COUNT(*) AS n FROM scorecard_cards WHERE result_id = ?1").bind(id).first<{ n: number }>())!;
    expect(n).toBe(1);
  });

  it("answers an unknown or malformed result id with a 404, drawing nothing", async () => {
    for (const id of ["aaaaaaaaaaaaaaaaaaaaaa", "../../etc", ""]) {
      await expect(getScorecardCard(env.DB, id)).rejects.toSatisfy((e) => e instanceof AppError && e.status === 404);
    }
  });
});
