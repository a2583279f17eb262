import { typed, type Typed } from "./typed";

export interface InviteRow {
  id: string;
  org_id: string;
  team_id: string;
  email: string;
  name: string;
  invited_by: string;
  created_at: string;
  accepted_at: string | null;
}

const COLUMNS = "id, org_id, team_id, email, name, invited_by, created_at, accepted_at";

export function insertInviteStatement(db: D1Database, i: Omit<InviteRow, "accepted_at">): D1PreparedStatement {
  return db
    .prepare(`INSERT INTO invites (id, org_id, team_id, email, name, invited_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`)
    .bind(i.id, i.org_id, i.team_id, i.email, i.name, i.invited_by, i.created_at);
}

export async function findInvite(db: D1Database, id: string): Promise<InviteRow | null> {
  return db.prepare(`SELECT ${COLUMNS} FROM invites WHERE id = ?1`).bind(id).first<InviteRow>();
}

export function markInviteAcceptedStatement(db: D1Database, id: string, at: string): D1PreparedStatement {
  return db.prepare("UPDATE invites SET accepted_at = COALESCE(accepted_at, ?2) WHERE id = ?1").bind(id, at);
}

export async function listInvites(db: D1Database, orgId: string): Promise<InviteRow[]> {
  return (await listInvitesStatement(db, orgId).all<InviteRow>()).results;
}

export function listInvitesStatement(db: D1Database, orgId: string): Typed<InviteRow> {
  return typed<InviteRow>(db.prepare(`SELECT ${COLUMNS} FROM invites WHERE org_id = ?1 ORDER BY created_at DESC`).bind(orgId));
}
