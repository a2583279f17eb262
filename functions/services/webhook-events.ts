/**
 * The payloads of webhook events, built from what the services just wrote or read: each holds
 * only what the org's admins see on the pages (ids, names, values, states), never a vote, a
 * campaign answer, a respondent or a count that moves with one answer. Every service that
 * reports an event calls one of these after its change is stored; emitting never fails the change.
 */
import type { BoostListRow } from "../db/boosts";
import type { WaveRow } from "../db/waves";
import type { OrgAccess } from "./access";
import type { HeatMap } from "../../src/domain/pulse/heatmap";
import { emitWebhookEvent, webhookEventStatement } from "./webhooks";

const org = (access: OrgAccess) => ({ slug: access.org.slug, name: access.org.name });

function boostData(b: BoostListRow) {
  return {
    id: b.id,
    state: b.state,
    need: b.need,
    neededBy: b.needed_by,
    fromTeam: { id: b.from_team_id, name: b.from_team_name },
    toTeam: b.to_team_id ? { id: b.to_team_id, name: b.to_team_name } : null,
    helperTeam: b.helper_team_id ? { id: b.helper_team_id, name: b.helper_team_name } : null,
    objective: b.objective_id ? { id: b.objective_id, title: b.objective_title } : null,
  };
}

export type BoostEvent = "boost.created" | "boost.accepted" | "boost.declined" | "boost.resolved";

/** A boost changed; `key` tells repeated steps apart (a decline by each team of an "any team" request). */
export async function emitBoostEvent(
  db: D1Database,
  access: OrgAccess,
  type: BoostEvent,
  boost: BoostListRow,
  now: Date,
  extra: { declinedBy?: { id: string; name: string }; reason?: string } = {},
): Promise<void> {
  const key = `${boost.id}:${extra.declinedBy?.id ?? ""}`;
  await emitWebhookEvent(db, access.org.id, type, key, { org: org(access), boost: boostData(boost), ...extra }, now);
}

export async function emitWaveEvent(
  db: D1Database,
  access: OrgAccess,
  type: "wave.started" | "wave.completed",
  wave: Pick<WaveRow, "id" | "name" | "starts_on" | "ends_on">,
  now: Date,
): Promise<void> {
  // A wave reopened and completed again is a new completion: the instant is part of the key.
  await emitWebhookEvent(
    db,
    access.org.id,
    type,
    `${wave.id}:${now.toISOString()}`,
    { org: org(access), wave: { id: wave.id, name: wave.name, startsOn: wave.starts_on, endsOn: wave.ends_on } },
    now,
  );
}

export async function emitCheckInEvent(
  db: D1Database,
  access: OrgAccess,
  checkIn: {
    id: string;
    keyResultId: string;
    keyResultTitle: string;
    teamId: string | null;
    value: number;
    note: string;
    confidence: number | null;
  },
  now: Date,
): Promise<void> {
  await emitWebhookEvent(
    db,
    access.org.id,
    "kr.checked_in",
    checkIn.id,
    {
      org: org(access),
      keyResult: { id: checkIn.keyResultId, title: checkIn.keyResultTitle, teamId: checkIn.teamId },
      checkIn: {
        id: checkIn.id,
        value: checkIn.value,
        note: checkIn.note,
        confidence: checkIn.confidence,
        at: now.toISOString(),
        by: access.viewer.name,
      },
    },
    now,
  );
}

export async function emitPppSubmitted(
  db: D1Database,
  access: OrgAccess,
  team: { id: string; name: string },
  week: string,
  now: Date,
): Promise<void> {
  await emitWebhookEvent(db, access.org.id, "ppp.submitted", `${team.id}:${week}`, { org: org(access), team, week }, now);
}

export async function emitCampaignClosed(
  db: D1Database,
  access: OrgAccess,
  campaign: { id: string; name: string },
  now: Date,
): Promise<void> {
  await emitWebhookEvent(
    db,
    access.org.id,
    "campaign.closed",
    campaign.id,
    {
      org: org(access),
      campaign: {
        id: campaign.id,
        name: campaign.name,
        closedAt: now.toISOString(),
        results: `/o/${access.org.slug}/results?campaign=${campaign.id}`,
      },
    },
    now,
  );
}

/**
 * `pulse.week_published` for the weeks a read has just published, as statements for the batch
 * that stores them (one transaction: a reader that loses the race to publish queues nothing
 * either, since the message id is the same). The payload is the week's column of the org's
 * published heat map, exactly what GET /api/orgs/{org}/pulse shows for it: each team's cell and
 * the all-teams cell, suppressed cells as `{"state":"suppressed"}`, never a comment.
 */
export async function pulseWeekPublishedStatements(
  db: D1Database,
  orgId: string,
  waveId: string,
  weeks: readonly string[],
  published: { k: number; org: HeatMap },
  now: Date,
): Promise<D1PreparedStatement[]> {
  const statements: D1PreparedStatement[] = [];
  for (const week of weeks) {
    const i = published.org.weeks.indexOf(week);
    if (i < 0) continue;
    const data = {
      orgId,
      wave: { id: waveId },
      week,
      k: published.k,
      allTeams: published.org.total.cells[i],
      teams: published.org.rows.map((r) => ({ id: r.key, name: r.label, cell: r.cells[i] })),
    };
    statements.push(await webhookEventStatement(db, orgId, "pulse.week_published", `${waveId}:${week}`, data, now));
  }
  return statements;
}
