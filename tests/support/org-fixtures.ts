import { insertSessionStatement } from "../../functions/db/sessions";
import type { OrgAccess } from "../../functions/services/access";
import { createOrgObjective, createTeamObjective } from "../../functions/services/objectives";
import { createSeedOrg, seedLead } from "../../functions/services/seed/org-builder";
import { createTeam } from "../../functions/services/teams";
import { randomToken, sha256Hex } from "../../functions/services/tokens";
import { createWave, moveWaveTo } from "../../functions/services/waves";

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export interface TestOrg {
  admin: OrgAccess;
  leads: OrgAccess[];
  teamIds: string[];
  waveId: string;
  orgObjectiveIds: string[];
  teamObjectiveIds: string[];
}

/**
 * An org with `teams` teams, each with a lead, an active wave from `startsOn` (28 days), two
 * org objectives, and one team objective per team with a key result.
 */
export async function createTestOrg(
  db: D1Database,
  opts: { teams?: number; now?: Date; startsOn?: string; timeZone?: string; activate?: boolean } = {},
): Promise<TestOrg> {
  const now = opts.now ?? new Date("2026-11-20T10:00:00Z");
  const id = unique();
  const admin = await createSeedOrg(
    db,
    { slug: `org-${id}`, name: `Org ${id}`, timeZone: opts.timeZone ?? "UTC" },
    { email: `admin-${id}@example.com`, name: "Admin" },
    now,
  );
  const teamIds: string[] = [];
  const leads: OrgAccess[] = [];
  for (let i = 0; i < (opts.teams ?? 2); i++) {
    const team = await createTeam(db, admin, { name: `Team ${i + 1}`, mission: "", declaredSize: 6 }, now);
    teamIds.push(team.id);
    leads.push(await seedLead(db, admin, team.id, `lead${i}-${id}@example.com`, `Lead ${i + 1}`, now.toISOString()));
  }
  const startsOn = opts.startsOn ?? "2026-11-02";
  // Objectives and key results are written by the wave's first day, so the whole wave counts.
  const writtenAt = new Date(Math.min(now.getTime(), Date.parse(`${startsOn}T08:00:00Z`)));
  const wave = await createWave(
    db,
    admin,
    { name: "Wave 1", startsOn, endsOn: new Date(Date.parse(startsOn) + 27 * 86_400_000).toISOString().slice(0, 10) },
    now,
  );
  const orgObjectiveIds = [
    await createOrgObjective(
      db,
      admin,
      wave.id,
      { title: "Grow self-serve", kind: "roofshot", keyResults: [{ title: "Activation", unit: "%", baseline: 20, target: 40 }] },
      writtenAt,
    ),
    await createOrgObjective(db, admin, wave.id, { title: "Ship faster", kind: "moonshot", keyResults: [] }, writtenAt),
  ];
  if (opts.activate !== false) await moveWaveTo(db, admin, wave.id, "active", now);
  const teamObjectiveIds: string[] = [];
  for (let i = 0; i < teamIds.length; i++) {
    teamObjectiveIds.push(
      await createTeamObjective(
        db,
        leads[i],
        wave.id,
        {
          teamId: teamIds[i],
          parentId: orgObjectiveIds[i % 2],
          title: `Objective of team ${i + 1}`,
          rationale: "It moves the org objective directly.",
          keyResults: [{ title: `KR ${i + 1}`, unit: "%", baseline: 0, target: 100 }],
        },
        writtenAt,
      ),
    );
  }
  return { admin, leads, teamIds, waveId: wave.id, orgObjectiveIds, teamObjectiveIds };
}

/** A session cookie value for the person, as the emailed link would have created. */
export async function sessionCookieFor(db: D1Database, access: OrgAccess, expiresAt = "2099-01-01T00:00:00Z"): Promise<string> {
  const token = randomToken(32);
  await insertSessionStatement(db, await sha256Hex(token), access.viewer.personId, new Date().toISOString(), expiresAt).run();
  return token;
}

/**
 * Sets a team's name and declared size as if declared before its wave started: the app
 * refuses a size change while a wave is active (editTeam), so tests that need other sizes in
 * an already active wave set them here.
 */
export async function declareTeam(db: D1Database, teamId: string, t: { name: string; declaredSize: number }): Promise<void> {
  await db.prepare("UPDATE teams SET name = ?2, declared_size = ?3 WHERE id = ?1").bind(teamId, t.name, t.declaredSize).run();
}
