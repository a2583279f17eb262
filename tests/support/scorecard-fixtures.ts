import { STATEMENTS } from "../../src/domain/scorecard/statements";

/** Answers where every item scores `value` (1–5) after reverse scoring. */
export function uniformAnswers(value: number): Record<string, number> {
  return Object.fromEntries(STATEMENTS.map((s) => [s.id, s.reverse ? 6 - value : value]));
}

let counter = 0;
/** A fresh, valid submission id for each call. */
export function submissionId(prefix = "test"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter.toString().padStart(6, "0")}`;
}
