import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createTestOrg } from "../../tests/support/org-fixtures";
import { AppError } from "./errors";
import { getBoard } from "./board";
import { addKeyResult, carryOver, checkIn, createOrgObjective, createTeamObjective, saveReflection } from "./objectives";
import { getTeamPage } from "./team-page";
import { createWave, editWave, moveWaveTo } from "./waves";

const NOW = new Date("2026-11-20T10:00:00Z");

async function expectAppError(promise: Promise<unknown>, status: number, field?: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  if (field) expect((error as AppError).details.map((d) => d.field)).toContain(field);
  return error as AppError;
}

/** Rows in the tables a refused write might have touched. */
async function snapshot() {
  const count = (t: string) => env.DB.prepare(`SELECT COUNT(*) AS n FROM ${t}`).first<number>("n");
  return {
    waves: await count("waves"),
    objectives: await count("objectives"),
    krs: await count("key_results"),
    checkins: await count("kr_checkins"),
    reflections: await count("reflections"),
  };
}

describe("waves", () => {
  it.each([
    [{ name: "Short", startsOn: "2026-12-07", endsOn: "2026-12-19" }, "endsOn", "at least 2 weeks"],
    [{ name: "Long", startsOn: "2026-12-07", endsOn: "2027-01-18" }, "endsOn", "at most 6 weeks"],
    [{ name: "Backwards", startsOn: "2026-12-07", endsOn: "2026-12-01" }, "endsOn", "after the start"],
    [{ name: "Bad date", startsOn: "2026-02-30", endsOn: "2026-03-20" }, "startsOn", "real date"],
    [{ name: "", startsOn: "2026-12-07", endsOn: "2026-12-20" }, "name", "required"],
  ])("refuses %o", async (input, field, message) => {
    const org = await createTestOrg(env.DB);
    const before = await snapshot();
    const error = await expectAppError(createWave(env.DB, org.admin, input, NOW), 400, field);
    expect(error.details.find((d) => d.field === field)?.issue).toContain(message);
    expect(await snapshot()).toEqual(before);
  });

  it("accepts exactly 2 and exactly 6 weeks", async () => {
    const org = await createTestOrg(env.DB);
    await createWave(env.DB, org.admin, { name: "Two", startsOn: "2026-12-07", endsOn: "2026-12-20" }, NOW);
    await createWave(env.DB, org.admin, { name: "Six", startsOn: "2026-12-07", endsOn: "2027-01-17" }, NOW);
  });

  it("allows one active wave per org, and only draft → active → completed", async () => {
    const org = await createTestOrg(env.DB);
    const next = await createWave(env.DB, org.admin, { name: "Next", startsOn: "2026-11-30", endsOn: "2026-12-27" }, NOW);
    const error = await expectAppError(moveWaveTo(env.DB, org.admin, next.id, "active", NOW), 409);
    expect(error.message).toContain("Another wave is active");
    await expectAppError(moveWaveTo(env.DB, org.admin, next.id, "completed", NOW), 409);
    await moveWaveTo(env.DB, org.admin, org.waveId, "completed", NOW);
    await moveWaveTo(env.DB, org.admin, next.id, "active", NOW);
    await expectAppError(moveWaveTo(env.DB, org.admin, org.waveId, "active", NOW), 409);
    await expectAppError(editWave(env.DB, org.admin, org.waveId, { name: "X", startsOn: "2026-11-02", endsOn: "2026-11-29" }), 409);
  });

  it("reopens a wave completed by mistake, until its last day and while no other wave is active", async () => {
    const org = await createTestOrg(env.DB); // 2026-11-02 – 2026-11-29
    await moveWaveTo(env.DB, org.admin, org.waveId, "completed", NOW);
    await expectAppError(moveWaveTo(env.DB, org.leads[0], org.waveId, "active", NOW), 403);
    await moveWaveTo(env.DB, org.admin, org.waveId, "active", NOW);
    const reopened = await env.DB.prepare("SELECT state, activated_at, completed_at FROM waves WHERE id = ?1").bind(org.waveId).first();
    expect(reopened).toEqual({ state: "active", activated_at: "2026-11-20T10:00:00.000Z", completed_at: null });
    await moveWaveTo(env.DB, org.admin, org.waveId, "completed", NOW);
    const late = await expectAppError(moveWaveTo(env.DB, org.admin, org.waveId, "active", new Date("2026-11-30T10:00:00Z")), 409);
    expect(late.message).toContain("last day has passed");
  });

  it("is managed by admins only, and another org's wave is 404", async () => {
    const org = await createTestOrg(env.DB);
    const other = await createTestOrg(env.DB);
    await expectAppError(createWave(env.DB, org.leads[0], { name: "W", startsOn: "2026-12-07", endsOn: "2026-12-20" }, NOW), 403);
    await expectAppError(moveWaveTo(env.DB, org.admin, other.waveId, "completed", NOW), 404);
  });
});

describe("org objectives", () => {
  it("refuses a third moonshot and writes nothing", async () => {
    const org = await createTestOrg(env.DB); // has one moonshot
    await createOrgObjective(env.DB, org.admin, org.waveId, { title: "Second moonshot", kind: "moonshot", keyResults: [] }, NOW);
    const before = await snapshot();
    await expectAppError(
      createOrgObjective(
        env.DB,
        org.admin,
        org.waveId,
        { title: "Third moonshot", kind: "moonshot", keyResults: [{ title: "Some KR", baseline: 0, target: 1 }] },
        NOW,
      ),
      400,
      "kind",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("two admins adding a moonshot at once cannot both pass the limit", async () => {
    const org = await createTestOrg(env.DB);
    const outcomes = await Promise.allSettled([
      createOrgObjective(env.DB, org.admin, org.waveId, { title: "Moon A", kind: "moonshot", keyResults: [] }, NOW),
      createOrgObjective(env.DB, org.admin, org.waveId, { title: "Moon B", kind: "moonshot", keyResults: [] }, NOW),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const n = await env.DB.prepare("SELECT COUNT(*) AS n FROM objectives WHERE wave_id = ?1 AND kind = 'moonshot'")
      .bind(org.waveId)
      .first("n");
    expect(n).toBe(2);
  });

  it("refuses a key result whose target equals its baseline, or that is not a number", async () => {
    const org = await createTestOrg(env.DB);
    const before = await snapshot();
    await expectAppError(
      createOrgObjective(
        env.DB,
        org.admin,
        org.waveId,
        { title: "Flat", kind: "roofshot", keyResults: [{ title: "No change", baseline: 5, target: 5 }] },
        NOW,
      ),
      400,
      "keyResults.0.target",
    );
    await expectAppError(
      addKeyResult(env.DB, org.admin, org.orgObjectiveIds[0], { title: "Words", baseline: "ten", target: "20" }, NOW),
      400,
      "baseline",
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe("team objectives", () => {
  it("require a rationale and an org objective of the same wave and org; nothing is written otherwise", async () => {
    const org = await createTestOrg(env.DB);
    const other = await createTestOrg(env.DB);
    const base = {
      teamId: org.teamIds[0],
      parentId: org.orgObjectiveIds[0],
      title: "Ship the thing",
      rationale: "Because it moves activation.",
      keyResults: [],
    };
    const before = await snapshot();
    await expectAppError(createTeamObjective(env.DB, org.leads[0], org.waveId, { ...base, rationale: "" }, NOW), 400, "rationale");
    await expectAppError(createTeamObjective(env.DB, org.leads[0], org.waveId, { ...base, rationale: "   " }, NOW), 400, "rationale");
    await expectAppError(
      createTeamObjective(env.DB, org.leads[0], org.waveId, { ...base, parentId: other.orgObjectiveIds[0] }, NOW),
      400,
      "parentId",
    );
    await expectAppError(createTeamObjective(env.DB, org.leads[0], org.waveId, { ...base, parentId: undefined }, NOW), 400, "parentId");
    // A team objective cannot align to another team objective.
    await expectAppError(
      createTeamObjective(env.DB, org.leads[0], org.waveId, { ...base, parentId: org.teamObjectiveIds[1] }, NOW),
      400,
      "parentId",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("are written by the team's lead or an admin, not by another team's lead", async () => {
    const org = await createTestOrg(env.DB);
    const input = {
      teamId: org.teamIds[0],
      parentId: org.orgObjectiveIds[0],
      title: "Ship the thing",
      rationale: "Because it moves activation.",
      keyResults: [],
    };
    await expectAppError(createTeamObjective(env.DB, org.leads[1], org.waveId, input, NOW), 403);
    await createTeamObjective(env.DB, org.admin, org.waveId, input, NOW);
    await createTeamObjective(env.DB, org.leads[0], org.waveId, input, NOW);
  });
});

describe("check-ins", () => {
  it("record the value, keep the history and move the key result", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const kr = (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1")
      .bind(org.teamObjectiveIds[0])
      .first<{ id: string }>())!;
    await checkIn(env.DB, org.leads[0], kr.id, { value: "25", note: "first" }, new Date("2026-11-05T09:00:00Z"));
    await checkIn(env.DB, org.leads[0], kr.id, { value: 40 }, new Date("2026-11-12T09:00:00Z"));
    const page = await getTeamPage(env.DB, org.admin, org.teamIds[0], null, NOW);
    expect(page.checkIns.map((c) => [c.value, c.note, c.person_name])).toEqual([
      [25, "first", "Lead 1"],
      [40, "", "Lead 1"],
    ]);
    expect(page.view?.objectives[0].keyResults[0]).toMatchObject({ current: 40, progress: 40 });
  });

  it.each([["abc"], [""], ["1,5"], [null], [{}]])("refuse %j and write nothing", async (value) => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const kr = (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1")
      .bind(org.teamObjectiveIds[0])
      .first<{ id: string }>())!;
    const before = await snapshot();
    await expectAppError(checkIn(env.DB, org.leads[0], kr.id, { value }, NOW), 400, "value");
    expect(await snapshot()).toEqual(before);
  });

  it("carry the lead's confidence, which the key result keeps until the next one given", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const kr = (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1")
      .bind(org.teamObjectiveIds[0])
      .first<{ id: string }>())!;
    await checkIn(env.DB, org.leads[0], kr.id, { value: "10", confidence: "4" }, new Date("2026-11-05T09:00:00Z"));
    await checkIn(env.DB, org.leads[0], kr.id, { value: "12", confidence: "" }, new Date("2026-11-12T09:00:00Z"));
    const page = await getTeamPage(env.DB, org.admin, org.teamIds[0], null, NOW);
    expect(page.checkIns.map((c) => [c.value, c.confidence])).toEqual([
      [10, 4],
      [12, null],
    ]);
    const objective = page.view!.objectives[0];
    expect(objective.leadConfidence).toBe(4);
    // 12% against 50% expected is behind while the lead says 4 of 5: the divergence alert.
    expect(objective.status).toBe("behind");
    const { board } = await getBoard(env.DB, org.admin, NOW);
    expect(board!.teams[0].objectives[0].divergence).toBe("behind-but-lead-confident");
    expect(board!.needsSupport[0].supportReasons).toContain("divergence");
  });

  it.each([["0"], ["6"], ["3.5"], ["high"]])("refuse a confidence of %j and write nothing", async (confidence) => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const kr = (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1")
      .bind(org.teamObjectiveIds[0])
      .first<{ id: string }>())!;
    const before = await snapshot();
    await expectAppError(checkIn(env.DB, org.leads[0], kr.id, { value: "10", confidence }, NOW), 400, "confidence");
    expect(await snapshot()).toEqual(before);
  });

  it("are refused on a draft or completed wave, and by other teams' leads", async () => {
    const org = await createTestOrg(env.DB, { teams: 2 });
    const kr = (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1")
      .bind(org.teamObjectiveIds[0])
      .first<{ id: string }>())!;
    await expectAppError(checkIn(env.DB, org.leads[1], kr.id, { value: 5 }, NOW), 403);
    await moveWaveTo(env.DB, org.admin, org.waveId, "completed", NOW);
    await expectAppError(checkIn(env.DB, org.leads[0], kr.id, { value: 5 }, NOW), 409);
  });
});

describe("the end of a wave", () => {
  it("takes a reflection only when the team page offers its form: in the wave's last week or once it is over", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 }); // Wave 1 runs 2026-11-02 to 2026-11-29
    const input = { worked: "Short loops.", change: "Start earlier." };
    await expectAppError(saveReflection(env.DB, org.leads[0], org.waveId, org.teamIds[0], input, new Date("2026-11-22T23:00:00Z")), 409);
    await saveReflection(env.DB, org.leads[0], org.waveId, org.teamIds[0], input, new Date("2026-11-23T08:00:00Z"));
    const saved = await env.DB.prepare("SELECT worked FROM reflections WHERE wave_id = ?1").bind(org.waveId).first<{ worked: string }>();
    expect(saved?.worked).toBe("Short loops.");
  });

  it("takes each team's reflection and carries unfinished objectives into the next draft wave", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const kr = (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1")
      .bind(org.teamObjectiveIds[0])
      .first<{ id: string }>())!;
    await checkIn(env.DB, org.leads[0], kr.id, { value: 60 }, NOW);
    await moveWaveTo(env.DB, org.admin, org.waveId, "completed", NOW);
    await saveReflection(env.DB, org.leads[0], org.waveId, org.teamIds[0], { worked: "Short loops.", change: "Start earlier." }, NOW);
    await expectAppError(saveReflection(env.DB, org.leads[0], org.waveId, org.teamIds[0], { worked: "", change: "x" }, NOW), 400, "worked");

    const next = await createWave(env.DB, org.admin, { name: "Wave 2", startsOn: "2026-11-30", endsOn: "2026-12-27" }, NOW);
    // The team objective needs an org objective to align to in the new wave: carry that first.
    await expectAppError(
      carryOver(env.DB, org.leads[0], { objectiveId: org.teamObjectiveIds[0], targetWaveId: next.id }, NOW),
      400,
      "parentId",
    );
    await carryOver(env.DB, org.admin, { objectiveId: org.orgObjectiveIds[0], targetWaveId: next.id }, NOW);
    const copyId = await carryOver(env.DB, org.leads[0], { objectiveId: org.teamObjectiveIds[0], targetWaveId: next.id }, NOW);
    await expectAppError(carryOver(env.DB, org.leads[0], { objectiveId: org.teamObjectiveIds[0], targetWaveId: next.id }, NOW), 409);

    const copy = await env.DB.prepare(
      "SELECT o.title, o.carried_from_id, p.carried_from_id AS parent_source, k.baseline, k.target, k.current FROM objectives o JOIN objectives p ON p.id = o.parent_id JOIN key_results k ON k.objective_id = o.id WHERE o.id = ?1",
    )
      .bind(copyId)
      .first();
    expect(copy).toEqual({
      title: "Objective of team 1",
      carried_from_id: org.teamObjectiveIds[0],
      parent_source: org.orgObjectiveIds[0],
      baseline: 60,
      target: 100,
      current: 60,
    });
    const page = await getTeamPage(env.DB, org.admin, org.teamIds[0], org.waveId, NOW);
    expect(page.reflections.map((r) => [r.worked, r.change])).toEqual([["Short loops.", "Start earlier."]]);
  });

  it("does not carry over into an active wave or from a running one", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const next = await createWave(env.DB, org.admin, { name: "Wave 2", startsOn: "2026-11-30", endsOn: "2026-12-27" }, NOW);
    await expectAppError(carryOver(env.DB, org.admin, { objectiveId: org.orgObjectiveIds[0], targetWaveId: next.id }, NOW), 409);
  });
});
