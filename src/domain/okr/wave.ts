import { daysBetween } from "../calendar";

/** A wave lasts 2 to 6 weeks, counted in whole days from its first to its last day inclusive. */
export const WAVE_MIN_DAYS = 14;
export const WAVE_MAX_DAYS = 42;
export const MAX_MOONSHOTS_PER_WAVE = 2;

export type WaveState = "draft" | "active" | "completed";

export interface WaveDates {
  startsOn: string;
  endsOn: string;
}

/** Length of a wave in days, first and last day included. */
export function waveLengthDays(w: WaveDates): number {
  return daysBetween(w.startsOn, w.endsOn) + 1;
}

/** Why the dates cannot make a wave, or null when they can. */
export function waveDatesProblem(w: WaveDates): string | null {
  const days = waveLengthDays(w);
  if (days < 1) return "The end date must be after the start date.";
  if (days < WAVE_MIN_DAYS) return `A wave lasts at least 2 weeks; these dates give ${days} day${days === 1 ? "" : "s"}.`;
  if (days > WAVE_MAX_DAYS) return `A wave lasts at most 6 weeks; these dates give ${days} days.`;
  return null;
}

/**
 * Allowed state changes: draft → active → completed, and completed → active again (reopening
 * a wave completed by mistake; see reopenProblem for when).
 */
export function canMoveWave(from: WaveState, to: WaveState): boolean {
  return (from === "draft" && to === "active") || (from === "active" && to === "completed") || (from === "completed" && to === "active");
}

/**
 * Why a completed wave cannot be reopened today (a date in the org's time zone), or null when
 * it can: only until its last day, so a wave that ran its course stays final.
 */
export function reopenProblem(w: WaveDates, today: string): string | null {
  return daysBetween(w.endsOn, today) > 0 ? "Its last day has passed, so it stays completed. Plan the next wave instead." : null;
}

export interface WaveCalendar {
  daysTotal: number;
  /** Days fully behind us: 0 on the first day, daysTotal after the last. */
  daysElapsed: number;
  /** Days left including today: 1 on the last day, 0 once it has ended. */
  daysRemaining: number;
  /** Share of the wave's time used up at the start of `today`, 0–100: the expected progress. */
  expectedProgress: number;
  phase: "upcoming" | "running" | "ended";
}

/** Where `today` (a date in the org's time zone) falls in the wave. */
export function waveCalendar(w: WaveDates, today: string): WaveCalendar {
  const daysTotal = waveLengthDays(w);
  const daysElapsed = Math.max(0, Math.min(daysTotal, daysBetween(w.startsOn, today)));
  const phase = daysBetween(w.startsOn, today) < 0 ? "upcoming" : daysElapsed >= daysTotal ? "ended" : "running";
  return {
    daysTotal,
    daysElapsed,
    daysRemaining: daysTotal - daysElapsed,
    expectedProgress: Math.round((daysElapsed / daysTotal) * 1000) / 10,
    phase,
  };
}

/** "12 days left", "last day", "ended", or "starts in 3 days" for an upcoming wave. */
/** Days before a wave's end from which its teams write their reflection (the wave's last week). */
export const REFLECTION_OPENS_DAYS_LEFT = 7;

/**
 * Whether a team may write its reflection on the wave today: in an active wave's last week
 * (7 days left or fewer), and any time once the wave is completed. Page and API both ask this.
 */
export function reflectionOpen(w: WaveDates & { state: WaveState }, today: string): boolean {
  return w.state === "completed" || (w.state === "active" && waveCalendar(w, today).daysRemaining <= REFLECTION_OPENS_DAYS_LEFT);
}

export function daysLeftText(cal: WaveCalendar, daysUntilStart: number): string {
  if (cal.phase === "upcoming") return daysUntilStart === 1 ? "starts tomorrow" : `starts in ${daysUntilStart} days`;
  if (cal.daysRemaining === 0) return "ended";
  if (cal.daysRemaining === 1) return "last day";
  return `${cal.daysRemaining} days left`;
}
