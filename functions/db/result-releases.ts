import { typed, type Typed } from "./typed";
import type { AnswerCount } from "../../src/domain/scorecard/campaign-result";
import type { CampaignGroupId, GroupRelease } from "../../src/domain/scorecard/campaign-release";
import { TREND_CAMPAIGN_IDS } from "./campaign-responses";

export interface ReleaseRow {
  campaign_id: string;
  grp: CampaignGroupId;
  n: number;
  clarity: number;
  context: number;
  autonomy: number;
  velocity: number;
  answer_counts: string;
  leaders_at: number | null;
}

/** What each group of the campaigns in campaign `campaignId`'s trend last published. */
export function trendReleasesStatement(db: D1Database, orgId: string, campaignId: string, limit: number): Typed<ReleaseRow> {
  return typed<ReleaseRow>(
    db
      .prepare(
        `SELECT campaign_id, grp, n, clarity, context, autonomy, velocity, answer_counts, leaders_at
       FROM scorecard_result_releases WHERE campaign_id IN (${TREND_CAMPAIGN_IDS})`,
      )
      .bind(orgId, campaignId, limit),
  );
}

export function releaseOf(row: ReleaseRow): GroupRelease {
  const counts = JSON.parse(row.answer_counts) as [string, number, number][];
  return {
    n: row.n,
    sums: { clarity: row.clarity, context: row.context, autonomy: row.autonomy, velocity: row.velocity },
    answerCounts: counts.map(([statementId, answer, n]): AnswerCount => ({ statementId, answer, n })),
    leadersAt: row.leaders_at,
  };
}

/**
 * Records what group `grp` of the campaign publishes now. Responses are never taken back, so
 * a release only ever grows: when two views race, an older one cannot put back a smaller
 * release after a larger one was shown (that would let the next step be one person).
 */
export function storeReleaseStatement(db: D1Database, campaignId: string, grp: CampaignGroupId, r: GroupRelease): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO scorecard_result_releases (campaign_id, grp, n, clarity, context, autonomy, velocity, answer_counts, leaders_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
       ON CONFLICT (campaign_id, grp) DO UPDATE SET n = excluded.n, clarity = excluded.clarity, context = excluded.context,
         autonomy = excluded.autonomy, velocity = excluded.velocity, answer_counts = excluded.answer_counts, leaders_at = excluded.leaders_at
       WHERE excluded.n > scorecard_result_releases.n`,
    )
    .bind(
      campaignId,
      grp,
      r.n,
      r.sums.clarity,
      r.sums.context,
      r.sums.autonomy,
      r.sums.velocity,
      JSON.stringify(r.answerCounts.map((c) => [c.statementId, c.answer, c.n])),
      r.leadersAt ?? null,
    );
}

export interface OpenCampaignReleaseRow {
  id: string;
  name: string;
  opened_at: string;
  /** null when nothing of the campaign has been published yet. */
  grp: CampaignGroupId | null;
  n: number | null;
}

/** The org's open campaign with the size each of its groups last published (never a live count). */
export function openCampaignReleasesStatement(db: D1Database, orgId: string): Typed<OpenCampaignReleaseRow> {
  return typed<OpenCampaignReleaseRow>(
    db
      .prepare(
        `SELECT c.id, c.name, c.opened_at, r.grp, r.n
       FROM scorecard_campaigns c LEFT JOIN scorecard_result_releases r ON r.campaign_id = c.id
       WHERE c.org_id = ?1 AND c.state = 'open'`,
      )
      .bind(orgId),
  );
}
