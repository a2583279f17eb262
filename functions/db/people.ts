export interface PersonRow {
  id: string;
  email: string;
  name: string;
  created_at: string;
}

/** Creates the person unless the address exists; either way the row for that address comes back. */
export function upsertPersonStatements(db: D1Database, p: PersonRow): [D1PreparedStatement, D1PreparedStatement] {
  return [
    db
      .prepare("INSERT INTO people (id, email, name, created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (email) DO NOTHING")
      .bind(p.id, p.email, p.name, p.created_at),
    db.prepare("SELECT id, email, name, created_at FROM people WHERE email = ?1").bind(p.email),
  ];
}

export async function findPersonByEmail(db: D1Database, email: string): Promise<PersonRow | null> {
  return db.prepare("SELECT id, email, name, created_at FROM people WHERE email = ?1").bind(email).first<PersonRow>();
}
