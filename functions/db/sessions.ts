export interface SessionPersonRow {
  person_id: string;
  email: string;
  name: string;
  expires_at: string;
}

export function insertSessionStatement(
  db: D1Database,
  idHash: string,
  personId: string,
  createdAt: string,
  expiresAt: string,
): D1PreparedStatement {
  return db
    .prepare("INSERT INTO sessions (id_hash, person_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)")
    .bind(idHash, personId, createdAt, expiresAt);
}

/** The signed-in person for a session, if the session exists and has not expired. */
export async function findSessionPerson(db: D1Database, idHash: string, now: string): Promise<SessionPersonRow | null> {
  return db
    .prepare(
      `SELECT s.person_id, p.email, p.name, s.expires_at
       FROM sessions s JOIN people p ON p.id = s.person_id
       WHERE s.id_hash = ?1 AND s.expires_at > ?2`,
    )
    .bind(idHash, now)
    .first<SessionPersonRow>();
}

export async function deleteSession(db: D1Database, idHash: string): Promise<void> {
  await db.prepare("DELETE FROM sessions WHERE id_hash = ?1").bind(idHash).run();
}

export async function deleteExpiredSessions(db: D1Database, now: string): Promise<number> {
  const r = await db.prepare("DELETE FROM sessions WHERE expires_at <= ?1").bind(now).run();
  return r.meta.changes;
}
