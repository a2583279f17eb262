import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { countingD1 } from "../../tests/support/d1-counter";
import { createTestOrg } from "../../tests/support/org-fixtures";
import { getBoard } from "./board";
import { checkIn, createTeamObjective } from "./objectives";

const NOW = new Date("2026-11-16T10:00:00Z"); // day 15 of a 28-day wave: 50% expected

describe("getBoard", () => {
  it("issues the same fixed number of D1 statements for 2 teams and for 50", async () => {
    const small = await createTestOrg(env.DB, { teams: 2 });
    const large = await createTestOrg(env.DB, { teams: 50 });
    const counter = countingD1(env.DB);

    const smallBoard = await getBoard(counter.db, small.admin, NOW);
    const smallCounts = [counter.statements(), counter.roundTrips()];
    counter.reset();
    const largeBoard = await getBoard(counter.db, large.admin, NOW);

    expect(smallBoard.board?.teams).toHaveLength(2);
    expect(largeBoard.board?.teams).toHaveLength(50);
    expect(largeBoard.board?.orgObjectives.flatMap((o) => o.teams)).toHaveLength(50);
    expect([counter.statements(), counter.roundTrips()]).toEqual(smallCounts);
    expect(smallCounts).toEqual([9, 1]);
  });

  it("flags teams that are behind or have not checked in for a week", async () => {
    const org = await createTestOrg(env.DB, { teams: 3 });
    const krOf = async (objectiveId: string) =>
      (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1").bind(objectiveId).first<{ id: string }>())!.id;
    await checkIn(env.DB, org.leads[0], await krOf(org.teamObjectiveIds[0]), { value: 55 }, new Date("2026-11-15T09:00:00Z")); // on track
    await checkIn(env.DB, org.leads[1], await krOf(org.teamObjectiveIds[1]), { value: 10 }, new Date("2026-11-15T09:00:00Z")); // behind
    await checkIn(env.DB, org.leads[2], await krOf(org.teamObjectiveIds[2]), { value: 50 }, new Date("2026-11-08T09:00:00Z")); // silent 8 days
    const { board, wave } = await getBoard(env.DB, org.admin, NOW);
    expect(wave?.id).toBe(org.waveId);
    expect(board?.calendar.expectedProgress).toBe(50);
    expect(board?.calendar.daysRemaining).toBe(14);
    expect(board?.needsSupport.map((t) => [t.name, t.supportReasons])).toEqual([
      ["Team 2", ["behind"]],
      ["Team 3", ["no-recent-check-in"]],
    ]);
  });

  it("does not flag a team as behind for the objective its lead has just written", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const kr = (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1")
      .bind(org.teamObjectiveIds[0])
      .first<{ id: string }>())!.id;
    await checkIn(env.DB, org.leads[0], kr, { value: 75 }, new Date("2026-11-15T09:00:00Z")); // ahead of 50%
    await createTeamObjective(
      env.DB,
      org.leads[0],
      org.waveId,
      {
        teamId: org.teamIds[0],
        parentId: org.orgObjectiveIds[0],
        title: "A new bet",
        rationale: "It moves the org objective too.",
        keyResults: [{ title: "New KR", unit: "%", baseline: 0, target: 100 }],
      },
      NOW,
    );
    const { board } = await getBoard(env.DB, org.admin, NOW);
    const team = board!.teams[0];
    expect(team.progress).toBe(37.5);
    expect(team.objectives.map((o) => [o.title, o.status])).toEqual([
      ["Objective of team 1", "ahead"],
      ["A new bet", "on-track"],
    ]);
    expect(team.supportReasons).toEqual([]);
    expect(board!.needsSupport).toEqual([]);
  });

  it("follows the org's time zone for today", async () => {
    // 23:30 UTC on the 15th is already the 16th in Tokyo.
    const org = await createTestOrg(env.DB, { teams: 1, timeZone: "Asia/Tokyo" });
    const { today } = await getBoard(env.DB, org.admin, new Date("2026-11-15T23:30:00Z"));
    expect(today).toBe("2026-11-16");
  });

  it("shows no board but the draft waves when none is active", async () => {
    const org = await createTestOrg(env.DB, { teams: 1, activate: false });
    const view = await getBoard(env.DB, org.admin, NOW);
    expect(view.board).toBeNull();
    expect(view.draftWaves.map((w) => w.name)).toEqual(["Wave 1"]);
  });
});
