/**
 * Every route of the JSON API with what it takes and what it answers: the table the OpenAPI
 * document (/api/openapi.json) and the reference page (/api/docs) are built from. Request
 * bodies are the zod schemas the services validate with; answers are the presenters' schemas
 * (functions/api/*-json.ts). functions/api/contract/document.test.ts fails when a route of the
 * app is missing here or listed here but not served, and checks real answers against it.
 */
import { z } from "zod";
import { apiTokenSchema } from "../../../src/schemas/api-tokens";
import { boostDeclineSchema, boostMessageSchema, boostSchema } from "../../../src/schemas/boosts";
import { openCampaignSchema, shareLinkSchema } from "../../../src/schemas/campaigns";
import {
  checkInSchema,
  carryOverSchema,
  keyResultSchema,
  orgObjectiveSchema,
  reflectionSchema,
  teamObjectiveSchema,
  waveSchema,
} from "../../../src/schemas/okr";
import { createOrgSchema, inviteSchema, orgSettingsSchema, signInSchema, teamSchema } from "../../../src/schemas/org";
import { pppSchema } from "../../../src/schemas/ppp";
import { anonymityKSchema, pulseModeSchema, voteSubmissionSchema } from "../../../src/schemas/pulse";
import { reportScheduleSchema, reportSendSchema } from "../../../src/schemas/report-settings";
import { teamAddressesSchema } from "../../../src/schemas/addresses";
import { scorecardEmailSchema, scorecardSubmissionSchema } from "../../../src/schemas/scorecard";
import { webhookEndpointSchema } from "../../../src/schemas/webhooks";
import { chatChannelSchema } from "../../../src/schemas/chat";
import { ChatChannelJson, ChatChannelsJson, ChatTestJson } from "../chat-channel-json";
import { BoardJson } from "../board-json";
import { BoostPageJson, BoostsOverviewJson } from "../boost-json";
import { CampaignJson, CampaignsJson, NewShareLinkJson, ResultsJson, ShareLinksJson } from "../campaign-json";
import { ApiTokensJson, NewApiTokenJson, NewWebhookEndpointJson, WebhookDeliveryJson, WebhookEndpointsJson } from "../integration-json";
import { TeamJson, TeamsOverviewJson, WaveJson, WaveListJson, WavePlanJson } from "../okr-json";
import { ActionsJson, AddressesJson, OrgJson, ReportPreviewJson, ReportScheduleJson } from "../org-json";
import { PppSavedJson, PppSummaryJson, TeamPppJson } from "../ppp-json";
import { OrgPulseJson, PulseLinkJson, PulseModeJson, PulsePageJson, TeamPulseJson, VoteOutcomeJson } from "../pulse-json";
import { BenchmarkJson, ScorecardResultJson, StatementsJson } from "../scorecard-json";
import { TeamPageJson } from "../team-page-json";
import { Created, Message, Queued } from "./common";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call it: anyone; a member of the org by session cookie or API token (read-only
 * tokens only on GET); a signed-in admin's session only (managing tokens, webhooks and the
 * org's chat channel); or a signed-in session of the team's lead or an admin (a team's chat
 * channel).
 */
export type Access = "public" | "member" | "admin" | "admin-session" | "member-session";

export interface Answer {
  status: 200 | 201 | 202 | 204 | 304;
  description: string;
  /** JSON body; absent for an empty body. */
  schema?: z.ZodType;
  /** A body that is not JSON (the CSV export). */
  media?: string;
}

export interface Operation {
  method: Method;
  /** Hono's pattern, as app.routes lists it. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  query?: Record<string, { description: string; schema?: z.ZodType }>;
  headers?: Record<string, string>;
  body?: z.ZodType;
  answers: Answer[];
  /** Error statuses beyond the ones every route of its kind can answer (see document.ts). */
  errors?: number[];
  /** The request is rate limited per client (429 with Retry-After). */
  rateLimited?: boolean;
}

const ok = (schema: z.ZodType, description = "OK"): Answer => ({ status: 200, description, schema });
const created = (schema: z.ZodType, description = "Created"): Answer => ({ status: 201, description, schema });
const none = (description = "Done; no body."): Answer => ({ status: 204, description });
const queued: Answer = { status: 202, description: "Queued: the email goes out within a minute.", schema: Queued };
const waveQuery = { wave: { description: "A wave id; the active wave (else the newest) when absent." } };
const weekQuery = { week: { description: "Any day of the week wanted (YYYY-MM-DD); this week when absent." } };
const emptyBody = z.object({}).meta({ description: "An empty JSON object." });

const o = "/api/orgs/:org";

export const OPERATIONS: Operation[] = [
  // Public
  {
    method: "GET",
    path: "/api/health",
    tag: "Public",
    summary: "Liveness",
    access: "public",
    answers: [ok(z.object({ ok: z.literal(true) }))],
  },
  {
    method: "GET",
    path: "/api/openapi.json",
    tag: "Public",
    summary: "This OpenAPI 3.1 document",
    access: "public",
    answers: [ok(z.looseObject({ openapi: z.string() }))],
  },
  {
    method: "GET",
    path: "/api/scorecard/statements",
    tag: "Scorecard",
    summary: "The Scorecard's statements, dimensions and answer scale",
    access: "public",
    answers: [ok(StatementsJson)],
  },
  {
    method: "POST",
    path: "/api/scorecard/results",
    tag: "Scorecard",
    summary: "Submit answers and get the result",
    description: "Resubmitting the same submissionId answers 200 with the result first stored.",
    access: "public",
    rateLimited: true,
    body: scorecardSubmissionSchema,
    answers: [created(ScorecardResultJson, "Stored"), ok(ScorecardResultJson, "Already stored (same submissionId)")],
  },
  {
    method: "GET",
    path: "/api/scorecard/results/:id",
    tag: "Scorecard",
    summary: "A result",
    access: "public",
    answers: [ok(ScorecardResultJson)],
    errors: [404],
  },
  {
    method: "POST",
    path: "/api/scorecard/results/:id/email",
    tag: "Scorecard",
    summary: "Email the result report",
    access: "public",
    rateLimited: true,
    body: scorecardEmailSchema,
    answers: [queued],
    errors: [404],
  },
  {
    method: "GET",
    path: "/api/scorecard/benchmark",
    tag: "Scorecard",
    summary: "Mean scores over every result (from 30 results)",
    access: "public",
    answers: [ok(BenchmarkJson)],
  },
  {
    method: "POST",
    path: "/api/sign-in",
    tag: "Accounts",
    summary: "Email a sign-in link",
    description: "Answers the same whether or not the address has an account.",
    access: "public",
    rateLimited: true,
    body: signInSchema,
    answers: [{ status: 202, description: "Sent if the address has an account", schema: Message }],
  },
  {
    method: "POST",
    path: "/api/orgs",
    tag: "Accounts",
    summary: "Create an organisation (by emailed link)",
    access: "public",
    rateLimited: true,
    body: createOrgSchema,
    answers: [{ status: 202, description: "The link is on its way", schema: Message }],
  },
  {
    method: "GET",
    path: "/api/pulse/:token",
    tag: "Pulse (anonymous)",
    summary: "The pulse a link opens",
    access: "public",
    headers: { "Pulse-Credential": "Credentials a first vote handed out, comma-separated (optional)." },
    answers: [ok(PulsePageJson)],
    errors: [404, 410],
  },
  {
    method: "POST",
    path: "/api/pulse/:token/votes",
    tag: "Pulse (anonymous)",
    summary: "Vote",
    description:
      "The first vote answers with a credential; send it in the Pulse-Credential header of later requests. A repeat of the same submissionId stores nothing and answers 200.",
    access: "public",
    rateLimited: true,
    headers: { "Pulse-Credential": "The credential of an earlier vote (optional)." },
    body: voteSubmissionSchema,
    answers: [created(VoteOutcomeJson, "Recorded"), ok(VoteOutcomeJson, "Already recorded")],
    errors: [404, 409, 410],
  },

  // The org
  { method: "GET", path: o, tag: "Org", summary: "The org and the caller's role", access: "member", answers: [ok(OrgJson)] },
  {
    method: "PATCH",
    path: o,
    tag: "Org",
    summary: "Rename the org, change its time zone",
    access: "admin",
    body: orgSettingsSchema,
    answers: [none()],
    errors: [409],
  },
  { method: "GET", path: `${o}/board`, tag: "Org", summary: "The wave board", access: "member", answers: [ok(BoardJson)] },
  {
    method: "GET",
    path: `${o}/actions`,
    tag: "Org",
    summary: "The caller's open items (Action Center)",
    access: "member",
    answers: [ok(ActionsJson)],
  },
  {
    method: "PUT",
    path: `${o}/anonymity`,
    tag: "Org",
    summary: "Set the anonymity threshold k for new waves and campaigns",
    access: "admin",
    body: anonymityKSchema,
    answers: [none()],
    errors: [409],
  },
  {
    method: "POST",
    path: `${o}/invites`,
    tag: "Org",
    summary: "Invite a team lead",
    access: "admin",
    body: inviteSchema,
    answers: [queued],
    errors: [409],
  },

  // Teams
  {
    method: "GET",
    path: `${o}/teams`,
    tag: "Teams",
    summary: "Teams with their leads",
    access: "member",
    answers: [ok(TeamsOverviewJson)],
  },
  {
    method: "POST",
    path: `${o}/teams`,
    tag: "Teams",
    summary: "Create a team",
    access: "admin",
    body: teamSchema,
    answers: [created(TeamJson)],
    errors: [409],
  },
  {
    method: "GET",
    path: `${o}/teams/:team`,
    tag: "Teams",
    summary: "What the team page shows",
    access: "member",
    query: waveQuery,
    answers: [ok(TeamPageJson)],
  },
  {
    method: "PATCH",
    path: `${o}/teams/:team`,
    tag: "Teams",
    summary: "Edit a team",
    access: "admin",
    body: teamSchema,
    answers: [none()],
    errors: [409],
  },

  // Waves and OKRs
  { method: "GET", path: `${o}/waves`, tag: "Waves and OKRs", summary: "Waves", access: "member", answers: [ok(WaveListJson)] },
  {
    method: "POST",
    path: `${o}/waves`,
    tag: "Waves and OKRs",
    summary: "Plan a wave (draft)",
    access: "admin",
    body: waveSchema,
    answers: [created(WaveJson)],
    errors: [409],
  },
  {
    method: "GET",
    path: `${o}/waves/:wave`,
    tag: "Waves and OKRs",
    summary: "A wave and its plan",
    access: "member",
    answers: [ok(WavePlanJson)],
  },
  {
    method: "PATCH",
    path: `${o}/waves/:wave`,
    tag: "Waves and OKRs",
    summary: "Edit a wave",
    access: "admin",
    body: waveSchema,
    answers: [none()],
    errors: [409],
  },
  {
    method: "POST",
    path: `${o}/waves/:wave/activate`,
    tag: "Waves and OKRs",
    summary: "Start a wave",
    access: "admin",
    body: emptyBody,
    answers: [none()],
    errors: [409],
  },
  {
    method: "POST",
    path: `${o}/waves/:wave/complete`,
    tag: "Waves and OKRs",
    summary: "Complete a wave",
    access: "admin",
    body: emptyBody,
    answers: [none()],
    errors: [409],
  },
  {
    method: "POST",
    path: `${o}/waves/:wave/objectives`,
    tag: "Waves and OKRs",
    summary: "Add an org objective",
    access: "admin",
    body: orgObjectiveSchema,
    answers: [created(Created)],
    errors: [409],
  },
  {
    method: "POST",
    path: `${o}/waves/:wave/team-objectives`,
    tag: "Waves and OKRs",
    summary: "Add a team objective laddering up to an org objective",
    access: "member",
    description: "The team's lead or an admin.",
    body: teamObjectiveSchema,
    answers: [created(Created)],
    errors: [409],
  },
  {
    method: "PUT",
    path: `${o}/waves/:wave/teams/:team/reflection`,
    tag: "Waves and OKRs",
    summary: "Save the team's end-of-wave reflection",
    access: "member",
    body: reflectionSchema,
    answers: [none()],
    errors: [409],
  },
  {
    method: "POST",
    path: `${o}/objectives/:objective/key-results`,
    tag: "Waves and OKRs",
    summary: "Add a key result",
    access: "member",
    body: keyResultSchema,
    answers: [{ status: 201, description: "Added; no body." }],
    errors: [409],
  },
  {
    method: "DELETE",
    path: `${o}/objectives/:objective`,
    tag: "Waves and OKRs",
    summary: "Remove an objective",
    access: "member",
    answers: [none()],
    errors: [409],
  },
  {
    method: "DELETE",
    path: `${o}/key-results/:kr`,
    tag: "Waves and OKRs",
    summary: "Remove a key result",
    access: "member",
    answers: [none()],
    errors: [409],
  },
  {
    method: "POST",
    path: `${o}/key-results/:kr/check-ins`,
    tag: "Waves and OKRs",
    summary: "Check in a key result's current value",
    description: "The common integration: a BI tool or CI job feeds a key result. The team's lead or an admin.",
    access: "member",
    body: checkInSchema,
    answers: [{ status: 201, description: "Checked in; no body." }],
    errors: [409],
  },
  {
    method: "POST",
    path: `${o}/carry-overs`,
    tag: "Waves and OKRs",
    summary: "Carry an objective over to another wave",
    access: "member",
    body: carryOverSchema,
    answers: [created(Created)],
    errors: [409],
  },

  // PPP
  {
    method: "GET",
    path: `${o}/ppp`,
    tag: "PPP",
    summary: "Leadership's weekly PPP summary",
    access: "admin",
    query: weekQuery,
    answers: [ok(PppSummaryJson)],
  },
  {
    method: "GET",
    path: `${o}/teams/:team/ppp`,
    tag: "PPP",
    summary: "The team's PPP of this week",
    access: "member",
    answers: [ok(TeamPppJson)],
  },
  {
    method: "GET",
    path: `${o}/teams/:team/ppp/:week`,
    tag: "PPP",
    summary: "The team's PPP of a week",
    access: "member",
    answers: [ok(TeamPppJson)],
  },
  {
    method: "PUT",
    path: `${o}/teams/:team/ppp/:week`,
    tag: "PPP",
    summary: "Save the week's PPP as a draft",
    access: "member",
    body: pppSchema,
    answers: [ok(PppSavedJson)],
  },
  {
    method: "POST",
    path: `${o}/teams/:team/ppp/:week/submit`,
    tag: "PPP",
    summary: "Submit (publish) the week's PPP",
    access: "member",
    body: pppSchema,
    answers: [ok(PppSavedJson)],
  },

  // Boosts
  {
    method: "GET",
    path: `${o}/boosts`,
    tag: "Boosts",
    summary: "Every boost request with time-to-help",
    access: "member",
    answers: [ok(BoostsOverviewJson)],
  },
  {
    method: "POST",
    path: `${o}/boosts`,
    tag: "Boosts",
    summary: "Ask another team (or any team) for a boost",
    access: "member",
    description: "A team lead asks for their own team.",
    body: boostSchema,
    answers: [created(BoostPageJson)],
  },
  {
    method: "GET",
    path: `${o}/boosts/:boost`,
    tag: "Boosts",
    summary: "A boost and its thread",
    access: "member",
    answers: [ok(BoostPageJson)],
  },
  {
    method: "POST",
    path: `${o}/boosts/:boost/accept`,
    tag: "Boosts",
    summary: "Accept a boost",
    access: "member",
    body: emptyBody,
    answers: [ok(BoostPageJson)],
    errors: [409],
  },
  {
    method: "POST",
    path: `${o}/boosts/:boost/decline`,
    tag: "Boosts",
    summary: "Decline a boost, saying why",
    access: "member",
    body: boostDeclineSchema,
    answers: [ok(BoostPageJson)],
    errors: [409],
  },
  {
    method: "POST",
    path: `${o}/boosts/:boost/messages`,
    tag: "Boosts",
    summary: "Reply in a boost's thread",
    access: "member",
    body: boostMessageSchema,
    answers: [created(BoostPageJson)],
    errors: [409],
  },
  {
    method: "POST",
    path: `${o}/boosts/:boost/resolve`,
    tag: "Boosts",
    summary: "Mark a boost resolved",
    access: "member",
    body: emptyBody,
    answers: [ok(BoostPageJson)],
    errors: [409],
  },

  // Pulse
  {
    method: "GET",
    path: `${o}/pulse`,
    tag: "Pulse",
    summary: "The org's confidence heat maps (published weeks, suppressed below k)",
    access: "member",
    query: waveQuery,
    answers: [ok(OrgPulseJson)],
  },
  {
    method: "GET",
    path: `${o}/pulse.csv`,
    tag: "Pulse",
    summary: "The same figures as CSV",
    access: "member",
    query: waveQuery,
    answers: [
      { status: 200, description: "CSV, one row per team (or objective) and week; suppressed cells stay empty.", media: "text/csv" },
    ],
  },
  {
    method: "GET",
    path: `${o}/teams/:team/pulse`,
    tag: "Pulse",
    summary: "A team's heat map and the comments its threshold allows",
    access: "member",
    query: waveQuery,
    answers: [ok(TeamPulseJson)],
  },
  {
    method: "GET",
    path: `${o}/teams/:team/pulse-link`,
    tag: "Pulse",
    summary: "The team's shared pulse link",
    access: "member",
    answers: [ok(PulseLinkJson)],
  },
  {
    method: "POST",
    path: `${o}/teams/:team/pulse-link`,
    tag: "Pulse",
    summary: "Make a new shared link (the old one stops working)",
    access: "member",
    body: emptyBody,
    answers: [created(PulseLinkJson)],
    errors: [409],
  },
  {
    method: "DELETE",
    path: `${o}/teams/:team/pulse-link`,
    tag: "Pulse",
    summary: "Revoke the shared link",
    access: "member",
    answers: [none()],
    errors: [409],
  },
  {
    method: "GET",
    path: `${o}/teams/:team/pulse-mode`,
    tag: "Pulse",
    summary: "Shared link or personal links",
    access: "member",
    answers: [ok(PulseModeJson)],
  },
  {
    method: "PUT",
    path: `${o}/teams/:team/pulse-mode`,
    tag: "Pulse",
    summary: "Switch between shared and personal links (between waves only)",
    access: "member",
    body: pulseModeSchema,
    answers: [ok(PulseModeJson)],
    errors: [409],
  },
  {
    method: "GET",
    path: `${o}/teams/:team/addresses`,
    tag: "Pulse",
    summary: "The team's pulse-reminder list",
    access: "member",
    answers: [ok(AddressesJson)],
  },
  {
    method: "PUT",
    path: `${o}/teams/:team/addresses`,
    tag: "Pulse",
    summary: "Replace the team's pulse-reminder list",
    access: "member",
    body: teamAddressesSchema,
    answers: [ok(AddressesJson)],
  },

  // Reports
  {
    method: "GET",
    path: `${o}/report-schedule`,
    tag: "Reports",
    summary: "When reports and reminders go out",
    access: "admin",
    answers: [ok(ReportScheduleJson)],
  },
  {
    method: "PUT",
    path: `${o}/report-schedule`,
    tag: "Reports",
    summary: "Change the schedule",
    access: "admin",
    body: reportScheduleSchema,
    answers: [none()],
  },
  {
    method: "GET",
    path: `${o}/reports/:kind/preview`,
    tag: "Reports",
    summary: "Preview an email as it would go out now",
    access: "member",
    query: { team: { description: "A team id, for the team report." } },
    answers: [ok(ReportPreviewJson)],
  },
  {
    method: "POST",
    path: `${o}/reports/:kind/send`,
    tag: "Reports",
    summary: "Send the preview to me",
    access: "member",
    body: reportSendSchema,
    answers: [queued],
  },

  // Campaigns
  {
    method: "GET",
    path: `${o}/campaigns`,
    tag: "Scorecard campaigns",
    summary: "Campaigns",
    access: "member",
    answers: [ok(CampaignsJson)],
  },
  {
    method: "POST",
    path: `${o}/campaigns`,
    tag: "Scorecard campaigns",
    summary: "Open a campaign",
    access: "admin",
    body: openCampaignSchema,
    answers: [created(CampaignJson)],
    errors: [409],
  },
  {
    method: "POST",
    path: `${o}/campaigns/:campaign/close`,
    tag: "Scorecard campaigns",
    summary: "Close a campaign (emails the report)",
    access: "admin",
    body: emptyBody,
    answers: [none()],
    errors: [409],
  },
  {
    method: "GET",
    path: `${o}/results`,
    tag: "Scorecard campaigns",
    summary: "A campaign's suppressed result model",
    access: "member",
    query: { campaign: { description: "A campaign id; the latest when absent." } },
    headers: { "If-None-Match": "The ETag of an earlier answer: 304 when nothing published changed." },
    answers: [ok(ResultsJson), { status: 304, description: "Not modified" }],
  },
  {
    method: "GET",
    path: `${o}/share-links`,
    tag: "Scorecard campaigns",
    summary: "Read-only share links",
    access: "admin",
    answers: [ok(ShareLinksJson)],
  },
  {
    method: "POST",
    path: `${o}/share-links`,
    tag: "Scorecard campaigns",
    summary: "Create a share link for a closed campaign's result",
    access: "admin",
    body: shareLinkSchema,
    answers: [created(NewShareLinkJson)],
    errors: [409],
  },
  {
    method: "DELETE",
    path: `${o}/share-links/:link`,
    tag: "Scorecard campaigns",
    summary: "Revoke a share link",
    access: "admin",
    answers: [none()],
  },

  // Integrations
  {
    method: "GET",
    path: `${o}/api-tokens`,
    tag: "Integrations",
    summary: "API tokens with their last use",
    access: "admin-session",
    answers: [ok(ApiTokensJson)],
  },
  {
    method: "POST",
    path: `${o}/api-tokens`,
    tag: "Integrations",
    summary: "Create an API token (shown once)",
    access: "admin-session",
    body: apiTokenSchema,
    answers: [created(NewApiTokenJson)],
  },
  {
    method: "DELETE",
    path: `${o}/api-tokens/:token`,
    tag: "Integrations",
    summary: "Revoke an API token",
    access: "admin-session",
    answers: [none()],
  },
  {
    method: "GET",
    path: `${o}/webhooks`,
    tag: "Integrations",
    summary: "Webhook endpoints and their recent deliveries",
    access: "admin-session",
    answers: [ok(WebhookEndpointsJson)],
  },
  {
    method: "POST",
    path: `${o}/webhooks`,
    tag: "Integrations",
    summary: "Register a webhook endpoint (secret shown once)",
    description: "Deliveries follow Standard Webhooks: webhook-id, webhook-timestamp and webhook-signature (v1, HMAC-SHA256).",
    access: "admin-session",
    body: webhookEndpointSchema,
    answers: [created(NewWebhookEndpointJson)],
  },
  {
    method: "DELETE",
    path: `${o}/webhooks/:endpoint`,
    tag: "Integrations",
    summary: "Remove a webhook endpoint",
    access: "admin-session",
    answers: [none()],
  },
  {
    method: "POST",
    path: `${o}/webhooks/:endpoint/deliveries/:delivery/resend`,
    tag: "Integrations",
    summary: "Resend a delivery now (same webhook-id)",
    access: "admin-session",
    body: emptyBody,
    answers: [ok(WebhookDeliveryJson)],
  },
  {
    method: "GET",
    path: `${o}/chat-channels`,
    tag: "Integrations",
    summary: "The org's chat channel and the teams', by host only",
    access: "admin",
    answers: [ok(ChatChannelsJson)],
  },
  {
    method: "PUT",
    path: `${o}/chat-channel`,
    tag: "Integrations",
    summary: "Connect or replace the org's Slack or Teams channel (the weekly report's summary)",
    description:
      "url must be a Slack incoming webhook (https://hooks.slack.com/…) or a Teams Workflows webhook (https:// on a host ending in .logic.azure.com or .powerplatform.com).",
    access: "admin-session",
    body: chatChannelSchema,
    answers: [ok(ChatChannelJson)],
  },
  {
    method: "DELETE",
    path: `${o}/chat-channel`,
    tag: "Integrations",
    summary: "Remove the org's chat channel (the admins get the report by email again)",
    access: "admin-session",
    answers: [none()],
  },
  {
    method: "POST",
    path: `${o}/chat-channel/test`,
    tag: "Integrations",
    summary: "Post a test message to the org's channel now",
    description:
      "Answers 200 whether or not the channel took it; posted and error say which. The outcome shows as the channel's last error.",
    access: "admin-session",
    body: emptyBody,
    answers: [ok(ChatTestJson)],
  },
  {
    method: "GET",
    path: `${o}/teams/:team/chat-channel`,
    tag: "Integrations",
    summary: "A team's chat channel, by host only (404 when none)",
    access: "member",
    description: "The team's lead or an admin.",
    answers: [ok(ChatChannelJson)],
  },
  {
    method: "PUT",
    path: `${o}/teams/:team/chat-channel`,
    tag: "Integrations",
    summary: "Connect or replace a team's Slack or Teams channel (pulse reminders, boosts asked of the team)",
    description:
      "url must be a Slack incoming webhook (https://hooks.slack.com/…) or a Teams Workflows webhook (https:// on a host ending in .logic.azure.com or .powerplatform.com).",
    access: "member-session",
    body: chatChannelSchema,
    answers: [ok(ChatChannelJson)],
  },
  {
    method: "DELETE",
    path: `${o}/teams/:team/chat-channel`,
    tag: "Integrations",
    summary: "Remove a team's chat channel (its messages go by email again)",
    access: "member-session",
    answers: [none()],
  },
  {
    method: "POST",
    path: `${o}/teams/:team/chat-channel/test`,
    tag: "Integrations",
    summary: "Post a test message to a team's channel now",
    description: "Answers 200 whether or not the channel took it; posted and error say which.",
    access: "member-session",
    body: emptyBody,
    answers: [ok(ChatTestJson)],
  },
];
