import { createApiToken } from "../../functions/services/api-tokens";
import { createBoost } from "../../functions/services/boosts";
import { connectOrgChannel, connectTeamChannel } from "../../functions/services/chat-channels";
import { createWebhookEndpoint, emitWebhookEvent } from "../../functions/services/webhooks";
import type { TestOrg } from "./org-fixtures";

/**
 * Every org-scoped API route with a request that is valid for the org it belongs to. The
 * cross-org test walks this list; a coverage test fails when the app has a route not listed
 * here, so a new route cannot skip the check.
 */
export interface OrgRouteCase {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Hono's route pattern, as app.routes lists it. */
  pattern: string;
  path: (o: TestOrg, ids: RouteIds) => string;
  body?: (o: TestOrg, ids: RouteIds) => unknown;
  /** True when the route's path parameters are not ids of org data (e.g. a report kind). */
  noIds?: boolean;
}

export interface RouteIds {
  keyResultId: string;
  boostId: string;
  campaignId: string;
  shareLinkId: string;
  /** An API token of the org (routeApiTokenId); a placeholder id when a test has none. */
  apiTokenId?: string;
  /** A webhook endpoint of the org and one delivery to it (routeWebhookIds). */
  webhookEndpointId?: string;
  webhookDeliveryId?: string;
}

/** A week from today (UTC): a valid "needed by" date whenever the tests run. */
const soon = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

/** A boost for the routes that name one: the first team asks the second, or any team. */
export async function routeBoostId(o: TestOrg, db: D1Database): Promise<string> {
  const boost = await createBoost(
    db,
    o.leads[0],
    { toTeamId: o.teamIds[1] ?? "any", need: "A second pair of eyes on the release", neededBy: soon(), objectiveId: o.teamObjectiveIds[0] },
    "https://mistvine.test",
    new Date(),
  );
  return boost.id;
}

/** An API token of the org for the routes that name one. */
export async function routeApiTokenId(o: TestOrg, db: D1Database): Promise<string> {
  return (await createApiToken(db, o.admin, { name: "Route fixture", scope: "read", expiresInDays: null }, new Date())).id;
}

/**
 * A webhook endpoint of the org with one queued delivery, for the routes that name them. It
 * listens to an event no route here emits, so walking the routes queues nothing more.
 */
export async function routeWebhookIds(o: TestOrg, db: D1Database): Promise<{ webhookEndpointId: string; webhookDeliveryId: string }> {
  const endpoint = await createWebhookEndpoint(
    db,
    o.admin,
    { url: "https://hooks.example.com/mistvine", events: ["pulse.week_published"] },
    new Date(),
  );
  // Due in a year: no flush sends it while the tests run.
  await emitWebhookEvent(
    db,
    o.admin.org.id,
    "pulse.week_published",
    "route-fixture",
    { fixture: true },
    new Date(Date.now() + 365 * 86_400_000),
  );
  const row = await db.prepare("SELECT id FROM webhook_deliveries WHERE endpoint_id = ?1").bind(endpoint.id).first<{ id: number }>();
  return { webhookEndpointId: endpoint.id, webhookDeliveryId: String(row?.id) };
}

/**
 * The org's chat channel and its first team's, for the routes that read, test or remove them.
 * A test that calls the test-message routes stubs the Worker's fetch: nothing may reach Slack.
 */
export async function routeChatChannels(o: TestOrg, db: D1Database): Promise<void> {
  const now = new Date();
  await connectOrgChannel(db, o.admin, { kind: "slack", url: "https://hooks.slack.com/services/T000/B000/route-org" }, now);
  await connectTeamChannel(db, o.admin, o.teamIds[0], { kind: "slack", url: "https://hooks.slack.com/services/T000/B000/route-team" }, now);
}

const org = (o: TestOrg) => `/api/orgs/${o.admin.org.slug}`;

export const ORG_API_ROUTES: OrgRouteCase[] = [
  { method: "GET", pattern: "/api/orgs/:org", path: (o) => org(o) },
  { method: "PATCH", pattern: "/api/orgs/:org", path: (o) => org(o), body: () => ({ name: "Renamed", timeZone: "UTC" }) },
  { method: "GET", pattern: "/api/orgs/:org/board", path: (o) => `${org(o)}/board` },
  { method: "GET", pattern: "/api/orgs/:org/actions", path: (o) => `${org(o)}/actions` },
  { method: "GET", pattern: "/api/orgs/:org/teams", path: (o) => `${org(o)}/teams` },
  { method: "POST", pattern: "/api/orgs/:org/teams", path: (o) => `${org(o)}/teams`, body: () => ({ name: "New team", declaredSize: 4 }) },
  { method: "GET", pattern: "/api/orgs/:org/teams/:team", path: (o) => `${org(o)}/teams/${o.teamIds[0]}` },
  {
    method: "PATCH",
    pattern: "/api/orgs/:org/teams/:team",
    path: (o) => `${org(o)}/teams/${o.teamIds[0]}`,
    body: () => ({ name: "Renamed team", declaredSize: 5 }),
  },
  {
    method: "POST",
    pattern: "/api/orgs/:org/invites",
    path: (o) => `${org(o)}/invites`,
    body: (o) => ({ teamId: o.teamIds[0], name: "Newbie", email: "newbie@example.com" }),
  },
  { method: "GET", pattern: "/api/orgs/:org/waves", path: (o) => `${org(o)}/waves` },
  {
    method: "POST",
    pattern: "/api/orgs/:org/waves",
    path: (o) => `${org(o)}/waves`,
    body: () => ({ name: "Next", startsOn: "2026-12-07", endsOn: "2026-12-20" }),
  },
  { method: "GET", pattern: "/api/orgs/:org/waves/:wave", path: (o) => `${org(o)}/waves/${o.waveId}` },
  {
    method: "PATCH",
    pattern: "/api/orgs/:org/waves/:wave",
    path: (o) => `${org(o)}/waves/${o.waveId}`,
    body: () => ({ name: "Renamed wave", startsOn: "2026-11-02", endsOn: "2026-11-29" }),
  },
  { method: "POST", pattern: "/api/orgs/:org/waves/:wave/activate", path: (o) => `${org(o)}/waves/${o.waveId}/activate`, body: () => ({}) },
  { method: "POST", pattern: "/api/orgs/:org/waves/:wave/complete", path: (o) => `${org(o)}/waves/${o.waveId}/complete`, body: () => ({}) },
  {
    method: "POST",
    pattern: "/api/orgs/:org/waves/:wave/objectives",
    path: (o) => `${org(o)}/waves/${o.waveId}/objectives`,
    body: () => ({ title: "Another objective", kind: "roofshot" }),
  },
  {
    method: "POST",
    pattern: "/api/orgs/:org/waves/:wave/team-objectives",
    path: (o) => `${org(o)}/waves/${o.waveId}/team-objectives`,
    body: (o) => ({ teamId: o.teamIds[0], parentId: o.orgObjectiveIds[0], title: "Team goal", rationale: "It moves the org objective." }),
  },
  {
    method: "PUT",
    pattern: "/api/orgs/:org/waves/:wave/teams/:team/reflection",
    path: (o) => `${org(o)}/waves/${o.waveId}/teams/${o.teamIds[0]}/reflection`,
    body: () => ({ worked: "Pairing.", change: "Plan earlier." }),
  },
  {
    method: "POST",
    pattern: "/api/orgs/:org/objectives/:objective/key-results",
    path: (o) => `${org(o)}/objectives/${o.teamObjectiveIds[0]}/key-results`,
    body: () => ({ title: "New KR", baseline: 0, target: 10 }),
  },
  { method: "DELETE", pattern: "/api/orgs/:org/objectives/:objective", path: (o) => `${org(o)}/objectives/${o.teamObjectiveIds[0]}` },
  { method: "DELETE", pattern: "/api/orgs/:org/key-results/:kr", path: (o, ids) => `${org(o)}/key-results/${ids.keyResultId}` },
  {
    method: "POST",
    pattern: "/api/orgs/:org/key-results/:kr/check-ins",
    path: (o, ids) => `${org(o)}/key-results/${ids.keyResultId}/check-ins`,
    body: () => ({ value: 12 }),
  },
  { method: "GET", pattern: "/api/orgs/:org/pulse", path: (o) => `${org(o)}/pulse` },
  { method: "GET", pattern: "/api/orgs/:org/pulse.csv", path: (o) => `${org(o)}/pulse.csv` },
  { method: "GET", pattern: "/api/orgs/:org/teams/:team/pulse", path: (o) => `${org(o)}/teams/${o.teamIds[0]}/pulse` },
  { method: "GET", pattern: "/api/orgs/:org/teams/:team/pulse-link", path: (o) => `${org(o)}/teams/${o.teamIds[0]}/pulse-link` },
  {
    method: "POST",
    pattern: "/api/orgs/:org/teams/:team/pulse-link",
    path: (o) => `${org(o)}/teams/${o.teamIds[0]}/pulse-link`,
    body: () => ({}),
  },
  { method: "DELETE", pattern: "/api/orgs/:org/teams/:team/pulse-link", path: (o) => `${org(o)}/teams/${o.teamIds[0]}/pulse-link` },
  { method: "GET", pattern: "/api/orgs/:org/teams/:team/pulse-mode", path: (o) => `${org(o)}/teams/${o.teamIds[0]}/pulse-mode` },
  {
    method: "PUT",
    pattern: "/api/orgs/:org/teams/:team/pulse-mode",
    path: (o) => `${org(o)}/teams/${o.teamIds[0]}/pulse-mode`,
    body: () => ({ mode: "personal" }),
  },
  { method: "PUT", pattern: "/api/orgs/:org/anonymity", path: (o) => `${org(o)}/anonymity`, body: () => ({ anonymityK: 4 }) },
  { method: "GET", pattern: "/api/orgs/:org/report-schedule", path: (o) => `${org(o)}/report-schedule` },
  {
    method: "PUT",
    pattern: "/api/orgs/:org/report-schedule",
    path: (o) => `${org(o)}/report-schedule`,
    body: () => ({ reportWeekday: 2, reportHour: 8, pulseWeekday: 3 }),
  },
  { method: "GET", pattern: "/api/orgs/:org/reports/:kind/preview", path: (o) => `${org(o)}/reports/org_report/preview`, noIds: true },
  {
    method: "POST",
    pattern: "/api/orgs/:org/reports/:kind/send",
    path: (o) => `${org(o)}/reports/org_report/send`,
    body: () => ({}),
    noIds: true,
  },
  { method: "GET", pattern: "/api/orgs/:org/teams/:team/addresses", path: (o) => `${org(o)}/teams/${o.teamIds[0]}/addresses` },
  {
    method: "PUT",
    pattern: "/api/orgs/:org/teams/:team/addresses",
    path: (o) => `${org(o)}/teams/${o.teamIds[0]}/addresses`,
    body: () => ({ addresses: "someone@example.com" }),
  },
  {
    method: "POST",
    pattern: "/api/orgs/:org/carry-overs",
    path: (o) => `${org(o)}/carry-overs`,
    body: (o) => ({ objectiveId: o.teamObjectiveIds[0], targetWaveId: o.waveId }),
  },
  { method: "GET", pattern: "/api/orgs/:org/ppp", path: (o) => `${org(o)}/ppp?week=2026-11-16` },
  { method: "GET", pattern: "/api/orgs/:org/teams/:team/ppp", path: (o) => `${org(o)}/teams/${o.teamIds[0]}/ppp` },
  { method: "GET", pattern: "/api/orgs/:org/teams/:team/ppp/:week", path: (o) => `${org(o)}/teams/${o.teamIds[0]}/ppp/2026-11-16` },
  {
    method: "PUT",
    pattern: "/api/orgs/:org/teams/:team/ppp/:week",
    path: (o) => `${org(o)}/teams/${o.teamIds[0]}/ppp/2026-11-16`,
    body: () => ({ progress: [{ text: "Shipped the retry banner" }] }),
  },
  {
    method: "POST",
    pattern: "/api/orgs/:org/teams/:team/ppp/:week/submit",
    path: (o) => `${org(o)}/teams/${o.teamIds[0]}/ppp/2026-11-16/submit`,
    body: () => ({ problems: [{ text: "No staging environment" }] }),
  },
  { method: "GET", pattern: "/api/orgs/:org/boosts", path: (o) => `${org(o)}/boosts` },
  {
    method: "POST",
    pattern: "/api/orgs/:org/boosts",
    path: (o) => `${org(o)}/boosts`,
    body: (o) => ({ toTeamId: "any", need: "Review our rollout plan", neededBy: soon(), objectiveId: o.teamObjectiveIds[0] }),
  },
  { method: "GET", pattern: "/api/orgs/:org/boosts/:boost", path: (o, ids) => `${org(o)}/boosts/${ids.boostId}` },
  {
    method: "POST",
    pattern: "/api/orgs/:org/boosts/:boost/accept",
    path: (o, ids) => `${org(o)}/boosts/${ids.boostId}/accept`,
    body: () => ({}),
  },
  {
    method: "POST",
    pattern: "/api/orgs/:org/boosts/:boost/decline",
    path: (o, ids) => `${org(o)}/boosts/${ids.boostId}/decline`,
    body: () => ({ reason: "No capacity this week." }),
  },
  {
    method: "POST",
    pattern: "/api/orgs/:org/boosts/:boost/messages",
    path: (o, ids) => `${org(o)}/boosts/${ids.boostId}/messages`,
    body: () => ({ body: "Which release?" }),
  },
  {
    method: "POST",
    pattern: "/api/orgs/:org/boosts/:boost/resolve",
    path: (o, ids) => `${org(o)}/boosts/${ids.boostId}/resolve`,
    body: () => ({}),
  },
  { method: "GET", pattern: "/api/orgs/:org/campaigns", path: (o) => `${org(o)}/campaigns` },
  {
    method: "POST",
    pattern: "/api/orgs/:org/campaigns",
    path: (o) => `${org(o)}/campaigns`,
    body: (o) => ({ name: "Another campaign", waveId: o.waveId }),
  },
  {
    method: "POST",
    pattern: "/api/orgs/:org/campaigns/:campaign/close",
    path: (o, ids) => `${org(o)}/campaigns/${ids.campaignId}/close`,
    body: () => ({}),
  },
  { method: "GET", pattern: "/api/orgs/:org/results", path: (o, ids) => `${org(o)}/results?campaign=${ids.campaignId}` },
  { method: "GET", pattern: "/api/orgs/:org/share-links", path: (o) => `${org(o)}/share-links` },
  {
    method: "POST",
    pattern: "/api/orgs/:org/share-links",
    path: (o) => `${org(o)}/share-links`,
    body: (_o, ids) => ({ campaignId: ids.campaignId, expiresInDays: 30 }),
  },
  { method: "DELETE", pattern: "/api/orgs/:org/share-links/:link", path: (o, ids) => `${org(o)}/share-links/${ids.shareLinkId}` },
  { method: "GET", pattern: "/api/orgs/:org/api-tokens", path: (o) => `${org(o)}/api-tokens` },
  {
    method: "POST",
    pattern: "/api/orgs/:org/api-tokens",
    path: (o) => `${org(o)}/api-tokens`,
    body: () => ({ name: "Nightly sync", scope: "write", expiresInDays: 30 }),
  },
  {
    method: "DELETE",
    pattern: "/api/orgs/:org/api-tokens/:token",
    path: (o, ids) => `${org(o)}/api-tokens/${ids.apiTokenId ?? "AAAAAAAAAAAAAAAAAAAAAA"}`,
  },
  { method: "GET", pattern: "/api/orgs/:org/webhooks", path: (o) => `${org(o)}/webhooks` },
  {
    method: "POST",
    pattern: "/api/orgs/:org/webhooks",
    path: (o) => `${org(o)}/webhooks`,
    body: () => ({ url: "https://hooks.example.com/new", events: ["boost.created"] }),
  },
  {
    method: "DELETE",
    pattern: "/api/orgs/:org/webhooks/:endpoint",
    path: (o, ids) => `${org(o)}/webhooks/${ids.webhookEndpointId ?? "AAAAAAAAAAAAAAAAAAAAAA"}`,
  },
  {
    method: "POST",
    pattern: "/api/orgs/:org/webhooks/:endpoint/deliveries/:delivery/resend",
    path: (o, ids) =>
      `${org(o)}/webhooks/${ids.webhookEndpointId ?? "AAAAAAAAAAAAAAAAAAAAAA"}/deliveries/${ids.webhookDeliveryId ?? "1"}/resend`,
    body: () => ({}),
  },
  { method: "GET", pattern: "/api/orgs/:org/chat-channels", path: (o) => `${org(o)}/chat-channels` },
  {
    method: "PUT",
    pattern: "/api/orgs/:org/chat-channel",
    path: (o) => `${org(o)}/chat-channel`,
    body: () => ({ kind: "slack", url: "https://hooks.slack.com/services/T000/B000/route" }),
  },
  { method: "DELETE", pattern: "/api/orgs/:org/chat-channel", path: (o) => `${org(o)}/chat-channel` },
  { method: "POST", pattern: "/api/orgs/:org/chat-channel/test", path: (o) => `${org(o)}/chat-channel/test`, body: () => ({}) },
  {
    method: "GET",
    pattern: "/api/orgs/:org/teams/:team/chat-channel",
    path: (o) => `${org(o)}/teams/${o.teamIds[0]}/chat-channel`,
  },
  {
    method: "PUT",
    pattern: "/api/orgs/:org/teams/:team/chat-channel",
    path: (o) => `${org(o)}/teams/${o.teamIds[0]}/chat-channel`,
    body: () => ({ kind: "slack", url: "https://hooks.slack.com/services/T000/B000/route" }),
  },
  {
    method: "DELETE",
    pattern: "/api/orgs/:org/teams/:team/chat-channel",
    path: (o) => `${org(o)}/teams/${o.teamIds[0]}/chat-channel`,
  },
  {
    method: "POST",
    pattern: "/api/orgs/:org/teams/:team/chat-channel/test",
    path: (o) => `${org(o)}/teams/${o.teamIds[0]}/chat-channel/test`,
    body: () => ({}),
  },
];
