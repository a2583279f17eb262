import { addDays, localDate } from "../../../src/domain/calendar";
import { findOrgBySlug } from "../../db/orgs";
import type { OrgAccess } from "../access";
import { checkIn, createOrgObjective, createTeamObjective } from "../objectives";
import { createTeam } from "../teams";
import { createWave, moveWaveTo } from "../waves";
import { createSeedOrg, seedLead } from "./org-builder";

export const SOUTHWIND_ORG = { slug: "southwind", name: "Southwind Studio", timeZone: "Europe/Lisbon" };
export const SOUTHWIND_ADMIN = { email: "admin@southwind.example", name: "Rosa Mendes" };
export const SOUTHWIND_LEAD = { email: "noor@southwind.example", name: "Noor Haddad" };

/**
 * Southwind Studio: a small second demo org at the end of its first wave, whatever the day
 * `npm start` runs. Its wave ends in three days, nobody has drafted the next one and its one
 * team has not written its reflection, so its admin and lead see the Action Center's items of
 * a wave's last days, which Northwind (mid-wave, next wave drafted) cannot show. Returns null
 * when the org exists already.
 */
export async function seedSouthwind(db: D1Database, now: Date): Promise<OrgAccess | null> {
  if (await findOrgBySlug(db, SOUTHWIND_ORG.slug)) return null;
  const today = localDate(now, SOUTHWIND_ORG.timeZone);
  const daysAgo = (d: number) => new Date(Date.parse(`${addDays(today, -d)}T10:00:00Z`));
  const endsOn = addDays(today, 3);
  const startsOn = addDays(endsOn, -27);

  const admin = await createSeedOrg(db, SOUTHWIND_ORG, SOUTHWIND_ADMIN, daysAgo(30));
  const team = await createTeam(
    db,
    admin,
    { name: "Studio", mission: "Ship the client work we are proud to show.", declaredSize: 6 },
    daysAgo(30),
  );
  const lead = await seedLead(db, admin, team.id, SOUTHWIND_LEAD.email, SOUTHWIND_LEAD.name, daysAgo(30).toISOString());

  const wave = await createWave(db, admin, { name: "Wave 1: First launch", startsOn, endsOn }, daysAgo(29));
  const launch = await createOrgObjective(
    db,
    admin,
    wave.id,
    { title: "Launch the studio's own site", kind: "roofshot", keyResults: [] },
    daysAgo(28),
  );
  await moveWaveTo(db, admin, wave.id, "active", daysAgo(27));
  const objective = await createTeamObjective(
    db,
    lead,
    wave.id,
    {
      teamId: team.id,
      parentId: launch,
      title: "Case studies live on the new site",
      rationale: "Prospects pick a studio by the work it shows; the site launches with our best projects.",
      keyResults: [{ title: "Case studies published", unit: "case studies", baseline: 0, target: 6 }],
    },
    daysAgo(26),
  );
  const kr = await db.prepare("SELECT id FROM key_results WHERE objective_id = ?1").bind(objective).first<{ id: string }>();
  if (kr)
    for (const [ago, value] of [
      [12, 2],
      [5, 4],
      [1, 5],
    ] as const)
      await checkIn(db, lead, kr.id, { value, note: "" }, daysAgo(ago));
  return admin;
}
