import { z } from "zod";
import type { CampaignResult } from "../../src/domain/scorecard/campaign-result";
import type { CampaignRow } from "../db/campaigns";
import type { ShareLinkRow } from "../db/share-links";
import type { NewShareLinkView } from "../services/share-links";
import { shareLinkStatus } from "../services/share-links";
import { Day, Id, Instant, Named, SitePath } from "./contract/common";
import { DimensionScoresJson, ReadingJson, ScoresJson } from "./scorecard-json";

export const CampaignJson = z
  .object({
    id: Id,
    name: z.string(),
    state: z.enum(["open", "closed"]),
    wave: Named.nullable(),
    link: SitePath.meta({ description: "The anonymous answer link to share with the org (/s/…)." }),
    responses: z.int().min(0).meta({ description: "The published count: it moves only in steps of k." }),
    openedAt: Instant,
    closedAt: Instant.nullable(),
  })
  .meta({ id: "Campaign" });

/** The campaign as the JSON API shows it: the link as a path, never more than the page shows. */
export function campaignJson(c: CampaignRow): z.infer<typeof CampaignJson> {
  return {
    id: c.id,
    name: c.name,
    state: c.state,
    wave: c.wave_id ? { id: c.wave_id, name: c.wave_name ?? "" } : null,
    link: `/s/${c.link_token}`,
    responses: c.responses,
    openedAt: c.opened_at,
    closedAt: c.closed_at,
  };
}

export const CampaignsJson = z
  .object({
    headcount: z.int().min(1).nullable().meta({ description: "The org's declared headcount, set when the first campaign opens." }),
    campaigns: z.array(CampaignJson),
  })
  .meta({ id: "Campaigns" });

const Group = z
  .discriminatedUnion("state", [
    z.object({ state: z.literal("empty") }),
    z.object({ state: z.literal("suppressed") }),
    z.object({ state: z.literal("shown"), n: z.int().min(1), scores: ScoresJson }),
  ])
  .meta({ id: "ResultGroup", description: "A group's scores, shown only once it reached k answers." });
const ShownGroup = z.object({ state: z.literal("shown"), n: z.int().min(1), scores: ScoresJson });
const DimensionId = z.enum(["clarity", "context", "autonomy", "velocity"]);

export const CampaignResultJson = z
  .object({
    format: z.int().min(1).meta({ description: "The result model's version." }),
    k: z.int().min(1).meta({ description: "The threshold the campaign opened with." }),
    campaign: z.object({
      id: Id,
      name: z.string(),
      state: z.enum(["open", "closed"]),
      waveName: z.string().nullable(),
      openedOn: Day,
      closedOn: Day.nullable(),
    }),
    responses: z.int().min(0).meta({ description: "The responses the published figures count; moves only in steps of k." }),
    everyone: Group,
    reading: ReadingJson.nullable().meta({ description: "Null unless everyone is shown." }),
    split: z
      .discriminatedUnion("state", [
        z.object({ state: z.literal("hidden") }),
        z.object({
          state: z.literal("shown"),
          leaders: ShownGroup,
          rest: ShownGroup,
          gap: z.object({
            dimensions: DimensionScoresJson.meta({ description: "Leaders minus everyone else, in points." }),
            overall: z.number(),
            widest: z.object({ dimension: DimensionId, gap: z.number() }),
          }),
        }),
      ])
      .meta({ description: "Leaders against everyone else, only where both groups reached k." }),
    distributions: z
      .array(
        z.object({
          statementId: z.string(),
          dimension: DimensionId,
          counts: z.array(z.int().min(0)).length(5).meta({ description: "How many answered 1 … 5." }),
        }),
      )
      .nullable(),
    trend: z.array(
      z.object({ campaignId: Id, name: z.string(), openedOn: Day, responses: z.int().min(0), everyone: Group, gap: z.number().nullable() }),
    ),
  })
  .meta({ id: "CampaignResult" });

export const ResultsJson = z
  .object({ campaign: CampaignJson.nullable(), result: CampaignResultJson.nullable() })
  .meta({ id: "Results", description: "The suppressed result model of a campaign (the latest one without ?campaign=)." });

export function resultJson(r: CampaignResult | null): z.infer<typeof CampaignResultJson> | null {
  return r;
}

export const ShareLinkJson = z
  .object({
    id: Id,
    campaign: Named,
    url: SitePath,
    status: z.enum(["active", "expired", "revoked"]),
    createdAt: Instant,
    createdBy: z.string().nullable(),
    expiresAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: "ShareLink" });

/** A share link as the JSON API lists it. */
export function shareLinkJson(l: ShareLinkRow, now: Date): z.infer<typeof ShareLinkJson> {
  return {
    id: l.id,
    campaign: { id: l.campaign_id, name: l.campaign_name },
    url: `/share/${l.token}`,
    status: shareLinkStatus(l, now),
    createdAt: l.created_at,
    createdBy: l.created_by_name,
    expiresAt: l.expires_at,
    revokedAt: l.revoked_at,
  };
}

export const ShareLinksJson = z.object({ shareLinks: z.array(ShareLinkJson) }).meta({ id: "ShareLinks" });

export const NewShareLinkJson = z
  .object({
    id: Id,
    url: SitePath.meta({ description: "Read-only result page for people outside the org." }),
    expiresAt: Instant.nullable(),
  })
  .meta({ id: "NewShareLink" });

export function newShareLinkJson(l: NewShareLinkView): z.infer<typeof NewShareLinkJson> {
  return { id: l.id, url: l.url, expiresAt: l.expiresAt };
}
