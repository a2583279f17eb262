import { addDays, formatDay } from "../../src/domain/calendar";
import { pulseWeek } from "../../src/domain/pulse/weeks";
import { findLiveLink } from "../db/pulse-links";
import { findTeamPulseMode } from "../db/teams";
import { buildCampaignReportEmail } from "../email/campaign-report";
import { buildPulseReminderEmail } from "../email/pulse-reminder";
import type { BuiltEmail } from "../email/scorecard-report";
import { buildOrgReportEmail, buildTeamReportEmail } from "../email/weekly-reports";
import { requireAdmin, type OrgAccess } from "./access";
import { getBoard } from "./board";
import { getCampaignResult } from "./campaign-results";
import { getCampaignsOverview } from "./campaigns";
import { conflict, validationFailed } from "./errors";
import { enqueueEmail } from "./outbox";
import { subscriptionsFor, unsubscribeLink, type SubscriptionKind } from "./subscriptions";
import { getTeam } from "./teams";
import { randomToken } from "./tokens";
import { getTeamBoosts } from "./boost-views";
import { getPpp } from "./ppp";
import { orgReportModel, readReportData, teamReportModel } from "./weekly-reports";

export const PREVIEW_KINDS = ["org_report", "team_report", "pulse_reminder", "campaign_report"] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

export interface ReportPreview {
  kind: PreviewKind;
  email: BuiltEmail;
  headers: Record<string, string>;
}

/**
 * Any report as its recipient would get it this week, for an admin to look at (and send to
 * themselves). The unsubscribe link is the admin's own for that kind of email.
 */
export async function previewReport(
  db: D1Database,
  access: OrgAccess,
  kind: string,
  teamId: string | null,
  origin: string,
  now: Date,
): Promise<ReportPreview> {
  requireAdmin(access);
  if (!(PREVIEW_KINDS as readonly string[]).includes(kind))
    throw validationFailed([{ field: "kind", issue: "Choose the org report, a team report, the pulse reminder or the campaign report." }]);
  const k = kind as PreviewKind;
  // Every refusal (unknown team, no campaign, no wave) comes before the admin's subscription
  // row is created: a refused request writes nothing.
  const unsubscribeFor = async () => {
    const subs = await subscriptionsFor(db, access.org.id, [{ email: access.viewer.email, kind: k as SubscriptionKind }], now);
    return unsubscribeLink(origin, subs.get(`${access.viewer.email}|${k}`)?.token ?? randomToken(16));
  };
  if (k === "campaign_report") {
    const { campaigns } = await getCampaignsOverview(db, access, now);
    const latest = campaigns[0];
    if (!latest) throw conflict("The org has not run a Scorecard campaign yet: open one on the Campaigns page.");
    const result = await getCampaignResult(db, access.org, latest.id, now);
    const unsubscribe = await unsubscribeFor();
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
  }
  if (k === "pulse_reminder") {
    // A preview never mints a personal link: each one is a vote, and an admin must not hold spares.
    const team = await getTeam(db, access, teamId ?? "");
    const [link, mode, view] = await Promise.all([
      findLiveLink(db, access.org.id, team.id),
      findTeamPulseMode(db, access.org.id, team.id),
      getBoard(db, access, now),
    ]);
    const personal = mode === "personal";
    if (!link && !personal) throw conflict(`${team.name} has no pulse link yet: create it on the team's page first.`);
    const week = pulseWeek(now, access.org.time_zone);
    const objectives = view.board?.teams.find((t) => t.id === team.id)?.objectives.map((o) => o.title) ?? [];
    const unsubscribe = await unsubscribeFor();
    const email = buildPulseReminderEmail({
      orgName: access.org.name,
      teamName: team.name,
      weekLabel: `${formatDay(week)} – ${formatDay(addDays(week, 6), true)}`,
      objectives,
      pulseUrl: personal ? `${origin}/p/(each-address-gets-its-own-link-on-voting-day)` : `${origin}/p/${link!.token}`,
      personal,
      k: access.org.anonymity_k,
      unsubscribeUrl: unsubscribe.url,
    });
    return { kind: k, email, headers: unsubscribe.headers };
  }
  if (k === "org_report") {
    const model = orgReportModel(await readReportData(db, access, now), access.org, origin);
    if (!model) throw conflict("No wave is running, so there is no report this week.");
    const unsubscribe = await unsubscribeFor();
    return { kind: k, email: buildOrgReportEmail(model, unsubscribe.url), headers: unsubscribe.headers };
  }
  const team = await getTeam(db, access, teamId ?? "");
  const data = await readReportData(db, access, now);
  const [ppp, boosts] = await Promise.all([getPpp(db, access, team.id, null, now), getTeamBoosts(db, access, team.id, now)]);
  const model = teamReportModel(data, access.org, team.id, origin, { ppp, boosts: boosts.boosts });
  if (!model) throw conflict("No wave is running, so there is no report this week.");
  const unsubscribe = await unsubscribeFor();
  return { kind: k, email: buildTeamReportEmail(model, unsubscribe.url), headers: unsubscribe.headers };
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
