import { addDays, daysBetween, localDate, weekStart } from "../calendar";

/** The pulse week an instant falls in: the Monday that starts it, in the org's time zone. */
export function pulseWeek(now: Date, timeZone: string): string {
  return weekStart(localDate(now, timeZone));
}

/** Every Monday-start week that overlaps the wave, in order, up to and including `until`. */
export function waveWeeks(startsOn: string, endsOn: string, until?: string): string[] {
  const weeks: string[] = [];
  const last = until && daysBetween(until, endsOn) > 0 ? until : endsOn;
  for (let w = weekStart(startsOn); daysBetween(w, last) >= 0; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}
