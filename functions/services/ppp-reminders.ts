import { zonedParts } from "../../src/domain/calendar";
import { pppReminderDue, weekdayName } from "../../src/domain/ppp/reminder";
import { currentWeek, weekLabel } from "../../src/domain/ppp/week";
import { leadsWithoutPppStatement, listOrgsForPppReminders } from "../db/ppp-settings";
import { buildPppReminderEmail } from "../email/ppp-emails";
import type { NewOutboxMessage } from "../db/outbox";
import { enqueueEmails } from "./outbox";
import { subscriptionsFor, unsubscribeLink } from "./subscriptions";
import { batch } from "../db/typed";

/**
 * The hourly job's part for PPPs: in every org whose due day (from 9:00, org time zone) has
 * come this week, each lead whose team has not submitted this week's PPP gets one reminder.
 * The idempotency key is per org, lead and week, so running twice (or every hour until the
 * week ends) never sends a second one. Returns how many reminders are in the outbox for the
 * orgs due now.
 */
export async function queuePppReminders(db: D1Database, baseUrl: string, now: Date): Promise<{ orgs: number; reminders: number }> {
  const due = (await listOrgsForPppReminders(db)).filter((o) => pppReminderDue(zonedParts(now, o.time_zone), o.ppp_due_weekday));
  if (due.length === 0) return { orgs: 0, reminders: 0 };
  const weeks = new Map(due.map((o) => [o.id, currentWeek(now, o.time_zone)]));
  const results = await batch(
    db,
    due.map((o) => leadsWithoutPppStatement(db, o.id, weeks.get(o.id) ?? "")),
  );
  const messages: NewOutboxMessage[] = [];
  for (const [i, org] of due.entries()) {
    const week = weeks.get(org.id) ?? "";
    const leads = results[i].results;
    const subscriptions = await subscriptionsFor(
      db,
      org.id,
      leads.map((l) => ({ email: l.email, kind: "ppp_reminder" as const })),
      now,
    );
    for (const lead of leads) {
      const sub = subscriptions.get(`${lead.email}|ppp_reminder`);
      if (!sub || sub.unsubscribed_at) continue;
      const unsubscribe = unsubscribeLink(baseUrl, sub.token);
      messages.push({
        idempotencyKey: `ppp-reminder:${org.id}:${lead.person_id}:${week}`,
        kind: "ppp_reminder",
        to: lead.email,
        headers: unsubscribe.headers,
        subscriptionToken: sub.token,
        ...buildPppReminderEmail({
          orgName: org.name,
          teamName: lead.team_name,
          leadName: lead.name,
          week: weekLabel(week),
          dueDay: weekdayName(org.ppp_due_weekday),
          url: `${baseUrl}/o/${org.slug}/teams/${lead.team_id}/ppp?week=${week}`,
          hasDraft: lead.has_draft === 1,
          unsubscribeUrl: unsubscribe.url,
        }),
      });
    }
  }
  const ids = await enqueueEmails(db, messages, now);
  return { orgs: due.length, reminders: ids.length };
}
