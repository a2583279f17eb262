import { typed, type Typed } from "./typed";
export type CampaignState = "open" | "closed";

export interface CampaignRow {
  id: string;
  org_id: string;
  wave_id: string | null;
  wave_name: string | null;
  name: string;
  link_token: string;
  state: CampaignState;
  /**
   * The responses the campaign's published figures count (its everyone release): what every
   * page and API shows. It moves only in steps of k, never with a single answer.
   */
  responses: number;
  result_version: number;
  /** The threshold k fixed when the campaign opened; its figures always use it. */
  anonymity_k: number;
  opened_at: string;
  closed_at: string | null;
}

/** Columns of `c` (scorecard_campaigns) and `w` (its wave, LEFT JOINed). */
export const CAMPAIGN_COLUMNS =
  "c.id, c.org_id, c.wave_id, w.name AS wave_name, c.name, c.link_token, c.state, " +
  "COALESCE((SELECT r.n FROM scorecard_result_releases r WHERE r.campaign_id = c.id AND r.grp = 'everyone'), 0) AS responses, " +
  "c.result_version, c.anonymity_k, c.opened_at, c.closed_at";
const FROM = "scorecard_campaigns c LEFT JOIN waves w ON w.id = c.wave_id";

export type NewCampaign = Pick<CampaignRow, "id" | "org_id" | "wave_id" | "name" | "link_token" | "opened_at">;

/** Inserts an open campaign; a second open one in the org violates idx_scorecard_campaigns_org_id_open. */
export function insertCampaignStatement(db: D1Database, c: NewCampaign): D1PreparedStatement {
  return (
    db
      // The campaign keeps the org's k and headcount of the moment it opens, whatever the settings become.
      .prepare(
        `INSERT INTO scorecard_campaigns (id, org_id, wave_id, name, link_token, state, opened_at, headcount, anonymity_k)
       VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6, (SELECT headcount FROM orgs WHERE id = ?2), (SELECT o.anonymity_k FROM orgs o WHERE o.id = ?2))`,
      )
      .bind(c.id, c.org_id, c.wave_id, c.name, c.link_token, c.opened_at)
  );
}

/** The org's campaigns, newest first. */
export function listCampaignsStatement(db: D1Database, orgId: string): Typed<CampaignRow> {
  return typed<CampaignRow>(
    db.prepare(`SELECT ${CAMPAIGN_COLUMNS} FROM ${FROM} WHERE c.org_id = ?1 ORDER BY c.opened_at DESC, c.id`).bind(orgId),
  );
}

export async function listCampaigns(db: D1Database, orgId: string): Promise<CampaignRow[]> {
  return (await listCampaignsStatement(db, orgId).all<CampaignRow>()).results;
}

/** A campaign of this org, or null: an id from another org is never found. */
export async function findCampaign(db: D1Database, orgId: string, campaignId: string): Promise<CampaignRow | null> {
  return campaignStatement(db, orgId, campaignId).first<CampaignRow>();
}

export function campaignStatement(db: D1Database, orgId: string, campaignId: string): Typed<CampaignRow> {
  return typed<CampaignRow>(
    db.prepare(`SELECT ${CAMPAIGN_COLUMNS} FROM ${FROM} WHERE c.org_id = ?1 AND c.id = ?2`).bind(orgId, campaignId),
  );
}

export interface CampaignLinkRow extends CampaignRow {
  org_name: string;
  headcount: number | null;
  /** Every response received, for the headcount cap only; never shown (figures count `responses`). */
  received: number;
}

/** The campaign behind an anonymous /s/{token} link, with what its page needs of the org. */
export async function findCampaignByToken(db: D1Database, token: string): Promise<CampaignLinkRow | null> {
  return db
    .prepare(
      `SELECT ${CAMPAIGN_COLUMNS}, o.name AS org_name, c.headcount, c.responses AS received FROM ${FROM} JOIN orgs o ON o.id = c.org_id WHERE c.link_token = ?1`,
    )
    .bind(token)
    .first<CampaignLinkRow>();
}

/**
 * Closes an open campaign and bumps its result version, so the next view of its result is
 * computed afresh. Returns false when it was not open (closed already, or someone else won).
 */
export async function closeCampaign(db: D1Database, orgId: string, campaignId: string, at: string): Promise<boolean> {
  const r = await db
    .prepare(
      "UPDATE scorecard_campaigns SET state = 'closed', closed_at = ?3, result_version = result_version + 1 WHERE org_id = ?1 AND id = ?2 AND state = 'open'",
    )
    .bind(orgId, campaignId, at)
    .run();
  return r.meta.changes === 1;
}
