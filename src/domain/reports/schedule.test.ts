import { describe, expect, it } from "vitest";
import { zonedParts } from "../calendar";
import { dueEmails } from "./schedule";

const schedule = { reportWeekday: 1, reportHour: 9, pulseWeekday: 4 };

describe("dueEmails", () => {
  it.each([
    ["Monday 08:59 in Berlin", "2026-11-16T07:59:00Z", "Europe/Berlin", false, false],
    ["Monday 09:00 in Berlin", "2026-11-16T08:00:00Z", "Europe/Berlin", true, false],
    ["Monday 15:00 in Berlin (a missed run made up)", "2026-11-16T14:00:00Z", "Europe/Berlin", true, false],
    ["Monday 09:00 UTC is 01:00 in Los Angeles", "2026-11-16T09:00:00Z", "America/Los_Angeles", false, false],
    ["Monday 09:00 in Los Angeles", "2026-11-16T17:00:00Z", "America/Los_Angeles", true, false],
    ["Sunday 23:30 UTC is Monday 08:30 in Tokyo", "2026-11-15T23:30:00Z", "Asia/Tokyo", false, false],
    ["Monday 00:30 UTC is Monday 09:30 in Tokyo", "2026-11-16T00:30:00Z", "Asia/Tokyo", true, false],
    ["Thursday 09:00 in Berlin: voting day", "2026-11-19T08:00:00Z", "Europe/Berlin", false, true],
  ])("%s", (_name, instant, zone, reports, pulse) => {
    const due = dueEmails(schedule, zonedParts(new Date(instant), zone));
    expect([due.reports, due.pulseReminder]).toEqual([reports, pulse]);
  });

  it("keys the week by its Monday in the org's time zone", () => {
    expect(dueEmails(schedule, zonedParts(new Date("2026-11-16T00:30:00Z"), "Asia/Tokyo")).week).toBe("2026-11-16");
    expect(dueEmails(schedule, zonedParts(new Date("2026-11-16T00:30:00Z"), "America/Los_Angeles")).week).toBe("2026-11-09");
  });
});
