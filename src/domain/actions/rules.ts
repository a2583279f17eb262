import { addDays, daysBetween, formatDay, localDate } from "../calendar";
import { weeksOpen, weeksOpenText, BOOST_OFFER_WEEKS } from "../ppp/ageing";
import type { SupportReason } from "../okr/progress";

/**
 * The Action Center: what needs the signed-in admin or lead now, derived from the data on
 * every read, so an item disappears the moment what it asks for is done and nothing is
 * stored that could go stale. Pure: the service passes rows, today (org time zone) and now.
 */

export type Urgency = "high" | "medium" | "low";

export type ActionKind =
  | "no-objective"
  | "stale-key-result"
  | "ppp-due"
  | "plans-review"
  | "problem-ageing"
  | "boost-to-answer"
  | "boost-reply"
  | "pulse-hidden"
  | "reflection-due"
  | "team-no-objective"
  | "team-needs-support"
  | "ppp-missing"
  | "boost-unanswered"
  | "wave-ending-no-draft"
  | "invite-pending"
  | "campaign-ready";

export interface ActionItem {
  /** Stable within a read: kind plus what it is about. */
  key: string;
  kind: ActionKind;
  urgency: Urgency;
  teamId: string | null;
  title: string;
  reason: string;
  /** The day (YYYY-MM-DD, org time zone) the item became due; its age counts from here. */
  since: string;
  /** Whole days since `since`, ≥ 0. */
  ageDays: number;
  /** Where it is resolved: the field, the form, the boost. */
  href: string;
  linkLabel: string;
}

/** Key results silent this many days are flagged medium, twice as long high. */
export const STALE_KR_DAYS = 7;
export const VERY_STALE_KR_DAYS = 14;
/** A lead is reminded of reflections when the wave ends within this many days. */
export const REFLECTION_DAYS = 5;
/** Admins are told the next wave is missing when the active one ends within this many days. */
export const NEXT_WAVE_DAYS = 7;
/** A boost nobody accepted for longer than this (hours) is shown to admins. */
export const BOOST_WAIT_HOURS = 48;
/** An invite not accepted after this many hours is shown to admins. */
export const INVITE_WAIT_HOURS = 72;

export interface ActionBoost {
  id: string;
  fromTeamId: string;
  /** null: asked of any team. */
  toTeamId: string | null;
  need: string;
  state: "open" | "accepted";
  createdAt: string;
  acceptedAt: string | null;
  helperTeamId: string | null;
  /** Each message or decline: which team wrote it and when (ISO instant). */
  messages: { teamId: string | null; kind: "message" | "decline"; at: string }[];
}

export interface ActionsInput {
  slug: string;
  /** YYYY-MM-DD in the org's time zone. */
  today: string;
  /** ISO instant of the read, for ages counted in hours. */
  now: string;
  /** The org's IANA time zone: instants become its local days. */
  timeZone: string;
  viewer: { isAdmin: boolean; teamId: string | null };
  wave: { id: string; name: string; startsOn: string; endsOn: string } | null;
  hasDraftWave: boolean;
  /** Every team; createdAt (ISO) keeps a new team from owing the PPP of a week before it existed. */
  teams: readonly { id: string; name: string; createdAt?: string }[];
  /** Team objectives of the active wave. */
  objectives: readonly { id: string; teamId: string }[];
  /** Key results of the active wave's team objectives with their latest check-in instant. */
  keyResults: readonly { id: string; objectiveId: string; teamId: string; title: string; createdAt: string; lastCheckInAt: string | null }[];
  /** Monday of this week; the PPP due weekday (1 Monday … 7 Sunday). */
  week: string;
  dueWeekday: number;
  /** Teams that submitted this week's PPP, and last week's. */
  posted: ReadonlySet<string>;
  postedLastWeek?: ReadonlySet<string>;
  /** Per team: plans in last week's submitted PPP and how many of them this week's marks done or carried. */
  planReviews: readonly { teamId: string; plans: number; reviewed: number }[];
  /** Problems of each team's latest submitted PPP (this week or last). */
  problems: readonly { teamId: string; threadId: string; text: string; sinceWeek: string }[];
  /** The latest boost asked for each problem thread. */
  problemBoosts: ReadonlyMap<string, { id: string; state: "open" | "accepted" | "declined" | "resolved" }>;
  boosts: readonly ActionBoost[];
  /** Teams flagged on the board, with their reasons. */
  needsSupport: readonly { teamId: string; reasons: readonly SupportReason[]; daysSinceCheckIn: number | null }[];
  /** Teams whose current pulse week cell is published as suppressed (never a count). */
  hiddenPulse: ReadonlySet<string>;
  reflected: ReadonlySet<string>;
  invites: readonly { id: string; teamId: string; name: string; createdAt: string }[];
  /** The open campaign, and whether its published result is complete enough to close. */
  campaign: { id: string; name: string; openedAt: string; readyToClose: boolean } | null;
}

const RANK: Record<Urgency, number> = { high: 0, medium: 1, low: 2 };
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const hoursBetween = (fromIso: string, toIso: string) => (Date.parse(toIso) - Date.parse(fromIso)) / 3_600_000;
const later = (a: string, b: string) => (a > b ? a : b);
const day = (input: ActionsInput, iso: string) => localDate(new Date(iso), input.timeZone);

/** This week's PPP due day (YYYY-MM-DD) for the Monday `week`. */
export function pppDueOn(week: string, dueWeekday: number): string {
  return addDays(week, dueWeekday - 1);
}

/** The next day a PPP is due on or after today: this week's due day unless it has passed. */
export function nextPppDueOn(today: string, week: string, dueWeekday: number): string {
  const due = pppDueOn(week, dueWeekday);
  return daysBetween(today, due) >= 0 ? due : addDays(due, 7);
}

function supportText(reasons: readonly SupportReason[], days: number | null): string {
  return reasons
    .map((r) => (r === "behind" ? "behind the expected progress" : r === "confidence-drop" ? "the team's confidence dropped" : r === "divergence" ? "votes and key results disagree" : days === null ? "no check-in yet this wave" : `no check-in for ${days} days`))
    .join("; ");
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

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

function leadItems(input: ActionsInput, teamId: string, push: (i: Omit<ActionItem, "ageDays">) => void): void {
  const { slug, today, wave, week } = input;
  const team = `/o/${slug}/teams/${teamId}`;
  const dueOn = pppDueOn(week, input.dueWeekday);
  if (wave) {
    const objectives = input.objectives.filter((o) => o.teamId === teamId);
    if (objectives.length === 0) {
      push({ key: `no-objective:${teamId}`, kind: "no-objective", urgency: "high", teamId, title: `Write your team's objective for ${wave.name}`, reason: "Your team has no objective in the active wave yet, so the board cannot show how you align.", since: wave.startsOn, href: `${team}/objectives/new?wave=${wave.id}`, linkLabel: "Write an objective" });
    }
    for (const kr of input.keyResults.filter((k) => k.teamId === teamId)) {
      const since = kr.lastCheckInAt ? day(input, kr.lastCheckInAt) : later(wave.startsOn, day(input, kr.createdAt));
      const days = daysBetween(since, today);
      if (days < STALE_KR_DAYS) continue;
      push({ key: `stale-key-result:${kr.id}`, kind: "stale-key-result", urgency: days >= VERY_STALE_KR_DAYS ? "high" : "medium", teamId, title: `Check in on “${kr.title}”`, reason: kr.lastCheckInAt ? `No check-in for ${days} days.` : `No check-in since the wave started ${days} days ago.`, since, href: `${team}#v-${kr.id}`, linkLabel: "Check in" });
    }
    const daysLeft = daysBetween(today, wave.endsOn);
    if (daysLeft >= 0 && daysLeft <= REFLECTION_DAYS && !input.reflected.has(teamId)) {
      push({ key: `reflection-due:${teamId}`, kind: "reflection-due", urgency: daysLeft <= 2 ? "high" : "medium", teamId, title: `Write your team's reflection on ${wave.name}`, reason: daysLeft === 0 ? "The wave ends today." : `The wave ends in ${daysLeft} ${daysLeft === 1 ? "day" : "days"} (${formatDay(wave.endsOn)}): what worked, and what to change next wave.`, since: addDays(wave.endsOn, -REFLECTION_DAYS), href: `${team}#reflect`, linkLabel: "Write the reflection" });
    }
    if (input.hiddenPulse.has(teamId)) {
      push({ key: `pulse-hidden:${teamId}`, kind: "pulse-hidden", urgency: "medium", teamId, title: "This week's pulse is still hidden", reason: "The team's pulse shows once enough people have voted for nobody to be singled out. Send the reminder or share the link again; who voted is never shown.", since: week, href: `${team}#pulse`, linkLabel: "Send the pulse reminder" });
    }
  }
  if (!input.posted.has(teamId)) {
    const late = daysBetween(dueOn, today);
    push({ key: `ppp-due:${teamId}:${week}`, kind: "ppp-due", urgency: late > 0 ? "high" : late === 0 ? "medium" : "low", teamId, title: "Post this week's PPP", reason: late > 0 ? `It was due ${WEEKDAYS[input.dueWeekday - 1]} ${formatDay(dueOn)}: ${late} ${late === 1 ? "day" : "days"} late.` : late === 0 ? "It is due today." : `Due ${WEEKDAYS[input.dueWeekday - 1]} ${formatDay(dueOn)}.`, since: week, href: `${team}/ppp`, linkLabel: "Write the PPP" });
  }
  const review = input.planReviews.find((r) => r.teamId === teamId);
  if (review && review.reviewed < review.plans) {
    const left = review.plans - review.reviewed;
    push({ key: `plans-review:${teamId}:${week}`, kind: "plans-review", urgency: "medium", teamId, title: "Mark last week's plans done or carried over", reason: left === 1 && review.plans === 1 ? "Last week's plan is not marked yet." : `${left} of last week's ${review.plans} plans are not marked yet.`, since: week, href: `${team}/ppp#review`, linkLabel: "Review last week's plans" });
  }
  for (const p of input.problems.filter((x) => x.teamId === teamId)) {
    const weeks = weeksOpen(p.sinceWeek, week);
    if (weeks < BOOST_OFFER_WEEKS) continue;
    const boost = input.problemBoosts.get(p.threadId);
    if (boost && (boost.state === "accepted" || boost.state === "resolved")) continue;
    const asked = boost?.state === "open";
    push({ key: `problem-ageing:${p.threadId}`, kind: "problem-ageing", urgency: weeks >= 3 ? "high" : "medium", teamId, title: `Problem ${weeksOpenText(weeks)}: “${p.text}”`, reason: asked ? "You asked for a boost; no team has taken it on yet." : "Ask another team for a boost instead of carrying it into another week.", since: p.sinceWeek, href: asked ? `/o/${slug}/boosts/${boost.id}` : `/o/${slug}/boosts?problem=${encodeURIComponent(p.threadId)}#ask`, linkLabel: asked ? "Open the boost" : "Ask for a boost" });
  }
  const name = new Map(input.teams.map((t) => [t.id, t.name]));
  for (const b of input.boosts) {
    const href = `/o/${slug}/boosts/${b.id}`;
    if (b.state === "open" && b.fromTeamId !== teamId && (b.toTeamId === teamId || b.toTeamId === null) && awaitsTeam(b, teamId)) {
      const hours = hoursBetween(b.createdAt, input.now);
      push({ key: `boost-to-answer:${b.id}`, kind: "boost-to-answer", urgency: hours > BOOST_WAIT_HOURS ? "high" : "medium", teamId, title: `${name.get(b.fromTeamId) ?? "A team"} asks ${b.toTeamId ? "you" : "any team"} for a boost`, reason: `“${b.need}” Accept, decline with a reason or ask a question.`, since: day(input, b.createdAt), href, linkLabel: "Answer the boost" });
    }
    if (b.fromTeamId === teamId) {
      const ownLast = b.messages.filter((m) => m.teamId === teamId).reduce((at, m) => later(at, m.at), b.createdAt);
      const answers = [...b.messages.filter((m) => m.teamId !== teamId).map((m) => ({ at: m.at, teamId: m.teamId, what: m.kind === "decline" ? "declined" : "wrote" })), ...(b.acceptedAt ? [{ at: b.acceptedAt, teamId: b.helperTeamId, what: "accepted" }] : [])].filter((a) => a.at > ownLast);
      if (answers.length === 0) continue;
      const last = answers.reduce((a, x) => (x.at > a.at ? x : a));
      push({ key: `boost-reply:${b.id}`, kind: "boost-reply", urgency: "medium", teamId, title: `${(last.teamId && name.get(last.teamId)) || "Another team"} ${last.what} on your boost`, reason: `“${b.need}” Reply, or mark it resolved once you are helped.`, since: day(input, last.at), href, linkLabel: "Open the boost" });
    }
  }
}

function adminItems(input: ActionsInput, push: (i: Omit<ActionItem, "ageDays">) => void): void {
  const { slug, today, wave, week } = input;
  const name = new Map(input.teams.map((t) => [t.id, t.name]));
  if (wave) {
    const withObjective = new Set(input.objectives.map((o) => o.teamId));
    for (const t of input.teams.filter((x) => !withObjective.has(x.id))) {
      push({ key: `team-no-objective:${t.id}`, kind: "team-no-objective", urgency: "high", teamId: t.id, title: `${t.name} has no objective in ${wave.name}`, reason: "Nudge its lead: the team's work does not show on the board until it aligns to an org objective.", since: t.createdAt ? later(wave.startsOn, day(input, t.createdAt)) : wave.startsOn, href: `/o/${slug}/teams/${t.id}`, linkLabel: "Open the team" });
    }
    for (const s of input.needsSupport) {
      push({ key: `team-needs-support:${s.teamId}`, kind: "team-needs-support", urgency: "medium", teamId: s.teamId, title: `${name.get(s.teamId) ?? "A team"} needs support`, reason: sentence(supportText(s.reasons, s.daysSinceCheckIn)), since: s.reasons.includes("no-recent-check-in") && s.daysSinceCheckIn !== null ? addDays(today, -s.daysSinceCheckIn) : today, href: `/o/${slug}/teams/${s.teamId}`, linkLabel: "See the team" });
    }
    const daysLeft = daysBetween(today, wave.endsOn);
    if (daysLeft >= 0 && daysLeft <= NEXT_WAVE_DAYS && !input.hasDraftWave) {
      push({ key: `wave-ending-no-draft:${wave.id}`, kind: "wave-ending-no-draft", urgency: "high", teamId: null, title: `${wave.name} ends ${daysLeft === 0 ? "today" : `in ${daysLeft} ${daysLeft === 1 ? "day" : "days"}`} and no next wave is drafted`, reason: "Draft the next wave and its org objectives, so teams can carry work over and plan.", since: addDays(wave.endsOn, -NEXT_WAVE_DAYS), href: `/o/${slug}/waves#plan-title`, linkLabel: "Plan the next wave" });
    }
  }
  const dueOn = pppDueOn(week, input.dueWeekday);
  const lastWeek = addDays(week, -7);
  const lastDueOn = pppDueOn(lastWeek, input.dueWeekday);
  for (const t of input.teams) {
    if (daysBetween(dueOn, today) > 0 && !input.posted.has(t.id)) {
      push({ key: `ppp-missing:${t.id}:${week}`, kind: "ppp-missing", urgency: "medium", teamId: t.id, title: `${t.name} has not posted this week's PPP`, reason: `It was due ${WEEKDAYS[input.dueWeekday - 1]} ${formatDay(dueOn)}.`, since: dueOn, href: `/o/${slug}/ppp`, linkLabel: "See the PPP summary" });
    }
    const existed = !t.createdAt || daysBetween(day(input, t.createdAt), lastDueOn) >= 0;
    if (input.postedLastWeek && existed && !input.postedLastWeek.has(t.id)) {
      push({ key: `ppp-missing:${t.id}:${lastWeek}`, kind: "ppp-missing", urgency: "medium", teamId: t.id, title: `${t.name} did not post last week's PPP`, reason: `It was due ${WEEKDAYS[input.dueWeekday - 1]} ${formatDay(lastDueOn)}; a late PPP can still be posted.`, since: lastDueOn, href: `/o/${slug}/ppp?week=${lastWeek}`, linkLabel: "See last week's summary" });
    }
  }
  for (const b of input.boosts) {
    const hours = hoursBetween(b.createdAt, input.now);
    if (b.state !== "open" || hours <= BOOST_WAIT_HOURS) continue;
    push({ key: `boost-unanswered:${b.id}`, kind: "boost-unanswered", urgency: "medium", teamId: b.fromTeamId, title: `${name.get(b.fromTeamId) ?? "A team"}'s boost is waiting for ${b.toTeamId ? (name.get(b.toTeamId) ?? "a team") : "any team"}`, reason: `“${b.need}” Nobody has taken it on for ${Math.floor(hours / 24)} days.`, since: day(input, b.createdAt), href: `/o/${slug}/boosts/${b.id}`, linkLabel: "Open the boost" });
  }
  for (const i of input.invites) {
    if (hoursBetween(i.createdAt, input.now) <= INVITE_WAIT_HOURS) continue;
    push({ key: `invite-pending:${i.id}`, kind: "invite-pending", urgency: "low", teamId: i.teamId, title: `${i.name} has not accepted the invitation to lead ${name.get(i.teamId) ?? "a team"}`, reason: "Invite them again, or invite someone else to lead the team.", since: day(input, i.createdAt), href: `/o/${slug}/teams#invite-title`, linkLabel: "Invite again" });
  }
  if (input.campaign?.readyToClose) {
    const c = input.campaign;
    push({ key: `campaign-ready:${c.id}`, kind: "campaign-ready", urgency: "low", teamId: null, title: `${c.name} has enough answers to close`, reason: "Its result shows every figure, leaders and everyone else included. Close it to send the result to the admins.", since: day(input, c.openedAt), href: `/o/${slug}/campaigns#open-title`, linkLabel: "Close the campaign" });
  }
}

/** Every open item of the viewer, most urgent first, then oldest first. */
export function deriveActions(input: ActionsInput): ActionItem[] {
  const items: ActionItem[] = [];
  const push = (i: Omit<ActionItem, "ageDays">) => items.push({ ...i, ageDays: Math.max(0, daysBetween(i.since, input.today)) });
  if (input.viewer.isAdmin) adminItems(input, push);
  else if (input.viewer.teamId) leadItems(input, input.viewer.teamId, push);
  return items.sort((a, b) => RANK[a.urgency] - RANK[b.urgency] || b.ageDays - a.ageDays || a.title.localeCompare(b.title));
}

/** "today", "1 day", "12 days": an item's age in words. */
export function ageText(days: number): string {
  return days <= 0 ? "today" : days === 1 ? "1 day" : `${days} days`;
}
