import { addDays, formatDay } from "../../src/domain/calendar";
import type { NewOutboxMessage } from "../db/outbox";
import { personalLinkStatement, reminderTeamsStatement } from "../db/pulse-links";
import type { ScheduledOrgRow } from "../db/report-schedules";
import { orgAddressesStatement } from "../db/team-addresses";
import { buildPulseReminderEmail } from "../email/pulse-reminder";
import { enqueueEmails } from "./outbox";
import { subscriptionsFor, unsubscribeLink } from "./subscriptions";
import { randomToken, sha256Hex } from "./tokens";
import { batch } from "../db/typed";

/**
 * Voting day: every address on every team's list gets the team's pulse link, once per week
 * (idempotency key per org, team, address and week), unless it unsubscribed. Teams without a
 * live link or without objectives in an active wave get nothing. A fixed number of D1 round
 * trips per org whatever its size. Returns how many reminders of this week are in the outbox.
 *
 * A team on personal links gives each address its own link for this week instead: a random
 * token registered (as a hash, with no address) in the same batch as the email carrying it,
 * and only if that email is the one queued, so a job that runs twice mints nothing new.
 */
export async function enqueuePulseReminders(
  db: D1Database,
  org: ScheduledOrgRow,
  week: string,
  origin: string,
  now: Date,
): Promise<number> {
  const [teams, addresses] = await batch(db, [reminderTeamsStatement(db, org.id), orgAddressesStatement(db, org.id)]);
  const teamRows = teams.results.filter((t) => t.objectives && (t.token || t.pulse_mode === "personal"));
  const byTeam = new Map<string, string[]>();
  for (const a of addresses.results) byTeam.set(a.team_id, [...(byTeam.get(a.team_id) ?? []), a.email]);
  const recipients = teamRows.flatMap((t) => (byTeam.get(t.team_id) ?? []).map((email) => ({ email, team: t })));
  if (recipients.length === 0) return 0;
  const subscriptions = await subscriptionsFor(
    db,
    org.id,
    recipients.map((r) => ({ email: r.email, kind: "pulse_reminder" as const })),
    now,
  );
  const weekLabel = `${formatDay(week)} – ${formatDay(addDays(week, 6), true)}`;
  const messages: NewOutboxMessage[] = [];
  const links = new Map<string, { token: string; tokenHash: string; teamId: string; waveId: string }>();
  for (const r of recipients) {
    const sub = subscriptions.get(`${r.email}|pulse_reminder`);
    if (!sub || sub.unsubscribed_at) continue;
    const unsubscribe = unsubscribeLink(origin, sub.token);
    const idempotencyKey = `pulse_reminder:${org.id}:${r.team.team_id}:${r.email}:${week}`;
    let token = r.team.token;
    if (r.team.pulse_mode === "personal") {
      if (!r.team.wave_id) continue;
      token = randomToken(32);
      links.set(idempotencyKey, { token, tokenHash: await sha256Hex(token), teamId: r.team.team_id, waveId: r.team.wave_id });
    }
    const email = buildPulseReminderEmail({
      orgName: org.name,
      teamName: r.team.team_name,
      weekLabel,
      objectives: (r.team.objectives ?? "").split("\n"),
      pulseUrl: `${origin}/p/${token}`,
      personal: r.team.pulse_mode === "personal",
      k: org.anonymity_k,
      unsubscribeUrl: unsubscribe.url,
    });
    messages.push({
      idempotencyKey,
      kind: "pulse_reminder",
      to: r.email,
      headers: unsubscribe.headers,
      subscriptionToken: sub.token,
      ...email,
    });
  }
  const alongside = (m: NewOutboxMessage) => {
    const link = links.get(m.idempotencyKey);
    return link ? [personalLinkStatement(db, { ...link, orgId: org.id, week, idempotencyKey: m.idempotencyKey })] : [];
  };
  return (await enqueueEmails(db, messages, now, alongside)).length;
}
