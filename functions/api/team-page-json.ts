import type { BoostListRow } from "../db/boosts";
import type { TeamPageView } from "../services/team-page";
import { chatChannelJson } from "./chat-channel-json";
import { waveJson } from "./okr-json";

/** A boost as the JSON API lists it, with the names a page shows beside it. */
export function boostListJson(b: BoostListRow) {
  return {
    id: b.id,
    waveId: b.wave_id,
    fromTeam: { id: b.from_team_id, name: b.from_team_name },
    toTeam: b.to_team_id ? { id: b.to_team_id, name: b.to_team_name } : null,
    helperTeam: b.helper_team_id ? { id: b.helper_team_id, name: b.helper_team_name } : null,
    need: b.need,
    neededBy: b.needed_by,
    objective: b.objective_id ? { id: b.objective_id, title: b.objective_title } : null,
    problem: b.problem_thread_id ? { thread: b.problem_thread_id, text: b.problem_text } : null,
    state: b.state,
    requestedBy: b.requester_name,
    messages: b.message_count,
    createdAt: b.created_at,
    acceptedAt: b.accepted_at,
    declinedAt: b.declined_at,
    resolvedAt: b.resolved_at,
  };
}

/** GET /api/orgs/{org}/teams/{id}: what the team page shows, in camelCase. */
export function teamPageJson(p: TeamPageView) {
  return {
    team: { id: p.team.id, name: p.team.name, mission: p.team.mission, declaredSize: p.team.declared_size },
    canEdit: p.canEdit,
    today: p.today,
    wave: p.wave && waveJson(p.wave),
    waves: p.waves.map(waveJson),
    view: p.view,
    calendar: p.calendar,
    orgObjectives: p.orgObjectives,
    checkIns: p.checkIns.map((c) => ({
      id: c.id,
      keyResultId: c.key_result_id,
      value: c.value,
      note: c.note,
      confidence: c.confidence,
      personName: c.person_name,
      createdAt: c.created_at,
    })),
    reflections: p.reflections.map((r) => ({
      wave: { id: r.wave_id, name: r.wave_name },
      worked: r.worked,
      change: r.change,
      personName: r.person_name,
      updatedAt: r.updated_at,
    })),
    draftOrgObjectives: p.draftOrgObjectives,
    pulse: {
      wave: p.pulse.wave && { id: p.pulse.wave.id, name: p.pulse.wave.name },
      k: p.pulse.k,
      next: p.pulse.next,
      map: p.pulse.map,
      comments: p.pulse.comments,
    },
    help: { week: p.help.week, pppState: p.help.pppState, boosts: p.help.boosts.map(boostListJson) },
    settings: p.settings && { ...p.settings, chat: p.settings.chat && chatChannelJson(p.settings.chat) },
  };
}
