import { z } from "zod";
import { planCount } from "../domain/ppp/draft";
import { PPP_MAX_ITEMS } from "../domain/ppp/week";
import { dateField, idSchema, optionalText } from "./fields";

export const PPP_KINDS = ["progress", "plans", "problems"] as const;
export type PppKind = (typeof PPP_KINDS)[number];
export const PPP_KIND_LABEL: Record<PppKind, string> = { progress: "Progress", plans: "Plans", problems: "Problems" };
export const PPP_ITEM_MAX = 280;

const itemSchema = z.object({
  text: z
    .string({ error: "An item cannot be empty: write it, or clear the line." })
    .trim()
    .min(1, "An item cannot be empty: write it, or clear the line.")
    .max(PPP_ITEM_MAX, `An item can be at most ${PPP_ITEM_MAX} characters.`),
  objectiveId: z
    .union([idSchema, z.literal(""), z.null()], { error: "Choose one of your team's objectives." })
    .optional()
    .transform((v) => v || null),
  thread: idSchema.optional(),
});

const items = (kind: PppKind) =>
  z
    .array(itemSchema, { error: `${PPP_KIND_LABEL[kind]} must be a list of items.` })
    .max(PPP_MAX_ITEMS, `A PPP has at most ${PPP_MAX_ITEMS} ${PPP_KIND_LABEL[kind]} items.`)
    .default([]);

export const pppSchema = z
  .object({
    progress: items("progress"),
    plans: items("plans"),
    problems: items("problems"),
    notes: optionalText("Questions and risks", 2000),
    reviews: z
      .record(idSchema, z.enum(["done", "carried"], { error: "Mark the plan done or carried over." }), {
        error: "Reviews must map last week's plans to done or carried.",
      })
      .default({}),
  })
  .superRefine((p, ctx) => {
    const total = planCount(p);
    const carried = total - p.plans.length;
    if (total > PPP_MAX_ITEMS && p.plans.length <= PPP_MAX_ITEMS) {
      ctx.addIssue({
        code: "custom",
        path: ["plans"],
        message: `A PPP has at most ${PPP_MAX_ITEMS} plans: ${carried} carried over from last week plus ${p.plans.length} new make ${total}.`,
      });
    }
  });
export type PppInput = z.infer<typeof pppSchema>;

/** A week in a URL or body: any date of it; the service works with its Monday. */
export const weekSchema = dateField("The week");

/** Where each kind's items came from in the form: item i of `progress` is form line slots.progress[i]. */
export type PppSlots = Record<PppKind, number[]>;

/**
 * Reads the PPP form: lines named progress0_text, progress0_objective, progress0_thread, …,
 * review_{thread} and notes. A line with neither text nor objective is skipped; a line with
 * only an objective is kept, so the schema can say the item is empty.
 */
export function pppFormToInput(form: FormData): { input: Record<string, unknown>; slots: PppSlots } {
  const get = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const slots: PppSlots = { progress: [], plans: [], problems: [] };
  const input: Record<string, unknown> = { notes: get("notes"), reviews: {} };
  for (const kind of PPP_KINDS) {
    const lines = [
      ...new Set(
        [...form.keys()]
          .map((k) => new RegExp(`^${kind}(\\d{1,2})_text$`).exec(k)?.[1])
          .filter((n): n is string => n !== undefined)
          .map(Number),
      ),
    ].sort((a, b) => a - b);
    const list: Record<string, string | undefined>[] = [];
    for (const n of lines) {
      const text = get(`${kind}${n}_text`);
      const objectiveId = get(`${kind}${n}_objective`);
      if (text.trim() === "" && objectiveId === "") continue;
      list.push({ text, objectiveId, thread: get(`${kind}${n}_thread`) || undefined });
      slots[kind].push(n);
    }
    input[kind] = list;
  }
  const reviews: Record<string, string> = {};
  for (const key of form.keys()) {
    const m = /^review_(.+)$/.exec(key);
    if (m && get(key)) reviews[m[1]] = get(key);
  }
  input.reviews = reviews;
  return { input, slots };
}

/** The form field an issue belongs to: "problems.1.text" → "problems{line}_text". */
export function pppFieldName(field: string, slots: PppSlots): string {
  const m = /^(progress|plans|problems)\.(\d+)\.(text|objectiveId|thread)$/.exec(field);
  if (m) {
    const kind = m[1] as PppKind;
    const suffix = m[3] === "objectiveId" ? "objective" : m[3];
    return `${kind}${slots[kind][Number(m[2])] ?? m[2]}_${suffix}`;
  }
  const r = /^reviews\.(.+)$/.exec(field);
  return r ? `review_${r[1]}` : field;
}

/** One line of the PPP form as shown: what was saved or typed. */
export interface PppLine {
  text: string;
  objectiveId: string;
  thread: string;
}
export type PppLines = Record<PppKind, PppLine[]>;

/**
 * The form's lines, at least PPP_MAX_ITEMS per kind: a saved draft's items in order, or what
 * was typed put back on the lines it came from (`slots`), so a refused form shows it as typed.
 */
export function pppLines(source: Partial<Record<PppKind, unknown>>, slots?: PppSlots): PppLines {
  const lines = {} as PppLines;
  for (const kind of PPP_KINDS) {
    const items = Array.isArray(source[kind]) ? (source[kind] as { text?: unknown; objectiveId?: unknown; thread?: unknown }[]) : [];
    const at = items.map((_, i) => slots?.[kind][i] ?? i);
    const length = Math.max(PPP_MAX_ITEMS, ...at.map((n) => n + 1));
    lines[kind] = Array.from({ length }, () => ({ text: "", objectiveId: "", thread: "" }));
    items.forEach((item, i) => {
      const str = (v: unknown) => (typeof v === "string" ? v : "");
      lines[kind][at[i]] = { text: str(item.text), objectiveId: str(item.objectiveId), thread: str(item.thread) };
    });
  }
  return lines;
}
