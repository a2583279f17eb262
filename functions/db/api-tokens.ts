import { typed, type Typed } from "./typed";
import type { OrgRow, Role } from "./orgs";

export type ApiTokenScope = "read" | "write";

export interface ApiTokenRow {
  id: string;
  org_id: string;
  name: string;
  scope: ApiTokenScope;
  token_hint: string;
  created_by_name: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface NewApiToken {
  id: string;
  org_id: string;
  created_by: string;
  name: string;
  scope: ApiTokenScope;
  token_hash: string;
  token_hint: string;
  created_at: string;
  expires_at: string | null;
}

export async function insertApiToken(db: D1Database, t: NewApiToken): Promise<void> {
  await db
    .prepare(
      `INSERT INTO api_tokens (id, org_id, created_by, name, scope, token_hash, token_hint, created_at, expires_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
    )
    .bind(t.id, t.org_id, t.created_by, t.name, t.scope, t.token_hash, t.token_hint, t.created_at, t.expires_at)
    .run();
}

/** The org's tokens, newest first, with who created each; never the hash. */
export async function listApiTokens(db: D1Database, orgId: string): Promise<ApiTokenRow[]> {
  return (await listApiTokensStatement(db, orgId).all<ApiTokenRow>()).results;
}

export function listApiTokensStatement(db: D1Database, orgId: string): Typed<ApiTokenRow> {
  return typed<ApiTokenRow>(
    db
      .prepare(
        `SELECT t.id, t.org_id, t.name, t.scope, t.token_hint, p.name AS created_by_name, t.created_at, t.expires_at, t.last_used_at, t.revoked_at
         FROM api_tokens t JOIN people p ON p.id = t.created_by
         WHERE t.org_id = ?1
         ORDER BY t.created_at DESC, t.id`,
      )
      .bind(orgId),
  );
}

/** Revokes a token of the org; false when the org has no such token. Revoking twice keeps the first time. */
export async function revokeApiToken(db: D1Database, orgId: string, id: string, at: string): Promise<boolean> {
  const r = await db
    .prepare("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?3) WHERE org_id = ?1 AND id = ?2")
    .bind(orgId, id, at)
    .run();
  return r.meta.changes > 0;
}

/** A presented token with its org and its creator's membership there (null role: no longer a member). */
export interface BearerRow {
  id: string;
  scope: ApiTokenScope;
  expires_at: string | null;
  revoked_at: string | null;
  person_id: string;
  email: string;
  person_name: string;
  role: Role | null;
  team_id: string | null;
  org_id: string;
  org_slug: string;
  org_name: string;
  org_time_zone: string;
  org_anonymity_k: number;
  org_created_at: string;
}

/**
 * Looks a presented token up by its hash and records its use, in one batch (one round trip):
 * the last use moves only for a live token and at most once a minute.
 */
export async function useApiToken(db: D1Database, tokenHash: string, now: Date): Promise<BearerRow | null> {
  const at = now.toISOString();
  const minuteAgo = new Date(now.getTime() - 60_000).toISOString();
  const [, found] = await db.batch<BearerRow>([
    db
      .prepare(
        `UPDATE api_tokens SET last_used_at = ?2
         WHERE token_hash = ?1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?2)
           AND (last_used_at IS NULL OR last_used_at <= ?3)`,
      )
      .bind(tokenHash, at, minuteAgo),
    db
      .prepare(
        `SELECT t.id, t.scope, t.expires_at, t.revoked_at, p.id AS person_id, p.email, p.name AS person_name, m.role, m.team_id,
                o.id AS org_id, o.slug AS org_slug, o.name AS org_name, o.time_zone AS org_time_zone, o.anonymity_k AS org_anonymity_k, o.created_at AS org_created_at
         FROM api_tokens t
         JOIN orgs o ON o.id = t.org_id
         JOIN people p ON p.id = t.created_by
         LEFT JOIN memberships m ON m.org_id = t.org_id AND m.person_id = t.created_by
         WHERE t.token_hash = ?1`,
      )
      .bind(tokenHash),
  ]);
  return found.results[0] ?? null;
}

export function orgOfBearer(row: BearerRow): OrgRow {
  return {
    id: row.org_id,
    slug: row.org_slug,
    name: row.org_name,
    time_zone: row.org_time_zone,
    anonymity_k: row.org_anonymity_k,
    created_at: row.org_created_at,
  };
}
