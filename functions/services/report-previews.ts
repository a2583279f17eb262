import { addDays, formatDay } from "../../src/domain/calendar";
import { pulseWeek } from "../../src/domain/pulse/weeks";
import { isId } from "../../src/schemas/fields";
import { liveLinkStatement } from "../db/pulse-links";
import { subscriptionStatement, type SubscriptionRow } from "../db/subscriptions";
import { teamPulseModeStatement, teamStatement } from "../db/teams";
import { batchPart, batchParts, joinParts, type BatchPart } from "../db/typed";
import { buildCampaignReportEmail } from "../email/campaign-report";
import { buildPulseReminderEmail } from "../email/pulse-reminder";
import type { BuiltEmail } from "../email/scorecard-report";
import { buildOrgReportEmail, buildTeamReportEmail } from "../email/weekly-reports";
import { requireAdmin, type OrgAccess } from "./access";
import { boardFromResults, boardStatements } from "./board";
import { teamBoostsPart } from "./boost-views";
import { campaignResultOfRow, newestCampaignSnapshotOf } from "./campaign-results";
import { conflict, notFound, validationFailed } from "./errors";
import { enqueueEmail } from "./outbox";
import { pppViewPart } from "./ppp";
import { subscriptionsFor, unsubscribeLink } from "./subscriptions";
import { randomToken } from "./tokens";
import { orgReportModel, reportDataPart, teamReportModel } from "./weekly-reports";

export const PREVIEW_KINDS = ["org_report", "team_report", "pulse_reminder", "campaign_report"] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

export interface ReportPreview {
  kind: PreviewKind;
  email: BuiltEmail;
  headers: Record<string, string>;
}

/**
 * Any report as its recipient would get it this week, for an admin to look at (and send to
 * themselves). The unsubscribe link is the admin's own for that kind of email. One round trip
 * (see previewPart).
 */
export async function previewReport(
  db: D1Database,
  access: OrgAccess,
  kind: string,
  teamId: string | null,
  origin: string,
  now: Date,
): Promise<ReportPreview> {
  const [preview] = await batchParts(db, [previewPart(db, access, kind, teamId, origin, now)]);
  return preview;
}

/**
 * The preview's reads for a caller's batch (the reports page adds its own): whatever the kind,
 * one round trip. Refusals (not an admin, an unknown kind or team, no campaign, no wave) come
 * before anything is written; the first preview of a kind then stores the admin's
 * subscription row, once, so its unsubscribe link works.
 */
export function previewPart(
  db: D1Database,
  access: OrgAccess,
  kind: string,
  teamId: string | null,
  origin: string,
  now: Date,
): BatchPart<Promise<ReportPreview>> {
  requireAdmin(access);
  if (!(PREVIEW_KINDS as readonly string[]).includes(kind))
    throw validationFailed([{ field: "kind", issue: "Choose the org report, a team report, the pulse reminder or the campaign report." }]);
  const k = kind as PreviewKind;
  const orgId = access.org.id;
  const subscription = batchPart([subscriptionStatement(db, orgId, access.viewer.email, k)] as const, ([rows]) => rows.results[0] ?? null);
  const unsubscribeFor = async (stored: SubscriptionRow | null) => {
    const token =
      stored?.token ??
      (await subscriptionsFor(db, orgId, [{ email: access.viewer.email, kind: k }], now)).get(`${access.viewer.email}|${k}`)?.token ??
      randomToken(16);
    return unsubscribeLink(origin, token);
  };
  if (k === "campaign_report") {
    return settled(
      joinParts(
        [batchPart([newestCampaignSnapshotOf(db, orgId)] as const, ([rows]) => rows.results[0] ?? null), subscription],
        async ([latest, sub]) => {
          if (!latest) throw conflict("The org has not run a Scorecard campaign yet: open one on the Campaigns page.");
          const result = await campaignResultOfRow(db, access.org, latest, now);
          const unsubscribe = await unsubscribeFor(sub);
          return {
            kind: k,
            email: buildCampaignReportEmail(
              result,
              access.org.name,
              `${origin}/o/${access.org.slug}/results?campaign=${latest.id}`,
              unsubscribe.url,
            ),
            headers: unsubscribe.headers,
          };
        },
      ),
    );
  }
  if (k === "org_report") {
    return settled(
      joinParts([reportDataPart(db, access, now), subscription], async ([data, sub]) => {
        const model = orgReportModel(await data, access.org, origin);
        if (!model) throw conflict("No wave is running, so there is no report this week.");
        const unsubscribe = await unsubscribeFor(sub);
        return { kind: k, email: buildOrgReportEmail(model, unsubscribe.url), headers: unsubscribe.headers };
      }),
    );
  }
  // A team's email: another org's team (or none) is 404 before anything else is made of the reads.
  const team = teamId ?? "";
  if (!isId(team)) throw notFound("That team");
  const teamPart = batchPart([teamStatement(db, orgId, team)] as const, ([rows]) => {
    const row = rows.results[0];
    if (!row) throw notFound("That team");
    return row;
  });
  if (k === "pulse_reminder") {
    // A preview never mints a personal link: each one is a vote, and an admin must not hold spares.
    return settled(
      joinParts(
        [
          teamPart,
          batchPart([liveLinkStatement(db, orgId, team), teamPulseModeStatement(db, orgId, team)] as const, (r) => r),
          batchPart(boardStatements(db, orgId), (r) => boardFromResults(db, access, r, now)),
          subscription,
        ],
        async ([t, [link, mode], board, sub]) => {
          const token = link.results[0]?.token;
          const personal = mode.results[0]?.pulse_mode === "personal";
          if (!token && !personal) throw conflict(`${t.name} has no pulse link yet: create it on the team's page first.`);
          const view = await board;
          const week = pulseWeek(now, access.org.time_zone);
          const objectives = view.board?.teams.find((x) => x.id === t.id)?.objectives.map((o) => o.title) ?? [];
          const unsubscribe = await unsubscribeFor(sub);
          const email = buildPulseReminderEmail({
            orgName: access.org.name,
            teamName: t.name,
            weekLabel: `${formatDay(week)} – ${formatDay(addDays(week, 6), true)}`,
            objectives,
            pulseUrl: personal ? `${origin}/p/(each-address-gets-its-own-link-on-voting-day)` : `${origin}/p/${token}`,
            personal,
            k: access.org.anonymity_k,
            unsubscribeUrl: unsubscribe.url,
          });
          return { kind: k, email, headers: unsubscribe.headers };
        },
      ),
    );
  }
  return settled(
    joinParts(
      [
        teamPart,
        reportDataPart(db, access, now),
        pppViewPart(db, access, team, null, now),
        teamBoostsPart(db, access, team, now),
        subscription,
      ],
      async ([t, data, ppp, boosts, sub]) => {
        const model = teamReportModel(await data, access.org, t.id, origin, { ppp, boosts: boosts.boosts });
        if (!model) throw conflict("No wave is running, so there is no report this week.");
        const unsubscribe = await unsubscribeFor(sub);
        return { kind: k, email: buildTeamReportEmail(model, unsubscribe.url), headers: unsubscribe.headers };
      },
    ),
  );
}

/** A part whose refusal (thrown while its results are read) comes back as the rejected promise. */
function settled<T>(part: BatchPart<Promise<T>>): BatchPart<Promise<T>> {
  return {
    statements: part.statements,
    finish: (results) => {
      try {
        return part.finish(results);
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

/** Sends the preview to the admin now, through the outbox like every email. */
export async function sendPreviewToMe(
  db: D1Database,
  access: OrgAccess,
  kind: string,
  teamId: string | null,
  origin: string,
  now: Date,
): Promise<number> {
  const preview = await previewReport(db, access, kind, teamId, origin, now);
  const row = await enqueueEmail(
    db,
    {
      idempotencyKey: `preview:${preview.kind}:${access.org.id}:${access.viewer.personId}:${randomToken(8)}`,
      kind: preview.kind,
      to: access.viewer.email,
      headers: preview.headers,
      ...preview.email,
    },
    now,
  );
  return row.id;
}
