import { typed, type Typed } from "./typed";
import { CAMPAIGN_COLUMNS, type CampaignRow } from "./campaigns";

/** A campaign with its stored result model when that model is current, else snapshot null. */
export interface CampaignSnapshotRow extends CampaignRow {
  snapshot: string | null;
}

/**
 * The snapshot join: current only while its version and format match what the campaign holds
 * now (its k is fixed when it opens). `format` is the numbered bind parameter (e.g. "?3") that carries the snapshot format in the caller's statement.
 */
const snapshotJoin = (format: string) =>
  `LEFT JOIN scorecard_result_snapshots s ON s.campaign_id = c.id AND s.version = c.result_version AND s.k = c.anonymity_k AND s.format = ${format}`;

/**
 * The org's campaign `campaignId`, or its newest campaign when campaignId is "", with its
 * current snapshot. No aggregation: a repeat view of a result runs only this.
 */
export function campaignSnapshotStatement(db: D1Database, orgId: string, campaignId: string, format: number): Typed<CampaignSnapshotRow> {
  return typed<CampaignSnapshotRow>(
    db
      .prepare(
        `SELECT ${CAMPAIGN_COLUMNS}, s.model AS snapshot
       FROM scorecard_campaigns c LEFT JOIN waves w ON w.id = c.wave_id ${snapshotJoin("?3")}
       WHERE c.org_id = ?1 AND (?2 = '' OR c.id = ?2)
       ORDER BY c.opened_at DESC, c.id LIMIT 1`,
      )
      .bind(orgId, campaignId, format),
  );
}

/** The org's open campaign (at most one is open) with its current snapshot, for a caller's batch. */
export function openCampaignSnapshotStatement(db: D1Database, orgId: string, format: number): Typed<CampaignSnapshotRow> {
  return typed<CampaignSnapshotRow>(
    db
      .prepare(
        `SELECT ${CAMPAIGN_COLUMNS}, s.model AS snapshot
       FROM scorecard_campaigns c LEFT JOIN waves w ON w.id = c.wave_id ${snapshotJoin("?2")}
       WHERE c.org_id = ?1 AND c.state = 'open'
       ORDER BY c.opened_at DESC, c.id LIMIT 1`,
      )
      .bind(orgId, format),
  );
}

export interface SharedSnapshotRow extends CampaignSnapshotRow {
  link_id: string;
  expires_at: string | null;
  revoked_at: string | null;
  org_name: string;
  time_zone: string;
}

/** The campaign a share link points to, its org and its current snapshot: one query. */
export async function findSharedSnapshot(db: D1Database, token: string, format: number): Promise<SharedSnapshotRow | null> {
  return db
    .prepare(
      `SELECT ${CAMPAIGN_COLUMNS}, s.model AS snapshot, l.id AS link_id, l.expires_at, l.revoked_at, o.name AS org_name, o.time_zone
       FROM scorecard_share_links l
       JOIN orgs o ON o.id = l.org_id
       JOIN scorecard_campaigns c ON c.id = l.campaign_id AND c.org_id = l.org_id
       LEFT JOIN waves w ON w.id = c.wave_id ${snapshotJoin("?2")}
       WHERE l.token = ?1`,
    )
    .bind(token, format)
    .first<SharedSnapshotRow>();
}

export interface NewSnapshot {
  campaignId: string;
  version: number;
  k: number;
  format: number;
  model: string;
  computedAt: string;
}

/**
 * Stores a computed model unless a newer version is stored already (two views racing a new
 * response: the later version wins; an older one simply gets recomputed on the next view).
 */
export function storeSnapshotStatement(db: D1Database, s: NewSnapshot): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO scorecard_result_snapshots (campaign_id, version, k, format, model, computed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
       ON CONFLICT (campaign_id) DO UPDATE SET version = excluded.version, k = excluded.k, format = excluded.format, model = excluded.model, computed_at = excluded.computed_at
       WHERE excluded.version >= scorecard_result_snapshots.version`,
    )
    .bind(s.campaignId, s.version, s.k, s.format, s.model, s.computedAt);
}
