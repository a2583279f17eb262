import { typed, type Typed } from "./typed";
import type { OrgRow } from "./orgs";

export interface ScheduleRow {
  report_weekday: number;
  report_hour: number;
  pulse_weekday: number;
}

export async function findSchedule(db: D1Database, orgId: string): Promise<ScheduleRow | null> {
  return scheduleStatement(db, orgId).first<ScheduleRow>();
}

export function scheduleStatement(db: D1Database, orgId: string): Typed<ScheduleRow> {
  return typed<ScheduleRow>(db.prepare("SELECT report_weekday, report_hour, pulse_weekday FROM orgs WHERE id = ?1").bind(orgId));
}

export async function updateSchedule(db: D1Database, orgId: string, s: ScheduleRow): Promise<void> {
  await db
    .prepare("UPDATE orgs SET report_weekday = ?2, report_hour = ?3, pulse_weekday = ?4 WHERE id = ?1")
    .bind(orgId, s.report_weekday, s.report_hour, s.pulse_weekday)
    .run();
}

export interface ScheduledOrgRow extends OrgRow, ScheduleRow {}

/** Every org with its schedule, for the hourly job. */
export async function listScheduledOrgs(db: D1Database): Promise<ScheduledOrgRow[]> {
  const { results } = await db
    .prepare("SELECT id, slug, name, time_zone, anonymity_k, created_at, report_weekday, report_hour, pulse_weekday FROM orgs ORDER BY id")
    .all<ScheduledOrgRow>();
  return results;
}
