import { addDays, localDate } from "../../../src/domain/calendar";
import { STATEMENTS, type DimensionId } from "../../../src/domain/scorecard/statements";
import { listCampaigns } from "../../db/campaigns";
import { findOrgBySlug } from "../../db/orgs";
import { findPersonByEmail } from "../../db/people";
import { listWaves } from "../../db/waves";
import { requireOrgAccess, type OrgAccess } from "../access";
import { answerCampaign } from "../campaign-answers";
import { getOrgResults } from "../campaign-results";
import { closeCampaignOf, openCampaign } from "../campaigns";
import { DEMO_ORIGIN } from "./org-builder";
import { saveOrgSettings } from "../org-settings";
import { randomToken } from "../tokens";
import { DEMO_ADMIN, DEMO_ORG } from "./demo-org";
import { seededRandom } from "./random";

/** Northwind's teams (31 people) and its admin. */
export const DEMO_HEADCOUNT = 46;

/** Mean item value 1–5 per dimension, after reverse scoring. */
type Leaning = Record<DimensionId, number>;

interface DemoCampaign {
  name?: string;
  /** Ties the campaign to the wave whose name starts with this. */
  wave?: string;
  openedDaysAgo: number;
  closedDaysAgo?: number;
  leaders: { count: number; leaning: Leaning };
  others: { count: number; leaning: Leaning };
}

/**
 * A baseline before Wave 6 where too few leaders answered for the comparison to show, then one
 * campaign per wave: things improve, and leaders keep believing teams are more autonomous
 * than the teams feel.
 */
const CAMPAIGNS: DemoCampaign[] = [
  {
    name: "Baseline",
    openedDaysAgo: 63,
    closedDaysAgo: 56,
    leaders: { count: 2, leaning: { clarity: 3.4, context: 2.9, autonomy: 3.8, velocity: 3.1 } },
    others: { count: 11, leaning: { clarity: 2.6, context: 2.3, autonomy: 2.1, velocity: 2.5 } },
  },
  {
    wave: "Wave 6",
    openedDaysAgo: 30,
    closedDaysAgo: 16,
    leaders: { count: 5, leaning: { clarity: 3.7, context: 3.1, autonomy: 4.0, velocity: 3.4 } },
    others: { count: 14, leaning: { clarity: 3.1, context: 2.6, autonomy: 2.4, velocity: 2.9 } },
  },
  {
    wave: "Wave 7",
    openedDaysAgo: 9,
    leaders: { count: 6, leaning: { clarity: 3.9, context: 3.3, autonomy: 4.2, velocity: 3.6 } },
    others: { count: 13, leaning: { clarity: 3.5, context: 2.9, autonomy: 2.8, velocity: 3.2 } },
  },
];

function answersLeaning(leaning: Leaning, random: () => number): Record<string, number> {
  return Object.fromEntries(
    STATEMENTS.map((s) => {
      const value = Math.min(5, Math.max(1, Math.round(leaning[s.dimension] + (random() - 0.5) * 1.8)));
      return [s.id, s.reverse ? 6 - value : value];
    }),
  );
}

async function demoAdmin(db: D1Database): Promise<OrgAccess | null> {
  const person = await findPersonByEmail(db, DEMO_ADMIN.email);
  if (!person || !(await findOrgBySlug(db, DEMO_ORG.slug))) return null;
  return requireOrgAccess(db, { personId: person.id, email: person.email, name: person.name }, DEMO_ORG.slug);
}

/**
 * Northwind's Scorecard campaigns: a closed baseline, a closed one in Wave 6 and an open one in
 * Wave 7, answered through the same service as the /s/{token} link. Returns how many campaigns
 * it created: 0 when the org is missing or has campaigns already.
 */
export async function seedDemoCampaigns(db: D1Database, now: Date): Promise<number> {
  const admin = await demoAdmin(db);
  if (!admin || (await listCampaigns(db, admin.org.id)).length > 0) return 0;
  await saveOrgSettings(db, admin, { name: admin.org.name, timeZone: admin.org.time_zone, headcount: DEMO_HEADCOUNT });
  const today = localDate(now, admin.org.time_zone);
  const daysAgo = (d: number) => new Date(Date.parse(`${addDays(today, -d)}T09:30:00Z`));
  const waves = await listWaves(db, admin.org.id);
  const random = seededRandom(20261121);
  for (const c of CAMPAIGNS) {
    const waveId = c.wave ? waves.find((w) => w.name.startsWith(c.wave!))?.id : undefined;
    const campaign = await openCampaign(db, admin, { name: c.name, waveId }, daysAgo(c.openedDaysAgo));
    const people = [
      ...Array.from({ length: c.leaders.count }, () => ({ leaning: c.leaders.leaning, leader: true as boolean | undefined })),
      // Most others say no; some leave the optional question out.
      ...Array.from({ length: c.others.count }, (_, i) => ({ leaning: c.others.leaning, leader: i % 4 === 3 ? undefined : false })),
    ];
    for (const p of people)
      await answerCampaign(db, campaign.link_token, randomToken(32), { answers: answersLeaning(p.leaning, random), leader: p.leader });
    if (c.closedDaysAgo !== undefined) await closeCampaignOf(db, admin, campaign.id, daysAgo(c.closedDaysAgo), DEMO_ORIGIN);
    // Leadership has looked at the open campaign's result: what it published is what the
    // Action Center judges "enough answers to close" by.
    else await getOrgResults(db, admin, campaign.id, now);
  }
  return CAMPAIGNS.length;
}
