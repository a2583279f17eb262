import { describe, expect, it } from "vitest";
import { addDays, isIsoDate, isoWeekday, isValidTimeZone, localDate, weekStart, zonedParts } from "./calendar";

describe("calendar", () => {
  it.each([
    ["2026-11-20", true],
    ["2026-02-29", false],
    ["2028-02-29", true],
    ["2026-13-01", false],
    ["20-11-2026", false],
    ["", false],
  ])("isIsoDate(%j) is %s", (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it("adds days across months and years", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it.each([
    ["2026-11-16", 1, "2026-11-16"],
    ["2026-11-20", 5, "2026-11-16"],
    ["2026-11-22", 7, "2026-11-16"],
    ["2027-01-01", 5, "2026-12-28"],
  ])("%s is weekday %i in the week of %s", (date, weekday, monday) => {
    expect(isoWeekday(date)).toBe(weekday);
    expect(weekStart(date)).toBe(monday);
  });

  it("reads the date and hour in the org's time zone", () => {
    const now = new Date("2026-11-20T23:30:00Z"); // Friday
    expect(localDate(now, "UTC")).toBe("2026-11-20");
    expect(localDate(now, "Asia/Tokyo")).toBe("2026-11-21");
    expect(localDate(now, "America/Los_Angeles")).toBe("2026-11-20");
    expect(zonedParts(now, "Asia/Tokyo")).toEqual({ date: "2026-11-21", weekday: 6, hour: 8 });
    expect(zonedParts(now, "Europe/Berlin")).toEqual({ date: "2026-11-21", weekday: 6, hour: 0 });
  });

  it("knows real time zones", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
