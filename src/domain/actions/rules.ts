import { daysBetween } from "../calendar";
import { adminItems } from "./admin-items";
import { leadItems } from "./lead-items";
import type { ActionItem, ActionsInput, Urgency } from "./model";

export * from "./model";

const RANK: Record<Urgency, number> = { high: 0, medium: 1, low: 2 };

/** Every open item of the viewer, most urgent first, then oldest first. */
export function deriveActions(input: ActionsInput): ActionItem[] {
  const items: ActionItem[] = [];
  const push = (i: Omit<ActionItem, "ageDays">) => items.push({ ...i, ageDays: Math.max(0, daysBetween(i.since, input.today)) });
  if (input.viewer.isAdmin) adminItems(input, push);
  else if (input.viewer.teamId) leadItems(input, input.viewer.teamId, push);
  return items.sort((a, b) => RANK[a.urgency] - RANK[b.urgency] || b.ageDays - a.ageDays || a.title.localeCompare(b.title));
}

/** "today", "1 day", "12 days": an item's age in words. */
export function ageText(days: number): string {
  return days <= 0 ? "today" : days === 1 ? "1 day" : `${days} days`;
}
