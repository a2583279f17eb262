import type { PlanOutcome } from "./ageing";

/** A PPP as the lead writes it: items in order, the verdict on last week's plans, notes. */
export interface PppItemDraft {
  text: string;
  objectiveId?: string | null;
  /** Present when the item continues a plan or problem of an earlier week, or was saved before. */
  thread?: string;
}

export interface PppDraft {
  progress: PppItemDraft[];
  plans: PppItemDraft[];
  problems: PppItemDraft[];
  notes: string;
  /** Verdict on each plan of the previous PPP, by its thread id. */
  reviews: Record<string, PlanOutcome>;
}

/**
 * "Done, move it to Progress" in one click: marks last week's plan done and appends it to
 * Progress unless an item with the same text is already there. Returns a new draft.
 */
export function movePlanToProgress(draft: PppDraft, plan: { thread: string; text: string; objectiveId: string | null }): PppDraft {
  const already = draft.progress.some((p) => p.text.trim() === plan.text.trim());
  return {
    ...draft,
    reviews: { ...draft.reviews, [plan.thread]: "done" },
    progress: already ? draft.progress : [...draft.progress, { text: plan.text, objectiveId: plan.objectiveId }],
  };
}

/** How many plans this week's PPP holds: the new ones plus those carried over from last week. */
export function planCount(draft: Pick<PppDraft, "plans" | "reviews">): number {
  return draft.plans.length + Object.values(draft.reviews).filter((o) => o === "carried").length;
}
