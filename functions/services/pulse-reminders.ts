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
import { orgChatChannelsStatement } from "../db/chat-channels";
import { anonymityPromise } from "../../src/domain/anonymity";
import type { ChatMessage } from "../../src/domain/chat/messages";
import { postOnce, type ChatFetch } from "./chat-channels";

/**
 * Voting day: every address on every team's list gets the team's pulse link, once per week
 * (idempotency key per org, team, address and week), unless it unsubscribed. Teams without a
 * live link or without objectives in an active wave get nothing. A fixed number of D1 round
 * trips per org whatever its size. Returns how many reminders of this week are in the outbox.
 *
 * A team on personal links gives each address its own link for this week instead: a random
 * token registered (as a hash, with no address) in the same batch as the email carrying it,
 * and only if that email is the one queued, so a job that runs twice mints nothing new.
 *
 * A team on its shared link with a chat channel gets the reminder posted there instead, once per
 * week, with what the email carries (the heading, the week, the objectives, the anonymity
 * promise and the link); when the post fails, the team's list gets the email as usual. Teams
 * on personal links are never posted to: their links belong to one address each.
 */
export async function enqueuePulseReminders(
  db: D1Database,
  org: ScheduledOrgRow,
  week: string,
  origin: string,
  now: Date,
  send: ChatFetch = (url, init) => fetch(url, init),
): Promise<number> {
  const [teams, addresses, channels] = await batch(db, [
    reminderTeamsStatement(db, org.id),
    orgAddressesStatement(db, org.id),
    orgChatChannelsStatement(db, org.id),
  ]);
  const weekLabel = `${formatDay(week)} – ${formatDay(addDays(week, 6), true)}`;
  const posted = new Set<string>();
  for (const t of teams.results) {
    const channel = channels.results.find((c) => c.team_id === t.team_id);
    if (!channel || !t.objectives || t.pulse_mode !== "shared" || !t.token) continue;
    const outcome = await postOnce(
      db,
      send,
      channel,
      `pulse_reminder:${week}`,
      pulseReminderChatMessage(t.team_name, weekLabel, t.objectives.split("\n"), `${origin}/p/${t.token}`, org.anonymity_k),
      now,
    );
    if (outcome !== "failed") posted.add(t.team_id);
  }
  const teamRows = teams.results.filter((t) => t.objectives && (t.token || t.pulse_mode === "personal") && !posted.has(t.team_id));
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

/** The chat post of the reminder: what the shared-link email says, no more. */
export function pulseReminderChatMessage(
  teamName: string,
  weekLabel: string,
  objectives: readonly string[],
  pulseUrl: string,
  k: number,
): ChatMessage {
  return {
    title: `How is ${teamName} doing this week?`,
    lines: [
      `Rate each of the team's objectives from 1 (Struggling) to 5 (Exceeding). It takes under a minute, on your phone too. Week of ${weekLabel}.`,
      ...objectives.map((o) => `• ${o}`),
      `${anonymityPromise(k)} This is the team's shared link: anyone who has it can vote, so the answers can include your lead's own.`,
    ],
    link: { label: "Rate this week", url: pulseUrl },
  };
}
