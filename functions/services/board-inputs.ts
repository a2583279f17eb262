import { localDate } from "../../src/domain/calendar";
import type { KeyResultInput } from "../../src/domain/okr/board";
import type { KeyResultRow } from "../db/objectives";

/** Key-result rows as the board's input, each with the day (org time zone) it was written. */
export function keyResultInputs(rows: readonly KeyResultRow[], timeZone: string): KeyResultInput[] {
  return rows.map((k) => ({
    id: k.id,
    objectiveId: k.objective_id,
    title: k.title,
    unit: k.unit,
    baseline: k.baseline,
    target: k.target,
    current: k.current,
    writtenOn: localDate(new Date(k.created_at), timeZone),
    confidence: k.confidence ?? null,
  }));
}
