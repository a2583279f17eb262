import { addDays, formatDay } from "../../src/domain/calendar";
import type { NewOutboxMessage } from "../db/outbox";
import { reminderTeamsStatement, type ReminderTeamRow } from "../db/pulse";
import type { ScheduledOrgRow } from "../db/report-schedules";
import { orgAddressesStatement, type TeamAddressRow } from "../db/team-addresses";
import { buildPulseReminderEmail } from "../email/pulse-reminder";
import { enqueueEmails } from "./outbox";
import { subscriptionsFor, unsubscribeLink } from "./subscriptions";

/**
 * Voting day: every address on every team's list gets the team's pulse link, once per week
 * (idempotency key per org, team, address and week), unless it unsubscribed. Teams without a
 * live link or without objectives in an active wave get nothing. A fixed number of D1 round
 * trips per org whatever its size. Returns how many reminders of this week are in the outbox.
 */
export async function enqueuePulseReminders(db: D1Database, org: ScheduledOrgRow, week: string, origin: string, now: Date): Promise<number> {
  const [teams, addresses] = await db.batch([reminderTeamsStatement(db, org.id), orgAddressesStatement(db, org.id)]);
  const teamRows = (teams.results as ReminderTeamRow[]).filter((t) => t.objectives);
  const byTeam = new Map<string, string[]>();
  for (const a of addresses.results as TeamAddressRow[]) byTeam.set(a.team_id, [...(byTeam.get(a.team_id) ?? []), a.email]);
  const recipients = teamRows.flatMap((t) => (byTeam.get(t.team_id) ?? []).map((email) => ({ email, team: t })));
  if (recipients.length === 0) return 0;
  const subscriptions = await subscriptionsFor(db, org.id, recipients.map((r) => ({ email: r.email, kind: "pulse_reminder" as const })), now);
  const weekLabel = `${formatDay(week)} – ${formatDay(addDays(week, 6), true)}`;
  const messages: NewOutboxMessage[] = [];
  for (const r of recipients) {
    const sub = subscriptions.get(`${r.email}|pulse_reminder`);
    if (!sub || sub.unsubscribed_at) continue;
    const unsubscribe = unsubscribeLink(origin, sub.token);
    const email = buildPulseReminderEmail({
      orgName: org.name,
      teamName: r.team.team_name,
      weekLabel,
      objectives: (r.team.objectives ?? "").split("\n"),
      pulseUrl: `${origin}/p/${r.team.token}`,
      k: org.anonymity_k,
      unsubscribeUrl: unsubscribe.url,
    });
    messages.push({ idempotencyKey: `pulse_reminder:${org.id}:${r.team.team_id}:${r.email}:${week}`, kind: "pulse_reminder", to: r.email, headers: unsubscribe.headers, subscriptionToken: sub.token, ...email });
  }
  return (await enqueueEmails(db, messages, now)).length;
}
