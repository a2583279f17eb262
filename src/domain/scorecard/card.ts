/**
 * The share card of a public Scorecard result, 1200 × 630 (the size LinkedIn, X and others show
 * large): the band, the overall score on the spectrum and the four dimension scores as bars.
 * It carries no personal data: nothing but the scores. Drawn into palette indices here (pure);
 * functions/services/png.ts encodes the raster as a PNG.
 */
import { GLYPHS, GLYPH_HEIGHT, GLYPH_WIDTH } from "./card-font";
import { BANDS } from "./spectrum";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** RGB colours by palette index; the site's own colours. */
export const CARD_PALETTE: readonly (readonly [number, number, number])[] = [
  [246, 248, 247], // 0 background
  [31, 41, 51], // 1 ink
  [82, 91, 108], // 2 muted
  [47, 111, 94], // 3 accent
  [223, 230, 227], // 4 track
  [255, 255, 255], // 5 white (unused, keeps indices stable)
  [214, 234, 227], // 6 accent, soft
];
// Index 0, the background, is what a fresh raster holds.
const INK = 1,
  MUTED = 2,
  ACCENT = 3,
  TRACK = 4,
  SOFT = 6;

export interface CardInput {
  bandName: string;
  /** 0–100. */
  overall: number;
  /** Each dimension's name and score 0–100, in display order. */
  dimensions: readonly { name: string; score: number }[];
}

export interface Raster {
  width: number;
  height: number;
  /** One palette index per pixel, row by row. */
  pixels: Uint8Array;
  palette: readonly (readonly [number, number, number])[];
}

function fillRect(r: Raster, x: number, y: number, w: number, h: number, colour: number): void {
  const x0 = Math.max(0, Math.round(x)),
    x1 = Math.min(r.width, Math.round(x + w));
  const y0 = Math.max(0, Math.round(y)),
    y1 = Math.min(r.height, Math.round(y + h));
  for (let row = y0; row < y1; row++) r.pixels.fill(colour, row * r.width + x0, row * r.width + x1);
}

/** Width in pixels of `text` drawn at `scale` (one blank column between glyphs). */
export function textWidth(text: string, scale: number): number {
  return text.length === 0 ? 0 : (text.length * (GLYPH_WIDTH + 1) - 1) * scale;
}

function drawText(r: Raster, text: string, x: number, y: number, scale: number, colour: number): void {
  let cx = x;
  for (const ch of text.toUpperCase()) {
    const glyph = GLYPHS[ch] ?? GLYPHS[" "];
    for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
      for (let gx = 0; gx < GLYPH_WIDTH; gx++)
        if (glyph[gy][gx] === "#") fillRect(r, cx + gx * scale, y + gy * scale, scale, scale, colour);
    }
    cx += (GLYPH_WIDTH + 1) * scale;
  }
}

/** Scores print with at most one decimal, as on the result page. */
function formatScore(score: number): string {
  return String(Math.round(score * 10) / 10);
}

export function drawScorecardCard(input: CardInput): Raster {
  const r: Raster = { width: CARD_WIDTH, height: CARD_HEIGHT, pixels: new Uint8Array(CARD_WIDTH * CARD_HEIGHT), palette: CARD_PALETTE };
  const left = 64,
    right = CARD_WIDTH - 64,
    inner = right - left;
  fillRect(r, 0, 0, CARD_WIDTH, 12, ACCENT);

  drawText(r, "Aligned Autonomy Scorecard", left, 48, 4, MUTED);
  drawText(r, "Mistvine", right - textWidth("Mistvine", 4), 48, 4, ACCENT);

  // The band, as large as fits on one line.
  const bandScale = Math.min(12, Math.floor(inner / textWidth(input.bandName, 1)));
  drawText(r, input.bandName, left, 104, bandScale, INK);
  const overall = `${formatScore(input.overall)} / 100`;
  drawText(r, overall, left, 104 + 7 * bandScale + 24, 6, ACCENT);

  // The spectrum: five bands, the marker at the overall score.
  const specY = 292,
    specH = 18;
  BANDS.forEach((band, i) => {
    const from = left + (band.min / 100) * inner;
    const to = left + ((BANDS[i + 1]?.min ?? 100) / 100) * inner;
    fillRect(r, from, specY, to - from - (i < BANDS.length - 1 ? 3 : 0), specH, band.name === input.bandName ? SOFT : TRACK);
  });
  const markerX = left + (Math.min(100, Math.max(0, input.overall)) / 100) * inner;
  fillRect(r, markerX - 5, specY - 8, 10, specH + 16, INK);
  drawText(r, "Directive", left, specY + specH + 12, 3, MUTED);
  drawText(r, "Autonomous", right - textWidth("Autonomous", 3), specY + specH + 12, 3, MUTED);

  // The four dimensions as bars with their scores.
  const barX = 520,
    barW = 500,
    rowH = 56;
  input.dimensions.forEach((d, i) => {
    const y = 378 + i * rowH;
    drawText(r, d.name, left, y + 4, 4, INK);
    fillRect(r, barX, y, barW, 32, TRACK);
    fillRect(r, barX, y, (Math.min(100, Math.max(0, d.score)) / 100) * barW, 32, ACCENT);
    drawText(r, formatScore(d.score), barX + barW + 24, y + 2, 4, INK);
  });
  return r;
}
