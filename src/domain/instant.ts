import { dateFormatter } from "./calendar";

/** An instant (ISO string) as people in the org read it: "Mon 16 Nov, 14:05" in their time zone. */
export function formatInstant(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    dateFormatter("en-GB", {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month}, ${parts.hour}:${parts.minute}`;
}
