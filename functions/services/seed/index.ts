import { seedDemoCampaigns } from "./campaigns";
import { DEMO_ADMIN, DEMO_ORG, seedDemoOrg } from "./demo-org";
import { DEMO_RESULTS, seedScorecardResults } from "./scorecard";
import { SOUTHWIND_ADMIN, SOUTHWIND_ORG, seedSouthwind } from "./southwind";

/**
 * Seeds the demo data `npm start` shows. Idempotent: a second run finds everything in place,
 * creates nothing and says so.
 */
export async function seedDemo(db: D1Database, now: Date): Promise<{ created: boolean; summary: string[] }> {
  const results = await seedScorecardResults(db, now);
  const org = await seedDemoOrg(db, now);
  const campaigns = await seedDemoCampaigns(db, now);
  const southwind = await seedSouthwind(db, now);
  return {
    created: results > 0 || org !== null || campaigns > 0 || southwind !== null,
    summary: [
      `${DEMO_RESULTS} public Scorecard results${results === 0 ? " (already there)" : ""}`,
      `demo org ${DEMO_ORG.name} at /o/${DEMO_ORG.slug}${org ? "" : " (already there)"}; sign in as ${DEMO_ADMIN.email}`,
      `${campaigns} Scorecard campaigns at /o/${DEMO_ORG.slug}/results${campaigns === 0 ? " (already there)" : ""}`,
      `demo org ${SOUTHWIND_ORG.name} at /o/${SOUTHWIND_ORG.slug}, at the end of its wave${southwind ? "" : " (already there)"}; sign in as ${SOUTHWIND_ADMIN.email}`,
    ],
  };
}
