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
}

export interface RouteIds {
  keyResultId: string;
  campaignId: string;
  shareLinkId: string;
}

const org = (o: TestOrg) => `/api/orgs/${o.admin.org.slug}`;

export const ORG_API_ROUTES: OrgRouteCase[] = [
  { method: "GET", pattern: "/api/orgs/:org", path: (o) => org(o) },
  { method: "PATCH", pattern: "/api/orgs/:org", path: (o) => org(o), body: () => ({ name: "Renamed", timeZone: "UTC" }) },
  { method: "GET", pattern: "/api/orgs/:org/board", path: (o) => `${org(o)}/board` },
  { method: "GET", pattern: "/api/orgs/:org/teams", path: (o) => `${org(o)}/teams` },
  { method: "POST", pattern: "/api/orgs/:org/teams", path: (o) => `${org(o)}/teams`, body: () => ({ name: "New team", declaredSize: 4 }) },
  { method: "GET", pattern: "/api/orgs/:org/teams/:team", path: (o) => `${org(o)}/teams/${o.teamIds[0]}` },
  { method: "PATCH", pattern: "/api/orgs/:org/teams/:team", path: (o) => `${org(o)}/teams/${o.teamIds[0]}`, body: () => ({ name: "Renamed team", declaredSize: 5 }) },
  { method: "POST", pattern: "/api/orgs/:org/invites", path: (o) => `${org(o)}/invites`, body: (o) => ({ teamId: o.teamIds[0], name: "Newbie", email: "newbie@example.com" }) },
  { method: "GET", pattern: "/api/orgs/:org/waves", path: (o) => `${org(o)}/waves` },
  { method: "POST", pattern: "/api/orgs/:org/waves", path: (o) => `${org(o)}/waves`, body: () => ({ name: "Next", startsOn: "2026-12-07", endsOn: "2026-12-20" }) },
  { method: "GET", pattern: "/api/orgs/:org/waves/:wave", path: (o) => `${org(o)}/waves/${o.waveId}` },
  { method: "PATCH", pattern: "/api/orgs/:org/waves/:wave", path: (o) => `${org(o)}/waves/${o.waveId}`, body: () => ({ name: "Renamed wave", startsOn: "2026-11-02", endsOn: "2026-11-29" }) },
  { method: "POST", pattern: "/api/orgs/:org/waves/:wave/activate", path: (o) => `${org(o)}/waves/${o.waveId}/activate`, body: () => ({}) },
  { method: "POST", pattern: "/api/orgs/:org/waves/:wave/complete", path: (o) => `${org(o)}/waves/${o.waveId}/complete`, body: () => ({}) },
  { method: "POST", pattern: "/api/orgs/:org/waves/:wave/objectives", path: (o) => `${org(o)}/waves/${o.waveId}/objectives`, body: () => ({ title: "Another objective", kind: "roofshot" }) },
  {
    method: "POST",
    pattern: "/api/orgs/:org/waves/:wave/team-objectives",
    path: (o) => `${org(o)}/waves/${o.waveId}/team-objectives`,
    body: (o) => ({ teamId: o.teamIds[0], parentId: o.orgObjectiveIds[0], title: "Team goal", rationale: "It moves the org objective." }),
  },
  { method: "PUT", pattern: "/api/orgs/:org/waves/:wave/teams/:team/reflection", path: (o) => `${org(o)}/waves/${o.waveId}/teams/${o.teamIds[0]}/reflection`, body: () => ({ worked: "Pairing.", change: "Plan earlier." }) },
  { method: "POST", pattern: "/api/orgs/:org/objectives/:objective/key-results", path: (o) => `${org(o)}/objectives/${o.teamObjectiveIds[0]}/key-results`, body: () => ({ title: "New KR", baseline: 0, target: 10 }) },
  { method: "DELETE", pattern: "/api/orgs/:org/objectives/:objective", path: (o) => `${org(o)}/objectives/${o.teamObjectiveIds[0]}` },
  { method: "DELETE", pattern: "/api/orgs/:org/key-results/:kr", path: (o, ids) => `${org(o)}/key-results/${ids.keyResultId}` },
  { method: "POST", pattern: "/api/orgs/:org/key-results/:kr/check-ins", path: (o, ids) => `${org(o)}/key-results/${ids.keyResultId}/check-ins`, body: () => ({ value: 12 }) },
  { method: "GET", pattern: "/api/orgs/:org/pulse", path: (o) => `${org(o)}/pulse` },
  { method: "GET", pattern: "/api/orgs/:org/pulse.csv", path: (o) => `${org(o)}/pulse.csv` },
  { method: "GET", pattern: "/api/orgs/:org/teams/:team/pulse", path: (o) => `${org(o)}/teams/${o.teamIds[0]}/pulse` },
  { method: "GET", pattern: "/api/orgs/:org/teams/:team/pulse-link", path: (o) => `${org(o)}/teams/${o.teamIds[0]}/pulse-link` },
  { method: "POST", pattern: "/api/orgs/:org/teams/:team/pulse-link", path: (o) => `${org(o)}/teams/${o.teamIds[0]}/pulse-link`, body: () => ({}) },
  { method: "DELETE", pattern: "/api/orgs/:org/teams/:team/pulse-link", path: (o) => `${org(o)}/teams/${o.teamIds[0]}/pulse-link` },
  { method: "PUT", pattern: "/api/orgs/:org/anonymity", path: (o) => `${org(o)}/anonymity`, body: () => ({ anonymityK: 4 }) },
  { method: "POST", pattern: "/api/orgs/:org/carry-overs", path: (o) => `${org(o)}/carry-overs`, body: (o) => ({ objectiveId: o.teamObjectiveIds[0], targetWaveId: o.waveId }) },
  { method: "GET", pattern: "/api/orgs/:org/campaigns", path: (o) => `${org(o)}/campaigns` },
  { method: "POST", pattern: "/api/orgs/:org/campaigns", path: (o) => `${org(o)}/campaigns`, body: (o) => ({ name: "Another campaign", waveId: o.waveId }) },
  { method: "POST", pattern: "/api/orgs/:org/campaigns/:campaign/close", path: (o, ids) => `${org(o)}/campaigns/${ids.campaignId}/close`, body: () => ({}) },
  { method: "GET", pattern: "/api/orgs/:org/results", path: (o, ids) => `${org(o)}/results?campaign=${ids.campaignId}` },
  { method: "GET", pattern: "/api/orgs/:org/share-links", path: (o) => `${org(o)}/share-links` },
  { method: "POST", pattern: "/api/orgs/:org/share-links", path: (o) => `${org(o)}/share-links`, body: (_o, ids) => ({ campaignId: ids.campaignId, expiresInDays: 30 }) },
  { method: "DELETE", pattern: "/api/orgs/:org/share-links/:link", path: (o, ids) => `${org(o)}/share-links/${ids.shareLinkId}` },
];
