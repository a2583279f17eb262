import { typed, type Typed } from "./typed";
export interface ShareLinkRow {
  id: string;
  org_id: string;
  campaign_id: string;
  campaign_name: string;
  token: string;
  created_by_name: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export type NewShareLink = Pick<ShareLinkRow, "id" | "org_id" | "campaign_id" | "token" | "created_at" | "expires_at"> & {
  created_by: string;
};

export async function insertShareLink(db: D1Database, l: NewShareLink): Promise<void> {
  await db
    .prepare(
      "INSERT INTO scorecard_share_links (id, org_id, campaign_id, token, created_by, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(l.id, l.org_id, l.campaign_id, l.token, l.created_by, l.created_at, l.expires_at)
    .run();
}

/** The org's share links, newest first, with the campaign's name and who created each. */
export function listShareLinksStatement(db: D1Database, orgId: string): Typed<ShareLinkRow> {
  return typed<ShareLinkRow>(
    db
      .prepare(
        `SELECT l.id, l.org_id, l.campaign_id, c.name AS campaign_name, l.token, p.name AS created_by_name, l.created_at, l.expires_at, l.revoked_at
       FROM scorecard_share_links l
       JOIN scorecard_campaigns c ON c.id = l.campaign_id
       LEFT JOIN people p ON p.id = l.created_by
       WHERE l.org_id = ?1
       ORDER BY l.created_at DESC, l.id`,
      )
      .bind(orgId),
  );
}

/** Revokes a link of this org; false when there is no such link in the org. Revoking twice keeps the first time. */
export async function revokeShareLink(db: D1Database, orgId: string, linkId: string, at: string): Promise<boolean> {
  const r = await db
    .prepare("UPDATE scorecard_share_links SET revoked_at = COALESCE(revoked_at, ?3) WHERE org_id = ?1 AND id = ?2")
    .bind(orgId, linkId, at)
    .run();
  return r.meta.changes === 1;
}
