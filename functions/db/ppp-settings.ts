import { typed, type Typed } from "./typed";
/** The org's PPP due weekday (1 = Monday … 7 = Sunday), a column the PPP migration added to orgs. */

export function pppDueWeekdayStatement(db: D1Database, orgId: string): Typed<{ ppp_due_weekday: number }> {
  return typed<{ ppp_due_weekday: number }>(db.prepare("SELECT ppp_due_weekday FROM orgs WHERE id = ?1").bind(orgId));
}

export async function findPppDueWeekday(db: D1Database, orgId: string): Promise<number> {
  const row = await pppDueWeekdayStatement(db, orgId).first<{ ppp_due_weekday: number }>();
  return row?.ppp_due_weekday ?? 5;
}

export async function updatePppDueWeekday(db: D1Database, orgId: string, weekday: number): Promise<void> {
  await db.prepare("UPDATE orgs SET ppp_due_weekday = ?2 WHERE id = ?1").bind(orgId, weekday).run();
}

export interface ReminderOrgRow {
  id: string;
  slug: string;
  name: string;
  time_zone: string;
  ppp_due_weekday: number;
}

export async function listOrgsForPppReminders(db: D1Database): Promise<ReminderOrgRow[]> {
  const { results } = await db.prepare("SELECT id, slug, name, time_zone, ppp_due_weekday FROM orgs ORDER BY id").all<ReminderOrgRow>();
  return results;
}

export interface ReminderLeadRow {
  org_id: string;
  person_id: string;
  email: string;
  name: string;
  team_id: string;
  team_name: string;
  /** 1 when the team has a draft for the week that is not submitted yet. */
  has_draft: number;
}

/** Leads whose team has no submitted PPP for the week. */
export function leadsWithoutPppStatement(db: D1Database, orgId: string, week: string): Typed<ReminderLeadRow> {
  return typed<ReminderLeadRow>(
    db
      .prepare(
        `SELECT m.org_id, p.id AS person_id, p.email, p.name, t.id AS team_id, t.name AS team_name,
         EXISTS (SELECT 1 FROM ppps x WHERE x.team_id = t.id AND x.week_start = ?2 AND x.state = 'draft') AS has_draft
       FROM memberships m JOIN people p ON p.id = m.person_id JOIN teams t ON t.id = m.team_id AND t.org_id = m.org_id
       WHERE m.org_id = ?1 AND m.role = 'lead'
         AND NOT EXISTS (SELECT 1 FROM ppps x WHERE x.team_id = t.id AND x.week_start = ?2 AND x.state = 'submitted')
       ORDER BY t.name, p.email`,
      )
      .bind(orgId, week),
  );
}
