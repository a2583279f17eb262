/**
 * Time-to-help figures and the who-helped-whom matrix for boost requests. Pure: instants are
 * ISO strings, durations milliseconds.
 */

const HOUR_MS = 3_600_000;

/** The median of a list; null for an empty one (never NaN). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds from one ISO instant to another. */
export function elapsedMs(from: string, to: string): number {
  return Math.max(0, Date.parse(to) - Date.parse(from));
}

/** "just now", "40 min", "5 h", "2 days", "3 weeks" — coarse on purpose, for ages and medians. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min`;
  const hours = ms / HOUR_MS;
  if (hours < 48) return `${Math.round(hours)} h`;
  const days = hours / 24;
  if (days < 21) return `${Math.round(days)} days`;
  return `${Math.round(days / 7)} weeks`;
}

/** "just now", "5 h ago": how long ago something happened. */
export function formatAgo(ms: number): string {
  const d = formatDuration(ms);
  return d === "just now" ? d : `${d} ago`;
}

/** "within a minute", "after 5 h": how long a step took. */
export function formatAfter(ms: number): string {
  const d = formatDuration(ms);
  return d === "just now" ? "within a minute" : `after ${d}`;
}

export interface BoostTimingInput {
  waveId: string | null;
  createdAt: string;
  acceptedAt: string | null;
  resolvedAt: string | null;
  helperTeamId: string | null;
}

export interface WaveTimings {
  waveId: string;
  waveName: string;
  requested: number;
  accepted: number;
  resolved: number;
  /** Median time from request to acceptance over accepted boosts; null when none. */
  medianToAcceptMs: number | null;
  /** Median time from request to resolution over boosts resolved with a helper; null when none. */
  medianToResolveMs: number | null;
}

/** Per wave (in the order given), how many boosts were asked, accepted and resolved, and how fast. */
export function timingsByWave(boosts: readonly BoostTimingInput[], waves: readonly { id: string; name: string }[]): WaveTimings[] {
  return waves.map((w) => {
    const of = boosts.filter((b) => b.waveId === w.id);
    const accepted = of.filter((b) => b.acceptedAt !== null);
    const resolved = of.filter((b) => b.resolvedAt !== null && b.helperTeamId !== null);
    return {
      waveId: w.id,
      waveName: w.name,
      requested: of.length,
      accepted: accepted.length,
      resolved: resolved.length,
      medianToAcceptMs: median(accepted.map((b) => elapsedMs(b.createdAt, b.acceptedAt as string))),
      medianToResolveMs: median(resolved.map((b) => elapsedMs(b.createdAt, b.resolvedAt as string))),
    };
  });
}

export interface HelpMatrix {
  /** Teams that asked and got help, rows. */
  requesters: { id: string; name: string }[];
  /** Teams that helped, columns. */
  helpers: { id: string; name: string }[];
  /** counts[row][column]: boosts accepted by the helper for the requester. */
  counts: number[][];
  max: number;
}

/**
 * Who helped whom: rows are requesting teams, columns helping teams, each cell the number of
 * accepted boosts. Only teams that appear on either side are kept, in the order of `teams`.
 */
export function helpMatrix(
  boosts: readonly { fromTeamId: string; helperTeamId: string | null }[],
  teams: readonly { id: string; name: string }[],
): HelpMatrix {
  const helped = boosts.filter((b): b is { fromTeamId: string; helperTeamId: string } => b.helperTeamId !== null);
  const requesters = teams.filter((t) => helped.some((b) => b.fromTeamId === t.id));
  const helpers = teams.filter((t) => helped.some((b) => b.helperTeamId === t.id));
  const counts = requesters.map((r) => helpers.map((h) => helped.filter((b) => b.fromTeamId === r.id && b.helperTeamId === h.id).length));
  return { requesters, helpers, counts, max: Math.max(0, ...counts.flat()) };
}
