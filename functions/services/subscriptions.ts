import { isId } from "../../src/schemas/fields";
import { maskEmailAddress } from "../../src/domain/delivery";
import {
  ensureSubscriptions,
  findSubscription,
  resubscribe,
  unsubscribeStatements,
  type SubscriptionKind,
  type SubscriptionRow,
} from "../db/subscriptions";
import { notFound } from "./errors";
import { randomToken } from "./tokens";

export type { SubscriptionKind };

export const SUBSCRIPTION_LABELS: Record<SubscriptionKind, string> = {
  org_report: "the weekly org report",
  team_report: "the weekly team report",
  pulse_reminder: "the weekly pulse reminder",
  ppp_reminder: "the PPP due reminder",
  campaign_report: "Scorecard campaign reports",
};

/** Subscriptions for these recipients, created on first use; keyed `${email}|${kind}`. */
export async function subscriptionsFor(
  db: D1Database,
  orgId: string,
  recipients: readonly { email: string; kind: SubscriptionKind }[],
  now: Date,
): Promise<Map<string, SubscriptionRow>> {
  const rows = await ensureSubscriptions(
    db,
    orgId,
    recipients.map((r) => ({ ...r, token: randomToken(16) })),
    now.toISOString(),
  );
  return new Map(rows.map((r) => [`${r.email}|${r.kind}`, r]));
}

/**
 * The unsubscribe link of a message and its one-click headers (RFC 8058): mail clients POST
 * `List-Unsubscribe=One-Click` to the same URL.
 */
export function unsubscribeLink(origin: string, token: string): { url: string; headers: Record<string, string> } {
  const url = `${origin}/u/${token}`;
  return { url, headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } };
}

export interface SubscriptionView {
  token: string;
  maskedEmail: string;
  orgName: string;
  what: string;
  unsubscribed: boolean;
}

export async function getSubscription(db: D1Database, token: string): Promise<SubscriptionView> {
  const row = isId(token) ? await findSubscription(db, token) : null;
  if (!row) throw notFound("That unsubscribe link");
  return {
    token: row.token,
    maskedEmail: maskEmailAddress(row.email),
    orgName: row.org_name,
    what: SUBSCRIPTION_LABELS[row.kind],
    unsubscribed: row.unsubscribed_at !== null,
  };
}

/** Takes effect at once: nothing more of this kind is queued, and what is still queued is withdrawn. */
export async function unsubscribe(db: D1Database, token: string, now: Date): Promise<SubscriptionView> {
  await getSubscription(db, token);
  await db.batch(unsubscribeStatements(db, token, now.toISOString()));
  return getSubscription(db, token);
}

export async function subscribeAgain(db: D1Database, token: string): Promise<SubscriptionView> {
  await getSubscription(db, token);
  await resubscribe(db, token);
  return getSubscription(db, token);
}
