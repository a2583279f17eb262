import { addDays, daysBetween, formatDay } from "../calendar";
import type { SupportReason } from "../okr/progress";
import {
  BOOST_WAIT_HOURS,
  dayOf,
  hoursBetween,
  INVITE_WAIT_HOURS,
  later,
  NEXT_WAVE_DAYS,
  pppDueOn,
  WEEKDAYS,
  type ActionsInput,
  type PushItem,
} from "./model";

/** The items of an admin: the whole org's gaps, never a lead's own to-dos. */

function supportText(reasons: readonly SupportReason[], days: number | null): string {
  return reasons
    .map((r) =>
      r === "behind"
        ? "behind the expected progress"
        : r === "confidence-drop"
          ? "the team's confidence dropped"
          : r === "divergence"
            ? "votes and key results disagree"
            : days === null
              ? "no check-in yet this wave"
              : `no check-in for ${days} days`,
    )
    .join("; ");
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

export function adminItems(input: ActionsInput, push: PushItem): void {
  const { slug, today, wave, week } = input;
  const name = new Map(input.teams.map((t) => [t.id, t.name]));
  if (wave) {
    const withObjective = new Set(input.objectives.map((o) => o.teamId));
    for (const t of input.teams.filter((x) => !withObjective.has(x.id))) {
      push({
        key: `team-no-objective:${t.id}`,
        kind: "team-no-objective",
        urgency: "high",
        teamId: t.id,
        title: `${t.name} has no objective in ${wave.name}`,
        reason: "Nudge its lead: the team's work does not show on the board until it aligns to an org objective.",
        since: t.createdAt ? later(wave.startsOn, dayOf(input, t.createdAt)) : wave.startsOn,
        href: `/o/${slug}/teams/${t.id}`,
        linkLabel: "Open the team",
      });
    }
    for (const s of input.needsSupport) {
      push({
        key: `team-needs-support:${s.teamId}`,
        kind: "team-needs-support",
        urgency: "medium",
        teamId: s.teamId,
        title: `${name.get(s.teamId) ?? "A team"} needs support`,
        reason: sentence(supportText(s.reasons, s.daysSinceCheckIn)),
        since: s.reasons.includes("no-recent-check-in") && s.daysSinceCheckIn !== null ? addDays(today, -s.daysSinceCheckIn) : today,
        href: `/o/${slug}/teams/${s.teamId}`,
        linkLabel: "See the team",
      });
    }
    const daysLeft = daysBetween(today, wave.endsOn);
    if (daysLeft >= 0 && daysLeft <= NEXT_WAVE_DAYS && !input.hasDraftWave) {
      push({
        key: `wave-ending-no-draft:${wave.id}`,
        kind: "wave-ending-no-draft",
        urgency: "high",
        teamId: null,
        title: `${wave.name} ends ${daysLeft === 0 ? "today" : `in ${daysLeft} ${daysLeft === 1 ? "day" : "days"}`} and no next wave is drafted`,
        reason: "Draft the next wave and its org objectives, so teams can carry work over and plan.",
        since: addDays(wave.endsOn, -NEXT_WAVE_DAYS),
        href: `/o/${slug}/waves#plan-title`,
        linkLabel: "Plan the next wave",
      });
    }
  }
  const dueOn = pppDueOn(week, input.dueWeekday);
  const lastWeek = addDays(week, -7);
  const lastDueOn = pppDueOn(lastWeek, input.dueWeekday);
  for (const t of input.teams) {
    if (daysBetween(dueOn, today) > 0 && !input.posted.has(t.id)) {
      push({
        key: `ppp-missing:${t.id}:${week}`,
        kind: "ppp-missing",
        urgency: "medium",
        teamId: t.id,
        title: `${t.name} has not posted this week's PPP`,
        reason: `It was due ${WEEKDAYS[input.dueWeekday - 1]} ${formatDay(dueOn)}.`,
        since: dueOn,
        href: `/o/${slug}/ppp`,
        linkLabel: "See the PPP summary",
      });
    }
    const existed = !t.createdAt || daysBetween(dayOf(input, t.createdAt), lastDueOn) >= 0;
    if (input.postedLastWeek && existed && !input.postedLastWeek.has(t.id)) {
      push({
        key: `ppp-missing:${t.id}:${lastWeek}`,
        kind: "ppp-missing",
        urgency: "medium",
        teamId: t.id,
        title: `${t.name} did not post last week's PPP`,
        reason: `It was due ${WEEKDAYS[input.dueWeekday - 1]} ${formatDay(lastDueOn)}; a late PPP can still be posted.`,
        since: lastDueOn,
        href: `/o/${slug}/ppp?week=${lastWeek}`,
        linkLabel: "See last week's summary",
      });
    }
  }
  for (const b of input.boosts) {
    const hours = hoursBetween(b.createdAt, input.now);
    if (b.state !== "open" || hours <= BOOST_WAIT_HOURS) continue;
    push({
      key: `boost-unanswered:${b.id}`,
      kind: "boost-unanswered",
      urgency: "medium",
      teamId: b.fromTeamId,
      title: `${name.get(b.fromTeamId) ?? "A team"}'s boost is waiting for ${b.toTeamId ? (name.get(b.toTeamId) ?? "a team") : "any team"}`,
      reason: `“${b.need}” — nobody has taken it on for ${Math.floor(hours / 24)} days.`,
      since: dayOf(input, b.createdAt),
      href: `/o/${slug}/boosts/${b.id}`,
      linkLabel: "Open the boost",
    });
  }
  for (const i of input.invites) {
    if (hoursBetween(i.createdAt, input.now) <= INVITE_WAIT_HOURS) continue;
    push({
      key: `invite-pending:${i.id}`,
      kind: "invite-pending",
      urgency: "low",
      teamId: i.teamId,
      title: `${i.name} has not accepted the invitation to lead ${name.get(i.teamId) ?? "a team"}`,
      reason: "Invite them again, or invite someone else to lead the team.",
      since: dayOf(input, i.createdAt),
      href: `/o/${slug}/teams#invite-title`,
      linkLabel: "Invite again",
    });
  }
  if (input.campaign?.readyToClose) {
    const c = input.campaign;
    push({
      key: `campaign-ready:${c.id}`,
      kind: "campaign-ready",
      urgency: "low",
      teamId: null,
      title: `${c.name} has enough answers to close`,
      reason: "Its result shows every figure, leaders and everyone else included. Close it to send the result to the admins.",
      since: dayOf(input, c.openedAt),
      href: `/o/${slug}/campaigns#open-title`,
      linkLabel: "Close the campaign",
    });
  }
}
