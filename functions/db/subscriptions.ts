import { typed, type Typed } from "./typed";

export type SubscriptionKind = "org_report" | "team_report" | "pulse_reminder" | "ppp_reminder" | "campaign_report";

export interface SubscriptionRow {
  token: string;
  email: string;
  org_id: string;
  kind: SubscriptionKind;
  created_at: string;
  unsubscribed_at: string | null;
}

const COLUMNS = "token, email, org_id, kind, created_at, unsubscribed_at";

/**
 * Makes sure each (email, org, kind) has a subscription row, then reads them all back:
 * one batch. Creating is idempotent, so two jobs doing it at once agree on the token.
 */
export async function ensureSubscriptions(
  db: D1Database,
  orgId: string,
  wanted: readonly { email: string; kind: SubscriptionKind; token: string }[],
  at: string,
): Promise<SubscriptionRow[]> {
  if (wanted.length === 0) return [];
  const statements: D1PreparedStatement[] = wanted.map((w) =>
    db
      .prepare(
        `INSERT INTO email_subscriptions (${COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, NULL) ON CONFLICT (email, org_id, kind) DO NOTHING`,
      )
      .bind(w.token, w.email, orgId, w.kind, at),
  );
  const emails = [...new Set(wanted.map((w) => w.email))];
  for (let i = 0; i < emails.length; i += 90) {
    const chunk = emails.slice(i, i + 90);
    statements.push(
      db
        .prepare(
          `SELECT ${COLUMNS} FROM email_subscriptions WHERE org_id = ?1 AND email IN (${chunk.map((_, j) => `?${j + 2}`).join(", ")})`,
        )
        .bind(orgId, ...chunk),
    );
  }
  const results = await db.batch<SubscriptionRow>(statements);
  return results.slice(wanted.length).flatMap((r) => r.results);
}

/** One recipient's subscription to one kind of email in the org, if it was ever stored. */
export function subscriptionStatement(db: D1Database, orgId: string, email: string, kind: SubscriptionKind): Typed<SubscriptionRow> {
  return typed<SubscriptionRow>(
    db.prepare(`SELECT ${COLUMNS} FROM email_subscriptions WHERE org_id = ?1 AND email = ?2 AND kind = ?3`).bind(orgId, email, kind),
  );
}

export async function findSubscription(db: D1Database, token: string): Promise<(SubscriptionRow & { org_name: string }) | null> {
  return db
    .prepare(
      `SELECT s.token, s.email, s.org_id, s.kind, s.created_at, s.unsubscribed_at, o.name AS org_name FROM email_subscriptions s JOIN orgs o ON o.id = s.org_id WHERE s.token = ?1`,
    )
    .bind(token)
    .first();
}

/** Unsubscribes and withdraws every message of this subscription that has not gone yet: one batch. */
export function unsubscribeStatements(db: D1Database, token: string, at: string): D1PreparedStatement[] {
  return [
    db.prepare("UPDATE email_subscriptions SET unsubscribed_at = COALESCE(unsubscribed_at, ?2) WHERE token = ?1").bind(token, at),
    db.prepare("DELETE FROM outbox WHERE subscription_token = ?1 AND status = 'queued'").bind(token),
  ];
}

export async function resubscribe(db: D1Database, token: string): Promise<void> {
  await db.prepare("UPDATE email_subscriptions SET unsubscribed_at = NULL WHERE token = ?1").bind(token).run();
}
