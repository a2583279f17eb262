import type { WaveCalendar } from "../../src/domain/okr/wave";
import type { TeamRow } from "../db/teams";
import type { WaveRow } from "../db/waves";
import type { TeamsOverview } from "../services/teams";
import type { WavePlan } from "../services/waves";

/** A team as the JSON API shows it (camelCase, no org id: the URL names the org). */
export function teamJson(t: TeamRow) {
  return { id: t.id, name: t.name, mission: t.mission, declaredSize: t.declared_size, createdAt: t.created_at };
}

/** GET /api/orgs/{org}/teams: each team with its leads and, for admins, pending invitations. */
export function teamsOverviewJson(o: TeamsOverview) {
  return {
    teams: o.teams.map((t) => ({
      ...teamJson(t),
      leads: t.leads.map((l) => ({ name: l.name, email: l.email })),
      pendingInvites: t.pendingInvites.map((i) => ({ name: i.name, email: i.email, createdAt: i.created_at })),
    })),
  };
}

/** A wave as the JSON API shows it; `anonymityK` is the k it started with (null while a draft). */
export function waveJson(w: WaveRow) {
  return {
    id: w.id,
    name: w.name,
    startsOn: w.starts_on,
    endsOn: w.ends_on,
    state: w.state,
    createdAt: w.created_at,
    activatedAt: w.activated_at,
    completedAt: w.completed_at,
    anonymityK: w.anonymity_k,
  };
}

/** GET /api/orgs/{org}/waves: each wave with where it stands today. */
export function waveListJson(waves: readonly (WaveRow & { calendar: WaveCalendar })[]) {
  return { waves: waves.map((w) => ({ ...waveJson(w), calendar: w.calendar })) };
}

/** GET /api/orgs/{org}/waves/{id}: the wave and its plan (the board model is camelCase already). */
export function wavePlanJson(p: WavePlan) {
  return { wave: waveJson(p.wave), board: p.board, today: p.today };
}
