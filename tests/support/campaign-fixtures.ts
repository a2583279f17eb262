import type { DimensionId } from "../../src/domain/scorecard/statements";
import { STATEMENTS } from "../../src/domain/scorecard/statements";
import type { OrgAccess } from "../../functions/services/access";
import { answerCampaign } from "../../functions/services/campaign-answers";
import { openCampaign } from "../../functions/services/campaigns";
import { saveOrgSettings } from "../../functions/services/org-settings";
import { createShareLink } from "../../functions/services/share-links";
import { randomToken } from "../../functions/services/tokens";
import type { CampaignRow } from "../../functions/db/campaigns";

/**
 * Answers whose items all count `value` (1–5) after reverse scoring, per dimension: 1 scores
 * 0, 3 scores 50, 5 scores 100.
 */
export function answersScoring(values: Record<DimensionId, number>): Record<string, number> {
  return Object.fromEntries(STATEMENTS.map((s) => [s.id, s.reverse ? 6 - values[s.dimension] : values[s.dimension]]));
}

export const uniform = (value: number) => answersScoring({ clarity: value, context: value, autonomy: value, velocity: value });

/** Sets the org's declared headcount, as an admin does in Settings. */
export async function setHeadcount(db: D1Database, admin: OrgAccess, headcount: number): Promise<void> {
  await saveOrgSettings(db, admin, { name: admin.org.name, timeZone: admin.org.time_zone, headcount });
}

/** Opens a campaign in an org with room for `headcount` answers. */
export async function openTestCampaign(
  db: D1Database,
  admin: OrgAccess,
  now: Date,
  headcount = 50,
  input: object = {},
): Promise<CampaignRow> {
  await setHeadcount(db, admin, headcount);
  return openCampaign(db, admin, input, now);
}

/** `count` fresh browsers answer the campaign, as leaders or not. */
export async function answerMany(
  db: D1Database,
  token: string,
  count: number,
  answers: Record<string, number>,
  leader?: boolean,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    const { recorded } = await answerCampaign(db, token, randomToken(32), { answers, leader });
    if (!recorded) throw new Error("a fresh credential was refused");
  }
}

/** Ids the org-scoped API route list needs: a campaign and a share link of the org. */
export async function campaignRouteIds(db: D1Database, admin: OrgAccess): Promise<{ campaignId: string; shareLinkId: string }> {
  const campaign = await openTestCampaign(db, admin, new Date("2026-11-20T10:00:00Z"));
  const link = await createShareLink(db, admin, { campaignId: campaign.id, expiresInDays: 30 }, new Date("2026-11-20T10:00:00Z"));
  return { campaignId: campaign.id, shareLinkId: link.id };
}
