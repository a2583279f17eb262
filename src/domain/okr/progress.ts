/**
 * Key-result and objective progress, 0–100, and the flags that say a team needs support.
 */

/** A team is "behind" when its progress trails the expected progress by more than this many points. */
export const BEHIND_TOLERANCE = 10;
/** A team with no check-in for this many days (once the wave has run that long) needs support. */
export const STALE_CHECKIN_DAYS = 7;

export interface KeyResultValues {
  baseline: number;
  target: number;
  current: number;
}

/**
 * Progress of one key result from baseline to target, 0–100. Works the same for targets below
 * the baseline (reduce churn from 8% to 5%: 6.5% is 50%). Overshooting counts as 100, moving
 * the wrong way as 0.
 */
export function keyResultProgress(kr: KeyResultValues): number {
  const span = kr.target - kr.baseline;
  if (span === 0) return kr.current === kr.target ? 100 : 0;
  const share = (kr.current - kr.baseline) / span;
  return Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10;
}

/** Mean progress of the key results, or null when there are none yet. */
export function meanProgress(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

export type ProgressStatus = "ahead" | "on-track" | "behind" | "no-key-results";

/** Compares progress with what the wave's calendar expects by today. */
export function progressStatus(progress: number | null, expected: number): ProgressStatus {
  if (progress === null) return "no-key-results";
  if (progress < expected - BEHIND_TOLERANCE) return "behind";
  if (progress > expected + BEHIND_TOLERANCE) return "ahead";
  return "on-track";
}

/** Why a team needs support: from its key results and check-ins, or (see pulse/board-signals) its votes. */
export type SupportReason = "behind" | "no-recent-check-in" | "confidence-drop" | "divergence";

/**
 * Why a team needs support this wave, if it does: it trails the expected progress, or it has
 * not checked in for STALE_CHECKIN_DAYS days while the wave has been running at least that long.
 * `daysSinceCheckIn` is null when the team never checked in this wave.
 */
export function supportReasons(input: {
  progress: number | null;
  expected: number;
  daysSinceCheckIn: number | null;
  daysElapsed: number;
}): SupportReason[] {
  const reasons: SupportReason[] = [];
  if (progressStatus(input.progress, input.expected) === "behind") reasons.push("behind");
  const stale = input.daysSinceCheckIn === null ? input.daysElapsed >= STALE_CHECKIN_DAYS : input.daysSinceCheckIn >= STALE_CHECKIN_DAYS;
  if (stale) reasons.push("no-recent-check-in");
  return reasons;
}

/** Formats a measured value with its unit: "42%", "3.5 days", "120 signups". */
export function formatValue(value: number, unit: string): string {
  const n = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  if (!unit) return n;
  return unit === "%" ? `${n}%` : `${n} ${unit}`;
}
