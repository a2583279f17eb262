import { typed, type Typed } from "./typed";
import type { DimensionScores } from "../../src/domain/scorecard/scoring";

export interface NewCampaignResponse {
  id: string;
  campaignId: string;
  credentialHash: string;
  isLeader: boolean;
  answers: Record<string, number>;
  dimensions: DimensionScores;
}

export interface SubmitOutcomeRow {
  state: "open" | "closed";
  responses: number;
  headcount: number | null;
  answered: 0 | 1;
}

/**
 * One batch (one transaction) that records a response only when the browser's credential is
 * new to the campaign, the campaign is open and below its headcount (fixed when it opened):
 * 1. the guard row (credential hash + campaign), inserted only under those conditions;
 * 2. the response, only if statement 1 inserted a row (changes() = 1);
 * 3. the campaign's count and result version, only if statement 2 inserted a row;
 * 4. the state afterwards, so the caller can tell why nothing was recorded.
 * The response row holds no credential, and the two rows share no key or order.
 */
export function submitResponseStatements(
  db: D1Database,
  r: NewCampaignResponse,
): [D1PreparedStatement, D1PreparedStatement, D1PreparedStatement, Typed<SubmitOutcomeRow>] {
  return [
    db
      .prepare(
        `INSERT INTO scorecard_campaign_credentials (campaign_id, credential_hash)
         SELECT c.id, ?2 FROM scorecard_campaigns c
         WHERE c.id = ?1 AND c.state = 'open' AND c.responses < COALESCE(c.headcount, 0)
         ON CONFLICT (campaign_id, credential_hash) DO NOTHING`,
      )
      .bind(r.campaignId, r.credentialHash),
    db
      .prepare(
        `INSERT INTO scorecard_responses (id, campaign_id, is_leader, answers, clarity, context, autonomy, velocity)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE changes() = 1`,
      )
      .bind(
        r.id,
        r.campaignId,
        r.isLeader ? 1 : 0,
        JSON.stringify(r.answers),
        r.dimensions.clarity,
        r.dimensions.context,
        r.dimensions.autonomy,
        r.dimensions.velocity,
      ),
    db
      .prepare(
        "UPDATE scorecard_campaigns SET responses = responses + 1, result_version = result_version + 1 WHERE id = ?1 AND changes() = 1",
      )
      .bind(r.campaignId),
    outcomeStatement(db, r.campaignId, r.credentialHash),
  ];
}

/** The campaign's state, count and headcount, and whether this credential has answered. */
export function outcomeStatement(db: D1Database, campaignId: string, credentialHash: string): Typed<SubmitOutcomeRow> {
  return typed<SubmitOutcomeRow>(
    db
      .prepare(
        `SELECT c.state, c.responses, c.headcount,
              EXISTS (SELECT 1 FROM scorecard_campaign_credentials g WHERE g.campaign_id = c.id AND g.credential_hash = ?2) AS answered
       FROM scorecard_campaigns c WHERE c.id = ?1`,
      )
      .bind(campaignId, credentialHash),
  );
}

export interface TallyRow {
  campaign_id: string;
  name: string;
  opened_at: string;
  /** The threshold the campaign opened with. */
  k: number;
  /** null for a campaign without responses (the LEFT JOIN found none). */
  is_leader: 0 | 1 | null;
  n: number;
  clarity: number;
  context: number;
  autonomy: number;
  velocity: number;
}

/**
 * The ids of the org ?1's last ?3 campaigns opened up to campaign ?2 included: the campaigns
 * a result's trend covers.
 */
export const TREND_CAMPAIGN_IDS = `SELECT e.id FROM scorecard_campaigns e JOIN scorecard_campaigns this ON this.org_id = e.org_id AND this.id = ?2
         WHERE e.org_id = ?1 AND (e.opened_at < this.opened_at OR e.id = this.id)
         ORDER BY e.opened_at DESC LIMIT ?3`;

/**
 * Respondents and dimension-score sums per campaign and group (leaders, everyone else) for
 * the org's last `limit` campaigns opened up to campaign `campaignId` included, oldest first.
 */
export function tallyStatement(db: D1Database, orgId: string, campaignId: string, limit: number): Typed<TallyRow> {
  return typed<TallyRow>(
    db
      .prepare(
        `SELECT c.id AS campaign_id, c.name, c.opened_at, c.anonymity_k AS k, r.is_leader, COUNT(r.id) AS n,
              COALESCE(SUM(r.clarity), 0) AS clarity, COALESCE(SUM(r.context), 0) AS context,
              COALESCE(SUM(r.autonomy), 0) AS autonomy, COALESCE(SUM(r.velocity), 0) AS velocity
       FROM scorecard_campaigns c LEFT JOIN scorecard_responses r ON r.campaign_id = c.id
       WHERE c.id IN (${TREND_CAMPAIGN_IDS})
       GROUP BY c.id, c.anonymity_k, r.is_leader
       ORDER BY c.opened_at, c.id`,
      )
      .bind(orgId, campaignId, limit),
  );
}

export interface AnswerCountRow {
  statement_id: string;
  answer: number;
  n: number;
}

/** How many respondents gave each answer 1–5 to each statement of the campaign. */
export function answerCountsStatement(db: D1Database, campaignId: string): Typed<AnswerCountRow> {
  return typed<AnswerCountRow>(
    db
      .prepare(
        `SELECT j.key AS statement_id, j.value AS answer, COUNT(*) AS n
       FROM scorecard_responses r, json_each(r.answers) j
       WHERE r.campaign_id = ?1
       GROUP BY j.key, j.value`,
      )
      .bind(campaignId),
  );
}

/** Whether this credential has answered the campaign. */
export async function hasAnswered(db: D1Database, campaignId: string, credentialHash: string): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS answered FROM scorecard_campaign_credentials WHERE campaign_id = ?1 AND credential_hash = ?2")
    .bind(campaignId, credentialHash)
    .first();
  return row !== null;
}
