import { addDays, localDate, weekStart } from "../../../src/domain/calendar";
import { findOrgBySlug } from "../../db/orgs";
import { checkIn, createOrgObjective, createTeamObjective } from "../objectives";
import { regeneratePulseLink } from "../pulse-links";
import { createTeam } from "../teams";
import { createWave, moveWaveTo } from "../waves";
import { createSeedOrg, seedLead } from "./org-builder";
import { seedBenchPpp } from "./ppp-boosts";
import { seededRandom } from "./random";

export const BENCH_ORG = { slug: "bench-50", name: "Bench Fifty", timeZone: "UTC" };
export const BENCH_ADMIN = { email: "admin@bench.example", name: "Bench Admin" };

/**
 * An org of `teams` teams for the benchmark and the board's no-N+1 check: an active wave,
 * four org objectives, two objectives per team with two key results each and a few check-ins.
 * Returns false when it exists already.
 */
export async function seedLargeOrg(db: D1Database, now: Date, teams = 50): Promise<boolean> {
  if (await findOrgBySlug(db, BENCH_ORG.slug)) return false;
  const random = seededRandom(50);
  const today = localDate(now, BENCH_ORG.timeZone);
  const start = addDays(weekStart(today), -7);
  const admin = await createSeedOrg(db, BENCH_ORG, BENCH_ADMIN, now);
  const wave = await createWave(db, admin, { name: "Bench wave", startsOn: start, endsOn: addDays(start, 27) }, now);
  const parents: string[] = [];
  for (let i = 0; i < 4; i++) {
    parents.push(
      await createOrgObjective(
        db,
        admin,
        wave.id,
        {
          title: `Org objective ${i + 1}`,
          kind: i === 3 ? "moonshot" : "roofshot",
          keyResults: [{ title: `Org measure ${i + 1}`, baseline: 0, target: 100 }],
        },
        now,
      ),
    );
  }
  await moveWaveTo(db, admin, wave.id, "active", now);
  for (let t = 0; t < teams; t++) {
    // Large declared sizes so the benchmark can vote from thousands of fresh browsers.
    const team = await createTeam(
      db,
      admin,
      { name: `Team ${String(t + 1).padStart(2, "0")}`, mission: "Benchmark team", declaredSize: 500 },
      now,
    );
    await regeneratePulseLink(db, admin, team.id, now);
    const lead = await seedLead(db, admin, team.id, `lead${t}@bench.example`, `Lead ${t + 1}`, now.toISOString());
    await seedBenchPpp(db, lead, team.id, t, now);
    for (let o = 0; o < 2; o++) {
      const id = await createTeamObjective(
        db,
        lead,
        wave.id,
        {
          teamId: team.id,
          parentId: parents[(t + o) % 4],
          title: `Team ${t + 1} objective ${o + 1}`,
          rationale: "Moves the org objective it aligns to.",
          keyResults: [
            { title: "Measure A", baseline: 0, target: 100 },
            { title: "Measure B", unit: "%", baseline: 40, target: 10 },
          ],
        },
        now,
      );
      const krs = await db
        .prepare("SELECT id, baseline, target FROM key_results WHERE objective_id = ?1")
        .bind(id)
        .all<{ id: string; baseline: number; target: number }>();
      for (const kr of krs.results) {
        const share = random() * 0.8;
        await checkIn(
          db,
          lead,
          kr.id,
          { value: Math.round(kr.baseline + (kr.target - kr.baseline) * share) },
          new Date(now.getTime() - Math.floor(random() * 9) * 86_400_000),
        );
      }
    }
  }
  return true;
}
