import type { TeamPageView } from "../services/team-page";
import { z } from "zod";
import { boostJson, BoostJson } from "./boost-json";
import { ChatChannelJson, chatChannelJson } from "./chat-channel-json";
import { Day, Id, Instant, Named } from "./contract/common";
import { CalendarJson, TeamOkrJson, WaveJson, waveJson } from "./okr-json";
import { HeatMapJson, PulseNextJson, TeamCommentsJson } from "./pulse-json";

export const TeamPageJson = z
  .object({
    team: z.object({ id: Id, name: z.string(), mission: z.string(), declaredSize: z.int().min(0) }),
    canEdit: z.boolean().meta({ description: "Whether the caller may change the team's objectives (its lead or an admin)." }),
    today: Day,
    wave: WaveJson.nullable().meta({ description: "The wave shown: ?wave=, else the active wave, else the newest." }),
    waves: z.array(WaveJson),
    view: TeamOkrJson.nullable(),
    calendar: CalendarJson.nullable(),
    orgObjectives: z.array(z.object({ id: Id, title: z.string(), kind: z.enum(["roofshot", "moonshot"]).nullable() })),
    checkIns: z.array(
      z.object({
        id: Id,
        keyResultId: Id,
        value: z.number(),
        note: z.string(),
        confidence: z.int().min(1).max(5).nullable(),
        personName: z.string().nullable(),
        createdAt: Instant,
      }),
    ),
    reflections: z.array(
      z.object({ wave: Named, worked: z.string(), change: z.string(), personName: z.string().nullable(), updatedAt: Instant }),
    ),
    draftOrgObjectives: z.array(z.object({ waveId: Id, id: Id, title: z.string() })),
    pulse: z
      .object({
        wave: Named.nullable(),
        k: z.int().min(1),
        next: PulseNextJson,
        map: HeatMapJson.nullable(),
        comments: z.array(TeamCommentsJson),
      })
      .meta({ description: "The team's published, suppressed heat map." }),
    help: z.object({ week: Day, pppState: z.enum(["draft", "submitted"]).nullable(), boosts: z.array(BoostJson) }),
    settings: z
      .object({
        linkPath: z.string().nullable(),
        mode: z.enum(["shared", "personal"]),
        lockedBy: z.string().nullable().meta({ description: "Why the pulse settings cannot change now (a running wave), or null." }),
        addresses: z.array(z.email()),
        pulseWeekday: z.int().min(1).max(7),
        chat: ChatChannelJson.nullable().meta({ description: "The team's chat channel, by host only; null when none." }),
      })
      .nullable()
      .meta({ description: "The team's lead and admins only." }),
  })
  .meta({ id: "TeamPage" });

/** GET /api/orgs/{org}/teams/{id}: what the team page shows, in camelCase. */
export function teamPageJson(p: TeamPageView): z.infer<typeof TeamPageJson> {
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
    help: { week: p.help.week, pppState: p.help.pppState, boosts: p.help.boosts.map(boostJson) },
    settings: p.settings && { ...p.settings, chat: p.settings.chat && chatChannelJson(p.settings.chat) },
  };
}
