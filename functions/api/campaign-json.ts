import type { CampaignRow } from "../db/campaigns";
import type { ShareLinkRow } from "../db/share-links";
import { shareLinkStatus } from "../services/share-links";

/** The campaign as the JSON API shows it: the link as a path, never more than the page shows. */
export function campaignJson(c: CampaignRow) {
  return {
    id: c.id,
    name: c.name,
    state: c.state,
    wave: c.wave_id ? { id: c.wave_id, name: c.wave_name } : null,
    link: `/s/${c.link_token}`,
    responses: c.responses,
    openedAt: c.opened_at,
    closedAt: c.closed_at,
  };
}

/** A share link as the JSON API lists it. */
export function shareLinkJson(l: ShareLinkRow, now: Date) {
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
