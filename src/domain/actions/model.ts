import { addDays, daysBetween, localDate } from "../calendar";
import type { SupportReason } from "../okr/progress";

/**
 * The Action Center: what needs the signed-in admin or lead now, derived from the data on
 * every read, so an item disappears the moment what it asks for is done and nothing is
 * stored that could go stale. Pure: the service passes rows, today (org time zone) and now.
 */

export const URGENCIES = ["high", "medium", "low"] as const;
export type Urgency = (typeof URGENCIES)[number];

export const ACTION_KINDS = [
  "no-objective",
  "stale-key-result",
  "ppp-due",
  "plans-review",
  "problem-ageing",
  "boost-to-answer",
  "boost-reply",
  "pulse-hidden",
  "reflection-due",
  "team-no-objective",
  "team-needs-support",
  "ppp-missing",
  "boost-unanswered",
  "wave-ending-no-draft",
  "invite-pending",
  "campaign-ready",
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

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
  keyResults: readonly {
    id: string;
    objectiveId: string;
    teamId: string;
    title: string;
    createdAt: string;
    lastCheckInAt: string | null;
  }[];
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
  /** Teams whose latest published pulse week is suppressed (never a count). */
  hiddenPulse: ReadonlySet<string>;
  /** Monday of that latest published week (YYYY-MM-DD), when there is one. */
  hiddenPulseWeek?: string | null;
  reflected: ReadonlySet<string>;
  invites: readonly { id: string; teamId: string; name: string; createdAt: string }[];
  /** The open campaign, and whether its published result is complete enough to close. */
  campaign: { id: string; name: string; openedAt: string; readyToClose: boolean } | null;
}

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
export const hoursBetween = (fromIso: string, toIso: string) => (Date.parse(toIso) - Date.parse(fromIso)) / 3_600_000;
/** The later of two ISO strings (dates or instants of the same form). */
export const later = (a: string, b: string) => (a > b ? a : b);
/** An instant's day (YYYY-MM-DD) in the org's time zone. */
export const dayOf = (input: Pick<ActionsInput, "timeZone">, iso: string) => localDate(new Date(iso), input.timeZone);
/** Adds an item; its age is computed from `since`. */
export type PushItem = (item: Omit<ActionItem, "ageDays">) => void;

/** This week's PPP due day (YYYY-MM-DD) for the Monday `week`. */
export function pppDueOn(week: string, dueWeekday: number): string {
  return addDays(week, dueWeekday - 1);
}

/** The next day a PPP is due on or after today: this week's due day unless it has passed. */
export function nextPppDueOn(today: string, week: string, dueWeekday: number): string {
  const due = pppDueOn(week, dueWeekday);
  return daysBetween(today, due) >= 0 ? due : addDays(due, 7);
}
