/**
 * Campaign results: the one place that aggregates campaign responses, and it applies the
 * anonymity rules with the campaign's own k (release in steps of k, src/domain/scorecard/campaign-release.ts; threshold
 * and complementary suppression, campaign-result.ts) before anything leaves it. The
 * finished model is stored as a snapshot per result version and threshold; every later view,
 * from the org page, the API or a share link, reads the snapshot and aggregates nothing.
 */
import { isId } from "../../src/schemas/fields";
import { localDate } from "../../src/domain/calendar";
import { CAMPAIGN_GROUPS, releaseCampaign, type CampaignCount, type CampaignGroups } from "../../src/domain/scorecard/campaign-release";
import {
  buildCampaignResult,
  CAMPAIGN_RESULT_FORMAT,
  TREND_LENGTH,
  type AnswerCount,
  type CampaignResult,
  type CampaignTally,
} from "../../src/domain/scorecard/campaign-result";
import { campaignStatement, listCampaignsStatement, type CampaignRow } from "../db/campaigns";
import { answerCountsStatement, tallyStatement, type TallyRow } from "../db/campaign-responses";
import {
  openCampaignReleasesStatement,
  releaseOf,
  storeReleaseStatement,
  trendReleasesStatement,
  type OpenCampaignReleaseRow,
} from "../db/result-releases";
import {
  campaignSnapshotStatement,
  findSharedSnapshot,
  openCampaignSnapshotStatement,
  storeSnapshotStatement,
  type CampaignSnapshotRow,
} from "../db/result-snapshots";
import { batch, type Typed } from "../db/typed";
import type { OrgAccess } from "./access";
import { notFound } from "./errors";
import { requireActiveShareLink } from "./share-links";

/** What a result needs of its org (k is the campaign's own, fixed when it opened). */
export interface ResultOrg {
  id: string;
  time_zone: string;
}

interface TrendCampaign {
  campaignId: string;
  name: string;
  openedAt: string;
  k: number;
  count: CampaignCount;
}

/** The tally rows (one per campaign and group) as campaigns, oldest first. */
function campaignsOf(rows: readonly TallyRow[]): TrendCampaign[] {
  const byCampaign = new Map<string, TrendCampaign>();
  const none = () => ({ n: 0, sums: { clarity: 0, context: 0, autonomy: 0, velocity: 0 } });
  for (const r of rows) {
    let t = byCampaign.get(r.campaign_id);
    if (!t) {
      t = {
        campaignId: r.campaign_id,
        name: r.name,
        openedAt: r.opened_at,
        k: r.k,
        count: { leaders: none(), rest: none(), answerCounts: [] },
      };
      byCampaign.set(r.campaign_id, t);
    }
    if (r.is_leader === null) continue;
    t.count[r.is_leader === 1 ? "leaders" : "rest"] = {
      n: r.n,
      sums: { clarity: r.clarity, context: r.context, autonomy: r.autonomy, velocity: r.velocity },
    };
  }
  return [...byCampaign.values()];
}

/**
 * Aggregates the campaign in one batch (its current version, the tallies and releases of it
 * and the org's earlier campaigns, its answer counts), releases each group in steps of k,
 * applies suppression, and stores the groups it publishes and the snapshot, the latter under
 * the version read in that same batch: a response arriving meanwhile leaves it stale, so the
 * next view computes again rather than serving an old result as new.
 */
async function computeResult(db: D1Database, org: ResultOrg, campaignId: string, now: Date): Promise<CampaignResult> {
  const [campaignRows, tallyRows, countRows, releaseRows] = await batch(db, [
    campaignStatement(db, org.id, campaignId),
    tallyStatement(db, org.id, campaignId, TREND_LENGTH),
    answerCountsStatement(db, campaignId),
    trendReleasesStatement(db, org.id, campaignId, TREND_LENGTH),
  ]);
  const c = campaignRows.results[0];
  if (!c) throw notFound("That campaign");
  const releases = new Map<string, Partial<CampaignGroups>>();
  for (const r of releaseRows.results) releases.set(r.campaign_id, { ...releases.get(r.campaign_id), [r.grp]: releaseOf(r) });
  const day = (iso: string) => localDate(new Date(iso), org.time_zone);
  let published: Partial<CampaignGroups> = {};
  let answerCounts: AnswerCount[] = [];
  // The count every surface shows: what the published figures count, 0 until k answered.
  let responses = 0;
  const tallies = campaignsOf(tallyRows.results).map((t): CampaignTally => {
    const own = t.campaignId === c.id;
    if (own) t.count.answerCounts = countRows.results.map((r) => ({ statementId: r.statement_id, answer: Number(r.answer), n: r.n }));
    // An earlier campaign is closed, so this is exactly what its own page shows; only its own page stores it.
    const { shown, next } = releaseCampaign(t.count, releases.get(t.campaignId) ?? {}, t.k, own ? c.state === "closed" : true);
    if (own) {
      published = next;
      answerCounts = shown.everyone.answerCounts;
      responses = shown.everyone.n >= t.k ? shown.everyone.n : 0;
    }
    return {
      campaignId: t.campaignId,
      name: t.name,
      openedOn: day(t.openedAt),
      k: t.k,
      everyone: shown.everyone,
      leaders: shown.leaders,
      rest: shown.rest,
    };
  });
  const result = buildCampaignResult({
    k: c.anonymity_k,
    campaign: {
      id: c.id,
      name: c.name,
      state: c.state,
      waveName: c.wave_name,
      openedOn: day(c.opened_at),
      closedOn: c.closed_at ? day(c.closed_at) : null,
    },
    tallies,
    answerCounts,
    responses,
  });
  await batch(db, [
    ...CAMPAIGN_GROUPS.flatMap((g) => (published[g] ? [storeReleaseStatement(db, c.id, g, published[g])] : [])),
    storeSnapshotStatement(db, {
      campaignId: c.id,
      version: c.result_version,
      k: c.anonymity_k,
      format: CAMPAIGN_RESULT_FORMAT,
      model: JSON.stringify(result),
      computedAt: now.toISOString(),
    }),
  ]);
  return result;
}

function resultOf(db: D1Database, org: ResultOrg, row: CampaignSnapshotRow, now: Date): Promise<CampaignResult> {
  return row.snapshot ? Promise.resolve(JSON.parse(row.snapshot) as CampaignResult) : computeResult(db, org, row.id, now);
}

/** The org's open campaign with its current snapshot, for a caller's batch (see campaignResultOfRow). */
export function openCampaignSnapshotOf(db: D1Database, orgId: string): Typed<CampaignSnapshotRow> {
  return openCampaignSnapshotStatement(db, orgId, CAMPAIGN_RESULT_FORMAT);
}

/** The org's newest campaign with its current snapshot, for a caller's batch (see campaignResultOfRow). */
export function newestCampaignSnapshotOf(db: D1Database, orgId: string): Typed<CampaignSnapshotRow> {
  return campaignSnapshotStatement(db, orgId, "", CAMPAIGN_RESULT_FORMAT);
}

/** A campaign's result from its snapshot row: no read when the snapshot is current, else it is computed and stored once. */
export function campaignResultOfRow(db: D1Database, org: ResultOrg, row: CampaignSnapshotRow, now: Date): Promise<CampaignResult> {
  return resultOf(db, org, row, now);
}

function withoutSnapshot(row: CampaignSnapshotRow): CampaignRow {
  const { snapshot: _snapshot, ...campaign } = row;
  return campaign;
}

/**
 * Identifies the exact content of a result, from what it publishes (its state, its k and the
 * counts of its releases): a response that moves no published figure leaves it unchanged, so
 * the ETag cannot tell anyone the moment a colleague answered.
 */
export function resultEtag(campaign: Pick<CampaignRow, "id">, result: CampaignResult): string {
  const split = result.split.state === "shown" ? `${result.split.leaders.n}-${result.split.rest.n}` : "hidden";
  return `"${campaign.id}.${result.campaign.state}.${result.k}.${result.responses}.${split}.${result.trend.map((t) => t.responses).join("-")}.${CAMPAIGN_RESULT_FORMAT}"`;
}

export interface OrgResultsView {
  /** Every campaign of the org, newest first, to choose from. */
  campaigns: CampaignRow[];
  /** The campaign shown: the one asked for, or the newest; null when the org has none. */
  campaign: CampaignRow | null;
  result: CampaignResult | null;
  etag: string | null;
}

/**
 * The org's result page: campaign `campaignId` (null: the newest). A repeat view is one batch
 * of two plain reads; only the first view after a new version aggregates.
 */
export async function getOrgResults(db: D1Database, access: OrgAccess, campaignId: string | null, now: Date): Promise<OrgResultsView> {
  if (campaignId !== null && !isId(campaignId)) throw notFound("That campaign");
  const [found, list] = await batch(db, [
    campaignSnapshotStatement(db, access.org.id, campaignId ?? "", CAMPAIGN_RESULT_FORMAT),
    listCampaignsStatement(db, access.org.id),
  ]);
  const row = found.results[0];
  const campaigns = list.results;
  if (!row) {
    if (campaignId !== null) throw notFound("That campaign");
    return { campaigns, campaign: null, result: null, etag: null };
  }
  const result = await resultOf(db, access.org, row, now);
  return { campaigns, campaign: { ...withoutSnapshot(row), responses: result.responses }, result, etag: resultEtag(row, result) };
}

/**
 * The finished, suppressed result of one campaign of the org, for any feature that shows or
 * sends it (the emailed campaign report, for one). Served from the snapshot when current.
 */
export async function getCampaignResult(db: D1Database, org: ResultOrg, campaignId: string, now: Date): Promise<CampaignResult> {
  const row = isId(campaignId)
    ? await campaignSnapshotStatement(db, org.id, campaignId, CAMPAIGN_RESULT_FORMAT).first<CampaignSnapshotRow>()
    : null;
  if (!row || row.id !== campaignId) throw notFound("That campaign");
  return resultOf(db, org, row, now);
}

export interface SharedResultView {
  orgName: string;
  campaign: CampaignRow;
  result: CampaignResult;
  expiresAt: string | null;
}

/** The result behind a public share link: 404 unknown, 410 revoked or expired. One query on a repeat view. */
export async function getSharedResult(db: D1Database, token: string, now: Date): Promise<SharedResultView> {
  const row = isId(token) ? await findSharedSnapshot(db, token, CAMPAIGN_RESULT_FORMAT) : null;
  if (!row) throw notFound("That link");
  requireActiveShareLink(row, now);
  const { link_id: _link, expires_at, revoked_at: _revoked, org_name, time_zone, ...campaign } = row;
  const result = await resultOf(db, { id: campaign.org_id, time_zone }, campaign, now);
  return { orgName: org_name, campaign: { ...withoutSnapshot(campaign), responses: result.responses }, result, expiresAt: expires_at };
}

export interface OpenCampaignReadiness {
  id: string;
  name: string;
  openedAt: string;
  /** True once the published result shows every figure: everyone, leaders and everyone else. */
  readyToClose: boolean;
}

/** The statement behind openCampaignReadiness, for a caller's batch. */
export function openCampaignReadinessStatement(db: D1Database, orgId: string): Typed<OpenCampaignReleaseRow> {
  return openCampaignReleasesStatement(db, orgId);
}

/**
 * Whether the org's open campaign has enough answers to close, judged only on what its result
 * has published (the releases in steps of k), never on a live count of responses.
 */
export function openCampaignReadiness(rows: readonly OpenCampaignReleaseRow[], k: number): OpenCampaignReadiness | null {
  const first = rows[0];
  if (!first) return null;
  const published = (grp: string) => rows.some((r) => r.grp === grp && (r.n ?? 0) >= k);
  return {
    id: first.id,
    name: first.name,
    openedAt: first.opened_at,
    readyToClose: published("everyone") && published("leaders") && published("rest"),
  };
}
