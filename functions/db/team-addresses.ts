import { typed, type Typed } from "./typed";
export async function listTeamAddresses(db: D1Database, orgId: string, teamId: string): Promise<string[]> {
  return (await teamAddressesStatement(db, orgId, teamId).all<{ email: string }>()).results.map((r) => r.email);
}

export function teamAddressesStatement(db: D1Database, orgId: string, teamId: string): Typed<{ email: string }> {
  return typed<{ email: string }>(
    db.prepare("SELECT email FROM team_member_addresses WHERE org_id = ?1 AND team_id = ?2 ORDER BY email").bind(orgId, teamId),
  );
}

/** Replaces the team's list: one batch, inserts chunked to stay under 100 bound parameters. */
export function replaceTeamAddressesStatements(
  db: D1Database,
  orgId: string,
  teamId: string,
  emails: readonly string[],
  at: string,
): D1PreparedStatement[] {
  const statements = [
    db.prepare("DELETE FROM team_member_addresses WHERE org_id = ?1 AND team_id = ?2").bind(orgId, teamId),
    db.prepare("UPDATE teams SET addresses_changed_at = ?3 WHERE org_id = ?1 AND id = ?2").bind(orgId, teamId, at),
  ];
  for (let i = 0; i < emails.length; i += 90) {
    const chunk = emails.slice(i, i + 90);
    statements.push(
      db
        .prepare(
          `INSERT INTO team_member_addresses (team_id, org_id, email, added_at) VALUES ${chunk.map((_, j) => `(?1, ?2, ?${j + 4}, ?3)`).join(", ")}`,
        )
        .bind(teamId, orgId, at, ...chunk),
    );
  }
  return statements;
}

export interface TeamAddressRow {
  team_id: string;
  email: string;
}

export function orgAddressesStatement(db: D1Database, orgId: string): Typed<TeamAddressRow> {
  return typed<TeamAddressRow>(
    db.prepare("SELECT team_id, email FROM team_member_addresses WHERE org_id = ?1 ORDER BY team_id, email").bind(orgId),
  );
}
