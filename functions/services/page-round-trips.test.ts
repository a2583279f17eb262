import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { countingD1 } from "../../tests/support/d1-counter";
import { findOrgBySlug } from "../db/orgs";
import { insertSessionStatement } from "../db/sessions";
import { requireOrgAccess } from "./access";
import { getActions } from "./actions";
import { getBoardPage } from "./board";
import { getOrgResults } from "./campaign-results";
import { getPppSummary } from "./ppp-summary";
import { getPulseReadView } from "./sentiment";
import { viewerFromSession } from "./auth";
import { BENCH_ADMIN, BENCH_ORG, seedLargeOrg } from "./seed/large-org";
import { getTeamPage } from "./team-page";
import { randomToken, sha256Hex } from "./tokens";

/**
 * Every page read makes at most 3 D1 round trips, session check included, on the 50-team org
 * of the benchmark: the session (middleware), the org access (orgPageAccess), and the page's
 * one view service, exactly as the page calls them. A read that publishes a pulse week that
 * is over adds one write batch, once per week; the counts below are of the reads after it.
 */
const NOW = new Date("2026-11-20T10:00:00Z");
const MAX_ROUND_TRIPS = 3;

async function signedIn(email: string): Promise<string> {
  const person = await env.DB.prepare("SELECT id FROM people WHERE email = ?1").bind(email).first<{ id: string }>();
  const token = randomToken(32);
  await insertSessionStatement(
    env.DB,
    await sha256Hex(token),
    person!.id,
    NOW.toISOString(),
    new Date(NOW.getTime() + 86_400_000).toISOString(),
  ).run();
  return token;
}

/** Round trips of one page view: the middleware's session check, the org access, then `read`. */
async function roundTripsOf(
  cookie: string,
  read: (db: D1Database, access: Awaited<ReturnType<typeof requireOrgAccess>>) => Promise<unknown>,
): Promise<number> {
  const counter = countingD1(env.DB);
  const viewer = await viewerFromSession(counter.db, cookie, NOW);
  const access = await requireOrgAccess(counter.db, viewer, BENCH_ORG.slug);
  await read(counter.db, access);
  return counter.roundTrips();
}

describe("page round trips on the 50-team org", () => {
  let admin = "";
  let lead = "";
  let teamId = "";
  beforeAll(async () => {
    await seedLargeOrg(env.DB, NOW);
    const org = await findOrgBySlug(env.DB, BENCH_ORG.slug);
    teamId = (await env.DB.prepare("SELECT id FROM teams WHERE org_id = ?1 ORDER BY name LIMIT 1").bind(org!.id).first<{ id: string }>())!
      .id;
    admin = await signedIn(BENCH_ADMIN.email);
    lead = await signedIn("lead0@bench.example");
  }, 120_000);

  it("the team page, for its lead and for an admin", async () => {
    for (const cookie of [lead, admin]) {
      await roundTripsOf(cookie, (db, access) => getTeamPage(db, access, teamId, null, NOW)); // publishes the weeks that are over
      expect(await roundTripsOf(cookie, (db, access) => getTeamPage(db, access, teamId, null, NOW))).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
    }
    const view = await getTeamPage(
      env.DB,
      await requireOrgAccess(env.DB, await viewerFromSession(env.DB, lead, NOW), BENCH_ORG.slug),
      teamId,
      null,
      NOW,
    );
    expect(view.view?.objectives).toHaveLength(2);
    expect(view.settings?.linkPath).toMatch(/^\/p\//);
  });

  it("the board, with what leadership sees first", async () => {
    await roundTripsOf(admin, (db, access) => getBoardPage(db, access, NOW)); // publishes the weeks that are over
    expect(await roundTripsOf(admin, (db, access) => getBoardPage(db, access, NOW))).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
    const page = await getBoardPage(
      env.DB,
      await requireOrgAccess(env.DB, await viewerFromSession(env.DB, admin, NOW), BENCH_ORG.slug),
      NOW,
    );
    expect(page.board?.teams).toHaveLength(50);
    expect(page.help?.ppp).toHaveLength(50);
  });

  // The pages that call one view service: the heat maps, the Action Center, the PPP summary, the results.
  it.each([
    ["pulse", (db: D1Database, access: Parameters<typeof getPulseReadView>[1]) => getPulseReadView(db, access, null, NOW)],
    ["actions", (db: D1Database, access: Parameters<typeof getPulseReadView>[1]) => getActions(db, access, NOW)],
    ["ppp", (db: D1Database, access: Parameters<typeof getPulseReadView>[1]) => getPppSummary(db, access, null, NOW)],
    ["results", (db: D1Database, access: Parameters<typeof getPulseReadView>[1]) => getOrgResults(db, access, null, NOW)],
  ] as const)("the %s page", async (_name, read) => {
    await roundTripsOf(admin, read); // publishes what is due
    expect(await roundTripsOf(admin, read)).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
  });
});
