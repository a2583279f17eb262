import { reportScheduleSchema } from "../../src/schemas/report-settings";
import { findSchedule, updateSchedule, type ScheduleRow } from "../db/report-schedules";
import { requireAdmin, type OrgAccess } from "./access";
import { parseInput } from "./validate";

export interface ReportSchedule {
  reportWeekday: number;
  reportHour: number;
  pulseWeekday: number;
}

export async function getReportSchedule(db: D1Database, access: OrgAccess): Promise<ReportSchedule> {
  return reportScheduleOf(await findSchedule(db, access.org.id));
}

/** The schedule a stored row says, with the defaults where it says nothing. */
export function reportScheduleOf(row: ScheduleRow | null | undefined): ReportSchedule {
  return { reportWeekday: row?.report_weekday ?? 1, reportHour: row?.report_hour ?? 9, pulseWeekday: row?.pulse_weekday ?? 4 };
}

/** When the weekly reports and the pulse reminder go out, in the org's time zone. */
export async function saveReportSchedule(db: D1Database, access: OrgAccess, input: unknown): Promise<void> {
  requireAdmin(access);
  const s = parseInput(reportScheduleSchema, input);
  await updateSchedule(db, access.org.id, { report_weekday: s.reportWeekday, report_hour: s.reportHour, pulse_weekday: s.pulseWeekday });
}
