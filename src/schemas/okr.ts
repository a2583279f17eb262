import { z } from "zod";
import { waveDatesProblem } from "../domain/okr/wave";
import { dateField, ID_PATTERN, idSchema, numberField, optionalText, text } from "./fields";

export const waveSchema = z
  .object({
    name: text("The wave's name", 1, 80),
    startsOn: dateField("The start date"),
    endsOn: dateField("The end date"),
  })
  .superRefine((w, ctx) => {
    const problem = waveDatesProblem(w);
    if (problem) ctx.addIssue({ code: "custom", path: ["endsOn"], message: problem });
  });
export type WaveInput = z.infer<typeof waveSchema>;

export const keyResultSchema = z
  .object({
    title: text("The key result", 3, 140),
    unit: optionalText("The unit", 20),
    baseline: numberField("The baseline"),
    target: numberField("The target"),
    current: numberField("The current value").optional(),
  })
  .superRefine((kr, ctx) => {
    if (kr.baseline === kr.target) ctx.addIssue({ code: "custom", path: ["target"], message: "The target must differ from the baseline." });
  });
export type KeyResultInput = z.infer<typeof keyResultSchema>;

export const orgObjectiveSchema = z.object({
  title: text("The objective", 3, 140),
  kind: z.enum(["roofshot", "moonshot"], { error: "Choose roofshot or moonshot." }),
  keyResults: z.array(keyResultSchema).max(5, "An objective has at most 5 key results.").default([]),
});
export type OrgObjectiveInput = z.infer<typeof orgObjectiveSchema>;

export const teamObjectiveSchema = z.object({
  teamId: idSchema,
  parentId: z.string({ error: "Choose the org objective this aligns to." }).regex(ID_PATTERN, "Choose the org objective this aligns to."),
  title: text("The objective", 3, 140),
  rationale: text("The alignment rationale", 10, 600),
  keyResults: z.array(keyResultSchema).max(5, "An objective has at most 5 key results.").default([]),
});
export type TeamObjectiveInput = z.infer<typeof teamObjectiveSchema>;

const CONFIDENCE_MESSAGE = "Choose your confidence from 1 (Struggling) to 5 (Exceeding), or leave it empty.";

export const checkInSchema = z.object({
  value: numberField("The new value"),
  note: optionalText("The note", 500),
  /** The lead's confidence on the pulse's scale, 1–5; empty or absent: not given. */
  confidence: z
    .preprocess(
      (v) =>
        v === undefined || v === null || v === "" ? null : typeof v === "string" ? (/^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN) : v,
      z.number({ error: CONFIDENCE_MESSAGE }).int(CONFIDENCE_MESSAGE).min(1, CONFIDENCE_MESSAGE).max(5, CONFIDENCE_MESSAGE).nullable(),
    )
    .optional(),
});
export type CheckInInput = z.infer<typeof checkInSchema>;

export const reflectionSchema = z.object({
  worked: text("What worked", 3, 2000),
  change: text("What to change", 3, 2000),
});
export type ReflectionInput = z.infer<typeof reflectionSchema>;

export const carryOverSchema = z.object({
  objectiveId: idSchema,
  targetWaveId: idSchema,
  /** For a team objective: the org objective in the target wave it will align to. */
  parentId: idSchema.optional(),
});

/** Blank key-result rows a form always shows; rows left entirely empty are ignored. */
export const KEY_RESULT_FORM_ROWS = 3;
const KR_FIELDS = ["title", "unit", "baseline", "target"] as const;

/**
 * Reads an objective form: plain fields plus key-result rows named kr0_title, kr0_baseline, ….
 * A row with every field blank is skipped; a partly filled row is kept so it is validated.
 */
export function objectiveFormToInput(form: FormData): { input: Record<string, unknown>; rows: number[] } {
  const get = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : undefined;
  };
  const keyResults: Record<string, string | undefined>[] = [];
  const rows: number[] = [];
  for (let i = 0; i < KEY_RESULT_FORM_ROWS; i++) {
    const row = Object.fromEntries(KR_FIELDS.map((f) => [f, get(`kr${i}_${f}`)]));
    if (KR_FIELDS.some((f) => (row[f] ?? "").trim() !== "")) {
      keyResults.push(row);
      rows.push(i);
    }
  }
  const input = {
    teamId: get("teamId"),
    parentId: get("parentId") || undefined,
    title: get("title"),
    kind: get("kind"),
    rationale: get("rationale"),
    keyResults,
  };
  return { input, rows };
}

/** The form field an issue belongs to: "keyResults.1.target" → "kr{row}_target" for that row. */
export function formFieldName(field: string, rows: readonly number[]): string {
  const m = /^keyResults\.(\d+)\.(\w+)$/.exec(field);
  return m ? `kr${rows[Number(m[1])] ?? m[1]}_${m[2]}` : field;
}
