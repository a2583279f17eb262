import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { countingD1 } from "../../tests/support/d1-counter";
import { createTestOrg, type TestOrg } from "../../tests/support/org-fixtures";
import { getBoardHelp } from "./boost-views";
import { acceptBoost, createBoost } from "./boosts";
import { savePpp } from "./ppp-save";

const NOW = new Date("2026-11-20T10:00:00Z");

/** Half the teams post this week's PPP, one keeps a draft; team 1 asks teams 2 and 3 for boosts. */
async function busyWeek(org: TestOrg) {
  for (let i = 0; i < org.teamIds.length; i += 2)
    await savePpp(env.DB, org.leads[i], org.teamIds[i], "2026-11-16", { progress: [{ text: "Moved" }] }, "submit", NOW);
  await savePpp(env.DB, org.leads[1], org.teamIds[1], "2026-11-16", { progress: [{ text: "Typing" }] }, "draft", NOW);
  const ask = (to: string, day: string) =>
    createBoost(
      env.DB,
      org.leads[0],
      { toTeamId: to, need: `Help needed from ${to.slice(0, 4)}`, neededBy: "2026-11-30", objectiveId: org.teamObjectiveIds[0] },
      "https://mistvine.test",
      new Date(`${day}T09:00:00Z`),
    );
  const older = await ask(org.teamIds[1], "2026-11-17");
  const newer = await ask("any", "2026-11-19");
  const taken = await ask(org.teamIds[1], "2026-11-18");
  await acceptBoost(env.DB, org.leads[1], taken.id, "https://mistvine.test", NOW);
  return { older, newer };
}

describe("the board's open boosts and PPP markers", () => {
  it("lists open boosts oldest first with their age, and each team's PPP this week", async () => {
    const org = await createTestOrg(env.DB, { teams: 3 });
    const { older, newer } = await busyWeek(org);
    const help = await getBoardHelp(env.DB, org.admin, NOW);
    expect(help?.week).toBe("2026-11-16");
    expect(help?.openBoosts.map((b) => b.id)).toEqual([older.id, newer.id]);
    expect(help?.ppp.map((t) => [t.name, t.state])).toEqual([
      ["Team 1", "submitted"],
      ["Team 2", "draft"],
      ["Team 3", "submitted"],
    ]);
    expect(await getBoardHelp(env.DB, org.leads[0], NOW)).toBeNull();
  });

  it("issues the same fixed number of D1 statements for 2 teams and for 50", async () => {
    const small = await createTestOrg(env.DB, { teams: 2 });
    const large = await createTestOrg(env.DB, { teams: 50 });
    await busyWeek(small);
    await busyWeek(large);
    const counter = countingD1(env.DB);
    const a = await getBoardHelp(counter.db, small.admin, NOW);
    const smallCounts = [counter.statements(), counter.roundTrips()];
    counter.reset();
    const b = await getBoardHelp(counter.db, large.admin, NOW);
    expect(a?.ppp).toHaveLength(2);
    expect(b?.ppp).toHaveLength(50);
    expect(b?.ppp.filter((t) => t.state === "submitted")).toHaveLength(25);
    expect([counter.statements(), counter.roundTrips()]).toEqual(smallCounts);
    expect(smallCounts).toEqual([3, 1]);
  });
});
