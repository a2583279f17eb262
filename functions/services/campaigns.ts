/**
 * Scorecard campaigns: an admin opens one (optionally tied to a wave) and shares its anonymous
 * /s/{token} link; people answer the quiz once per browser, up to the org's headcount; an
 * admin closes it. Results live in campaign-results.ts.
 */
import { isId } from "../../src/schemas/fields";
import { formatDay, localDate } from "../../src/domain/calendar";
import { openCampaignSchema } from "../../src/schemas/campaigns";
import { findOrgHeadcount, orgHeadcountStatement } from "../db/orgs";
import { closeCampaign, findCampaign, insertCampaignStatement, listCampaignsStatement, type CampaignRow } from "../db/campaigns";
import { listShareLinksStatement, type ShareLinkRow } from "../db/share-links";
import { activeWaveStatement, findWave, type WaveRow } from "../db/waves";
import { enqueueCampaignReports } from "./campaign-reports";
import { campaignResultOfRow, openCampaignSnapshotOf } from "./campaign-results";
import { requireAdmin, type OrgAccess } from "./access";
import { leaderSelfAssessmentStatements } from "./campaign-answers";
import { AppError, conflict, notFound, validationFailed } from "./errors";
import { getScorecardResult } from "./scorecard";
import { shareLinkStatus, type ShareLinkStatus } from "./share-links";
import { randomToken } from "./tokens";
import { parseInput } from "./validate";
import { batch } from "../db/typed";
import { emitCampaignClosed } from "./webhook-events";

/** Opens a campaign; at most one is open per org, and the org must have declared its headcount. */
/**
 * Opens a campaign. With `leaderResultId` (the admin ticked "count my result") and the admin's
 * browser credential, the admin's public Scorecard result goes in as a leader's answer, in the
 * same batch: the campaign and that answer are stored together or not at all.
 */
export async function openCampaign(
  db: D1Database,
  access: OrgAccess,
  input: unknown,
  now: Date,
  credential?: string,
): Promise<CampaignRow> {
  requireAdmin(access);
  const data = parseInput(openCampaignSchema, input);
  let wave: WaveRow | null = null;
  if (data.waveId) {
    wave = await findWave(db, access.org.id, data.waveId);
    if (!wave) throw validationFailed([{ field: "waveId", issue: "Choose a wave of this organisation." }]);
  }
  if ((await findOrgHeadcount(db, access.org.id)) === null) {
    throw conflict(`Set how many people work in ${access.org.name} in Settings first: the link accepts at most that many answers.`);
  }
  const name = data.name || (wave ? `Scorecard · ${wave.name}` : `Scorecard · ${formatDay(localDate(now, access.org.time_zone), true)}`);
  const own = data.leaderResultId && credential ? await ownResultAnswers(db, data.leaderResultId) : null;
  const id = randomToken(16);
  try {
    const insert = insertCampaignStatement(db, {
      id,
      org_id: access.org.id,
      wave_id: wave?.id ?? null,
      name,
      link_token: randomToken(16),
      opened_at: now.toISOString(),
    });
    await batch(db, [insert, ...(own && credential ? await leaderSelfAssessmentStatements(db, id, credential, own) : [])]);
  } catch (error) {
    if (String(error).includes("UNIQUE")) throw conflict("A campaign is open already. Close it before opening another.");
    throw error;
  }
  return getCampaign(db, access, id);
}

async function ownResultAnswers(db: D1Database, resultId: string): Promise<Record<string, number>> {
  try {
    return (await getScorecardResult(db, resultId)).answers;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) {
      throw validationFailed([
        { field: "leaderResultId", issue: "That Scorecard result no longer exists: untick the box to open the campaign without it." },
      ]);
    }
    throw error;
  }
}

/** A campaign of the viewer's org; any other id is 404. */
export async function getCampaign(db: D1Database, access: OrgAccess, campaignId: string): Promise<CampaignRow> {
  const campaign = isId(campaignId) ? await findCampaign(db, access.org.id, campaignId) : null;
  if (!campaign) throw notFound("That campaign");
  return campaign;
}

/**
 * Closes the campaign: its link then answers 410, its result is computed afresh, and every
 * admin gets the result by email. Returns the outbox ids of those reports, to send soon.
 */
export async function closeCampaignOf(db: D1Database, access: OrgAccess, campaignId: string, now: Date, origin: string): Promise<number[]> {
  requireAdmin(access);
  const campaign = await getCampaign(db, access, campaignId);
  if (campaign.state === "closed" || !(await closeCampaign(db, access.org.id, campaign.id, now.toISOString()))) {
    throw conflict("This campaign is closed already.");
  }
  await emitCampaignClosed(db, access, campaign, now);
  return enqueueCampaignReports(db, access, campaign.id, origin, now);
}

export interface ShareLinkView extends ShareLinkRow {
  status: ShareLinkStatus;
}

export interface CampaignsOverview {
  campaigns: CampaignRow[];
  open: CampaignRow | null;
  headcount: number | null;
  activeWave: WaveRow | null;
  /** Admins only; empty for leads. */
  shareLinks: ShareLinkView[];
}

/** Everything the campaigns page shows, in one batch. Leads see the campaigns and link; admins manage them. */
export async function getCampaignsOverview(db: D1Database, access: OrgAccess, now: Date): Promise<CampaignsOverview> {
  const [campaigns, wave, links, org, openSnapshot] = await batch(db, [
    listCampaignsStatement(db, access.org.id),
    activeWaveStatement(db, access.org.id),
    listShareLinksStatement(db, access.org.id),
    orgHeadcountStatement(db, access.org.id),
    openCampaignSnapshotOf(db, access.org.id),
  ]);
  const list = campaigns.results;
  const open = list.find((c) => c.state === "open") ?? null;
  // The open campaign's count is its published one: its stored result, read in the same batch
  // (computed and stored once when something was answered since the last view).
  const snapshot = openSnapshot.results[0];
  if (open && snapshot?.id === open.id) open.responses = (await campaignResultOfRow(db, access.org, snapshot, now)).responses;
  return {
    campaigns: list,
    open,
    headcount: org.results[0]?.headcount ?? null,
    activeWave: wave.results[0] ?? null,
    shareLinks: access.isAdmin ? links.results.map((l) => ({ ...l, status: shareLinkStatus(l, now) })) : [],
  };
}
