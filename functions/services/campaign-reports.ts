import type { NewOutboxMessage } from "../db/outbox";
import { listMembers } from "../db/orgs";
import { buildCampaignReportEmail } from "../email/campaign-report";
import type { OrgAccess } from "./access";
import { getCampaignResult } from "./campaign-results";
import { enqueueEmails } from "./outbox";
import { subscriptionsFor, unsubscribeLink } from "./subscriptions";

/**
 * When a campaign closes, every admin gets its result by email, once (idempotency key per
 * campaign and admin), unless they unsubscribed from campaign reports. Returns the outbox ids.
 */
export async function enqueueCampaignReports(
  db: D1Database,
  access: OrgAccess,
  campaignId: string,
  origin: string,
  now: Date,
): Promise<number[]> {
  const [result, members] = await Promise.all([getCampaignResult(db, access.org, campaignId, now), listMembers(db, access.org.id)]);
  const admins = members.filter((m) => m.role === "admin");
  const subscriptions = await subscriptionsFor(
    db,
    access.org.id,
    admins.map((a) => ({ email: a.email, kind: "campaign_report" as const })),
    now,
  );
  const resultUrl = `${origin}/o/${access.org.slug}/results?campaign=${campaignId}`;
  const messages: NewOutboxMessage[] = [];
  for (const admin of admins) {
    const sub = subscriptions.get(`${admin.email}|campaign_report`);
    if (!sub || sub.unsubscribed_at) continue;
    const unsubscribe = unsubscribeLink(origin, sub.token);
    messages.push({
      idempotencyKey: `campaign_report:${campaignId}:${admin.email}`,
      kind: "campaign_report",
      to: admin.email,
      headers: unsubscribe.headers,
      subscriptionToken: sub.token,
      ...buildCampaignReportEmail(result, access.org.name, resultUrl, unsubscribe.url),
    });
  }
  return enqueueEmails(db, messages, now);
}
