import { addDays, daysBetween, formatDay } from "../calendar";
import { BOOST_OFFER_WEEKS, weeksOpen, weeksOpenText } from "../ppp/ageing";
import {
  BOOST_WAIT_HOURS,
  dayOf,
  hoursBetween,
  later,
  pppDueOn,
  REFLECTION_DAYS,
  STALE_KR_DAYS,
  VERY_STALE_KR_DAYS,
  WEEKDAYS,
  type ActionBoost,
  type ActionsInput,
  type PushItem,
} from "./model";

/** The items of the lead of team `teamId`: their objectives, PPP, boosts, pulse and reflection. */

/**
 * Whether an open boost waits for `teamId`'s answer: it has not written on it yet, or the
 * asking team wrote again since. A team that declined an any-team boost is done with it.
 */
function awaitsTeam(b: ActionBoost, teamId: string): boolean {
  const own = b.messages.filter((m) => m.teamId === teamId);
  if (own.some((m) => m.kind === "decline")) return false;
  if (own.length === 0) return true;
  const ownLast = own.reduce((at, m) => later(at, m.at), "");
  return b.messages.some((m) => m.teamId === b.fromTeamId && m.at > ownLast);
}

export function leadItems(input: ActionsInput, teamId: string, push: PushItem): void {
  const { slug, today, wave, week } = input;
  const team = `/o/${slug}/teams/${teamId}`;
  const dueOn = pppDueOn(week, input.dueWeekday);
  if (wave) {
    const objectives = input.objectives.filter((o) => o.teamId === teamId);
    if (objectives.length === 0) {
      push({
        key: `no-objective:${teamId}`,
        kind: "no-objective",
        urgency: "high",
        teamId,
        title: `Write your team's objective for ${wave.name}`,
        reason: "Your team has no objective in the active wave yet, so the board cannot show how you align.",
        since: wave.startsOn,
        href: `${team}/objectives/new?wave=${wave.id}`,
        linkLabel: "Write an objective",
      });
    }
    for (const kr of input.keyResults.filter((k) => k.teamId === teamId)) {
      const since = kr.lastCheckInAt ? dayOf(input, kr.lastCheckInAt) : later(wave.startsOn, dayOf(input, kr.createdAt));
      const days = daysBetween(since, today);
      if (days < STALE_KR_DAYS) continue;
      push({
        key: `stale-key-result:${kr.id}`,
        kind: "stale-key-result",
        urgency: days >= VERY_STALE_KR_DAYS ? "high" : "medium",
        teamId,
        title: `Check in on “${kr.title}”`,
        reason: kr.lastCheckInAt ? `No check-in for ${days} days.` : `No check-in since the wave started ${days} days ago.`,
        since,
        href: `${team}#v-${kr.id}`,
        linkLabel: "Check in",
      });
    }
    const daysLeft = daysBetween(today, wave.endsOn);
    if (daysLeft >= 0 && daysLeft <= REFLECTION_DAYS && !input.reflected.has(teamId)) {
      push({
        key: `reflection-due:${teamId}`,
        kind: "reflection-due",
        urgency: daysLeft <= 2 ? "high" : "medium",
        teamId,
        title: `Write your team's reflection on ${wave.name}`,
        reason:
          daysLeft === 0
            ? "The wave ends today."
            : `The wave ends in ${daysLeft} ${daysLeft === 1 ? "day" : "days"} (${formatDay(wave.endsOn)}): what worked, and what to change next wave.`,
        since: addDays(wave.endsOn, -REFLECTION_DAYS),
        href: `${team}#reflect`,
        linkLabel: "Write the reflection",
      });
    }
    if (input.hiddenPulse.has(teamId)) {
      push({
        key: `pulse-hidden:${teamId}`,
        kind: "pulse-hidden",
        urgency: "medium",
        teamId,
        title: "The team's latest pulse week stayed hidden",
        reason:
          "A week's pulse shows once it is over and enough people voted for nobody to be singled out. Send the reminder or share the link again this week; who voted is never shown.",
        since: input.hiddenPulseWeek ?? week,
        href: `${team}#pulse`,
        linkLabel: "Send the pulse reminder",
      });
    }
  }
  if (!input.posted.has(teamId)) {
    const late = daysBetween(dueOn, today);
    push({
      key: `ppp-due:${teamId}:${week}`,
      kind: "ppp-due",
      urgency: late > 0 ? "high" : late === 0 ? "medium" : "low",
      teamId,
      title: "Post this week's PPP",
      reason:
        late > 0
          ? `It was due ${WEEKDAYS[input.dueWeekday - 1]} ${formatDay(dueOn)}: ${late} ${late === 1 ? "day" : "days"} late.`
          : late === 0
            ? "It is due today."
            : `Due ${WEEKDAYS[input.dueWeekday - 1]} ${formatDay(dueOn)}.`,
      since: week,
      href: `${team}/ppp`,
      linkLabel: "Write the PPP",
    });
  }
  const review = input.planReviews.find((r) => r.teamId === teamId);
  if (review && review.reviewed < review.plans) {
    const left = review.plans - review.reviewed;
    push({
      key: `plans-review:${teamId}:${week}`,
      kind: "plans-review",
      urgency: "medium",
      teamId,
      title: "Mark last week's plans done or carried over",
      reason:
        left === 1 && review.plans === 1
          ? "Last week's plan is not marked yet."
          : `${left} of last week's ${review.plans} plans are not marked yet.`,
      since: week,
      href: `${team}/ppp#review`,
      linkLabel: "Review last week's plans",
    });
  }
  for (const p of input.problems.filter((x) => x.teamId === teamId)) {
    const weeks = weeksOpen(p.sinceWeek, week);
    if (weeks < BOOST_OFFER_WEEKS) continue;
    const boost = input.problemBoosts.get(p.threadId);
    if (boost && (boost.state === "accepted" || boost.state === "resolved")) continue;
    const asked = boost?.state === "open";
    push({
      key: `problem-ageing:${p.threadId}`,
      kind: "problem-ageing",
      urgency: weeks >= 3 ? "high" : "medium",
      teamId,
      title: `Problem ${weeksOpenText(weeks)}: “${p.text}”`,
      reason: asked
        ? "You asked for a boost; no team has taken it on yet."
        : "Ask another team for a boost instead of carrying it into another week.",
      since: p.sinceWeek,
      href: asked ? `/o/${slug}/boosts/${boost.id}` : `/o/${slug}/boosts?problem=${encodeURIComponent(p.threadId)}#ask`,
      linkLabel: asked ? "Open the boost" : "Ask for a boost",
    });
  }
  const name = new Map(input.teams.map((t) => [t.id, t.name]));
  for (const b of input.boosts) {
    const href = `/o/${slug}/boosts/${b.id}`;
    if (b.state === "open" && b.fromTeamId !== teamId && (b.toTeamId === teamId || b.toTeamId === null) && awaitsTeam(b, teamId)) {
      const hours = hoursBetween(b.createdAt, input.now);
      push({
        key: `boost-to-answer:${b.id}`,
        kind: "boost-to-answer",
        urgency: hours > BOOST_WAIT_HOURS ? "high" : "medium",
        teamId,
        title: `${name.get(b.fromTeamId) ?? "A team"} asks ${b.toTeamId ? "you" : "any team"} for a boost`,
        reason: `“${b.need}” — accept, decline with a reason or ask a question.`,
        since: dayOf(input, b.createdAt),
        href,
        linkLabel: "Answer the boost",
      });
    }
    if (b.fromTeamId === teamId) {
      const ownLast = b.messages.filter((m) => m.teamId === teamId).reduce((at, m) => later(at, m.at), b.createdAt);
      const answers = [
        ...b.messages
          .filter((m) => m.teamId !== teamId)
          .map((m) => ({ at: m.at, teamId: m.teamId, what: m.kind === "decline" ? "declined" : "wrote" })),
        ...(b.acceptedAt ? [{ at: b.acceptedAt, teamId: b.helperTeamId, what: "accepted" }] : []),
      ].filter((a) => a.at > ownLast);
      if (answers.length === 0) continue;
      const last = answers.reduce((a, x) => (x.at > a.at ? x : a));
      push({
        key: `boost-reply:${b.id}`,
        kind: "boost-reply",
        urgency: "medium",
        teamId,
        title: `${(last.teamId && name.get(last.teamId)) || "Another team"} ${last.what} on your boost`,
        reason: `“${b.need}” — reply, or mark it resolved once you are helped.`,
        since: dayOf(input, last.at),
        href,
        linkLabel: "Open the boost",
      });
    }
  }
}
