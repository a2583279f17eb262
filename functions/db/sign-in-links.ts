export type LinkPurpose = "sign_in" | "create_org" | "invite";

export interface SignInLinkRow {
  token_hash: string;
  purpose: LinkPurpose;
  email: string;
  payload: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export function insertLinkStatement(db: D1Database, link: Omit<SignInLinkRow, "used_at">): D1PreparedStatement {
  return db
    .prepare("INSERT INTO sign_in_links (token_hash, purpose, email, payload, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
    .bind(link.token_hash, link.purpose, link.email, link.payload, link.created_at, link.expires_at);
}

export async function findLink(db: D1Database, tokenHash: string): Promise<SignInLinkRow | null> {
  return db
    .prepare("SELECT token_hash, purpose, email, payload, created_at, expires_at, used_at FROM sign_in_links WHERE token_hash = ?1")
    .bind(tokenHash)
    .first<SignInLinkRow>();
}

/**
 * Marks the link used if it is still unused and unexpired, returning it; a second caller
 * (a reused link, a double click) gets null. This claim is what makes links single use.
 */
export async function claimLink(db: D1Database, tokenHash: string, now: string): Promise<SignInLinkRow | null> {
  return db
    .prepare(
      `UPDATE sign_in_links SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2
       RETURNING token_hash, purpose, email, payload, created_at, expires_at, used_at`,
    )
    .bind(tokenHash, now)
    .first<SignInLinkRow>();
}

export async function deleteStaleLinks(db: D1Database, before: string): Promise<number> {
  const r = await db.prepare("DELETE FROM sign_in_links WHERE expires_at <= ?1").bind(before).run();
  return r.meta.changes;
}
