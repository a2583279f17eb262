import { z } from "zod";
import { BOOST_STATES } from "../../src/domain/boosts/rules";
import type { BoostListRow, BoostMessageRow, ProblemBoostRow } from "../db/boosts";
import type { BoostPage, BoostsOverview } from "../services/boost-views";
import { Day, Id, Instant, Named } from "./contract/common";

const BoostState = z.enum(BOOST_STATES);

export const BoostJson = z
  .object({
    id: Id,
    waveId: Id.nullable(),
    fromTeam: Named,
    toTeam: Named.nullable().meta({ description: "The team asked; null when any team may take it on." }),
    helperTeam: Named.nullable().meta({ description: "The team that accepted; null until one does." }),
    need: z.string(),
    neededBy: Day,
    objective: z.object({ id: Id, title: z.string() }).nullable(),
    problem: z.object({ thread: Id, text: z.string() }).nullable().meta({ description: "The PPP problem the boost was asked for." }),
    state: BoostState,
    requestedBy: z.string().nullable().meta({ description: "The name of the lead who asked." }),
    messages: z.int().min(0),
    createdAt: Instant,
    acceptedAt: Instant.nullable(),
    declinedAt: Instant.nullable(),
    resolvedAt: Instant.nullable(),
  })
  .meta({ id: "Boost" });

/** A boost as the JSON API lists it, with the names a page shows beside it (no org or person ids). */
export function boostJson(b: BoostListRow): z.infer<typeof BoostJson> {
  return {
    id: b.id,
    waveId: b.wave_id,
    fromTeam: { id: b.from_team_id, name: b.from_team_name },
    toTeam: b.to_team_id ? { id: b.to_team_id, name: b.to_team_name ?? "" } : null,
    helperTeam: b.helper_team_id ? { id: b.helper_team_id, name: b.helper_team_name ?? "" } : null,
    need: b.need,
    neededBy: b.needed_by,
    objective: b.objective_id ? { id: b.objective_id, title: b.objective_title ?? "" } : null,
    problem: b.problem_thread_id ? { thread: b.problem_thread_id, text: b.problem_text ?? "" } : null,
    state: b.state,
    requestedBy: b.requester_name,
    messages: b.message_count,
    createdAt: b.created_at,
    acceptedAt: b.accepted_at,
    declinedAt: b.declined_at,
    resolvedAt: b.resolved_at,
  };
}

export const BoostMessageJson = z
  .object({
    id: Id,
    kind: z.enum(["message", "decline"]),
    body: z.string(),
    team: Named.nullable(),
    personName: z.string().nullable(),
    createdAt: Instant,
  })
  .meta({ id: "BoostMessage" });

export function boostMessageJson(m: BoostMessageRow): z.infer<typeof BoostMessageJson> {
  return {
    id: m.id,
    kind: m.kind,
    body: m.body,
    team: m.team_id ? { id: m.team_id, name: m.team_name ?? "" } : null,
    personName: m.person_name,
    createdAt: m.created_at,
  };
}

export const BoostPageJson = z
  .object({
    boost: BoostJson,
    messages: z.array(BoostMessageJson),
    actions: z
      .object({ accept: z.boolean(), decline: z.boolean(), message: z.boolean(), resolve: z.boolean() })
      .meta({ description: "What the caller may do now." }),
    ageMs: z.number().min(0),
    declinedByViewer: z.boolean().meta({ description: "Whether the caller's team already declined it." }),
  })
  .meta({ id: "BoostWithThread" });

/** GET /api/orgs/{org}/boosts/{id} and the answer of every step on a boost. */
export function boostPageJson(p: BoostPage): z.infer<typeof BoostPageJson> {
  return {
    boost: boostJson(p.boost),
    messages: p.messages.map(boostMessageJson),
    actions: p.actions,
    ageMs: p.ageMs,
    declinedByViewer: p.declinedByViewer,
  };
}

export const BoostsOverviewJson = z
  .object({
    today: Day,
    active: z.array(BoostJson).meta({ description: "Open first, then accepted; each oldest first." }),
    closed: z.array(BoostJson).meta({ description: "The latest resolved and declined boosts." }),
    timings: z.array(
      z.object({
        waveId: Id,
        waveName: z.string(),
        requested: z.int().min(0),
        accepted: z.int().min(0),
        resolved: z.int().min(0),
        medianToAcceptMs: z.number().nullable(),
        medianToResolveMs: z.number().nullable(),
      }),
    ),
    matrix: z
      .object({
        waveName: z.string().nullable(),
        requesters: z.array(Named),
        helpers: z.array(Named),
        counts: z.array(z.array(z.int().min(0))).meta({ description: "counts[requester][helper]: boosts accepted." }),
        max: z.int().min(0),
      })
      .meta({ description: "Who helped whom in the active wave (else the latest one)." }),
    form: z
      .object({
        teams: z.array(Named),
        objectives: z.array(z.object({ id: Id, title: z.string(), waveName: z.string() })),
        problems: z.array(z.object({ thread: Id, text: z.string(), weeksOpen: z.int().min(0) })),
      })
      .nullable()
      .meta({ description: "For a lead: what a new boost may name. Null for admins." }),
  })
  .meta({ id: "BoostsOverview" });

/** GET /api/orgs/{org}/boosts. */
export function boostsOverviewJson(o: BoostsOverview): z.infer<typeof BoostsOverviewJson> {
  return {
    today: o.today,
    active: o.active.map(boostJson),
    closed: o.closed.map(boostJson),
    timings: o.timings,
    matrix: {
      waveName: o.matrix.waveName,
      requesters: o.matrix.requesters.map((t) => ({ id: t.id, name: t.name })),
      helpers: o.matrix.helpers.map((t) => ({ id: t.id, name: t.name })),
      counts: o.matrix.counts,
      max: o.matrix.max,
    },
    form: o.form && {
      teams: o.form.teams,
      objectives: o.form.objectives.map((x) => ({ id: x.id, title: x.title, waveName: x.wave_name })),
      problems: o.form.problems,
    },
  };
}

export const ProblemBoostJson = z
  .object({ id: Id, state: BoostState, toTeamName: z.string().nullable(), helperTeamName: z.string().nullable() })
  .meta({ id: "ProblemBoost", description: "The latest boost asked for a PPP problem." });

export function problemBoostJson(b: ProblemBoostRow): z.infer<typeof ProblemBoostJson> {
  return { id: b.id, state: b.state, toTeamName: b.to_team_name, helperTeamName: b.helper_team_name };
}
