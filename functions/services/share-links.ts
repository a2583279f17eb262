/**
 * Read-only links to one campaign's result for people outside the org: they expire after 7,
 * 30 or 90 days or never, and an admin can revoke them. What they show is the same
 * suppressed result model the org sees (campaign-results.ts).
 */
import { isId } from "../../src/schemas/fields";
import { shareLinkSchema } from "../../src/schemas/campaigns";
import { findCampaign } from "../db/campaigns";
import { insertShareLink, listShareLinksStatement, revokeShareLink, type ShareLinkRow } from "../db/share-links";
import { requireAdmin, type OrgAccess } from "./access";
import { gone, notFound, validationFailed } from "./errors";
import { randomToken } from "./tokens";
import { parseInput } from "./validate";

export type ShareLinkStatus = "active" | "expired" | "revoked";

export function shareLinkStatus(link: Pick<ShareLinkRow, "expires_at" | "revoked_at">, now: Date): ShareLinkStatus {
  if (link.revoked_at) return "revoked";
  if (link.expires_at && link.expires_at <= now.toISOString()) return "expired";
  return "active";
}

/** Throws 410 for a revoked or expired link, with what the visitor can do about it. */
export function requireActiveShareLink(link: Pick<ShareLinkRow, "expires_at" | "revoked_at">, now: Date): void {
  const status = shareLinkStatus(link, now);
  if (status === "revoked") throw gone("The organisation withdrew this link to its Scorecard result.");
  if (status === "expired") throw gone("This link to a Scorecard result has expired.");
}

export interface NewShareLinkView {
  id: string;
  url: string;
  expiresAt: string | null;
}

export async function createShareLink(db: D1Database, access: OrgAccess, input: unknown, now: Date): Promise<NewShareLinkView> {
  requireAdmin(access);
  const data = parseInput(shareLinkSchema, input);
  const campaign = await findCampaign(db, access.org.id, data.campaignId);
  if (!campaign) throw validationFailed([{ field: "campaignId", issue: "Choose one of your campaigns." }]);
  const id = randomToken(16);
  const token = randomToken(16);
  const expiresAt = data.expiresInDays === null ? null : new Date(now.getTime() + data.expiresInDays * 86_400_000).toISOString();
  await insertShareLink(db, {
    id,
    org_id: access.org.id,
    campaign_id: campaign.id,
    token,
    created_by: access.viewer.personId,
    created_at: now.toISOString(),
    expires_at: expiresAt,
  });
  return { id, url: `/share/${token}`, expiresAt };
}

/** The org's share links with their status, newest first. Admins only. */
export async function listShareLinks(db: D1Database, access: OrgAccess): Promise<ShareLinkRow[]> {
  requireAdmin(access);
  return (await listShareLinksStatement(db, access.org.id).all<ShareLinkRow>()).results;
}

export async function revokeShareLinkOf(db: D1Database, access: OrgAccess, linkId: string, now: Date): Promise<void> {
  requireAdmin(access);
  const found = isId(linkId) && (await revokeShareLink(db, access.org.id, linkId, now.toISOString()));
  if (!found) throw notFound("That share link");
}
