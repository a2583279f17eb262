import { describe, expect, it } from "vitest";
import { assembleBoard, type KeyResultInput, type ObjectiveInput } from "./board";

const wave = { startsOn: "2026-11-02", endsOn: "2026-11-29" }; // 28 days; on 11-16 expected is 50%
const org = (id: string, kind: "roofshot" | "moonshot" = "roofshot"): ObjectiveInput => ({
  id,
  level: "org",
  teamId: null,
  parentId: null,
  kind,
  title: id,
  rationale: "",
});
const team = (id: string, teamId: string, parentId: string): ObjectiveInput => ({
  id,
  level: "team",
  teamId,
  parentId,
  kind: null,
  title: id,
  rationale: "because",
});
const kr = (id: string, objectiveId: string, current: number, baseline = 0, target = 100): KeyResultInput => ({
  id,
  objectiveId,
  title: id,
  unit: "%",
  baseline,
  target,
  current,
});

describe("assembleBoard", () => {
  const board = assembleBoard({
    wave,
    today: "2026-11-16",
    objectives: [org("O1"), org("O2", "moonshot"), team("T1a", "t1", "O1"), team("T1b", "t1", "O2"), team("T2a", "t2", "O1")],
    keyResults: [kr("k1", "O1", 60), kr("k2", "T1a", 80), kr("k3", "T1a", 40), kr("k4", "T1b", 10), kr("k5", "T2a", 8, 8, 5)],
    teams: [
      { id: "t1", name: "Payments", mission: "" },
      { id: "t2", name: "Atlas", mission: "" },
      { id: "t3", name: "Idle", mission: "" },
    ],
    lastCheckInOn: new Map([
      ["t1", "2026-11-14"],
      ["t2", "2026-11-05"],
    ]),
  });

  it("rolls key results up into objectives and teams, against the expected progress", () => {
    expect(board.calendar.expectedProgress).toBe(50);
    const t1 = board.teams.find((t) => t.id === "t1")!;
    expect(t1.objectives.map((o) => [o.id, o.progress, o.status])).toEqual([
      ["T1a", 60, "on-track"],
      ["T1b", 10, "behind"],
    ]);
    expect(t1.progress).toBe(35);
    expect(t1.status).toBe("behind");
  });

  it("uses an org objective's own key results, or its teams' progress when it has none", () => {
    const [o1, o2] = board.orgObjectives;
    expect(o1.progress).toBe(60);
    expect(o1.rolledUp).toBe(false);
    expect(o1.teams.map((t) => t.teamName)).toEqual(["Atlas", "Payments"]);
    expect(o2.rolledUp).toBe(true);
    expect(o2.progress).toBe(10);
  });

  it("flags teams that are behind or silent for a week, and not teams without objectives", () => {
    expect(board.needsSupport.map((t) => [t.name, t.supportReasons])).toEqual([
      ["Payments", ["behind"]],
      ["Atlas", ["behind", "no-recent-check-in"]],
    ]);
    const atlas = board.teams.find((t) => t.id === "t2")!;
    expect(atlas.daysSinceCheckIn).toBe(11);
    expect(atlas.progress).toBe(0);
  });
});

describe("a key result written during the wave", () => {
  // Payments is ahead with its first objective (75% against 50% expected on 11-16).
  const input = {
    wave,
    today: "2026-11-16",
    objectives: [org("O1"), team("T1a", "t1", "O1")],
    keyResults: [kr("k1", "O1", 60), { ...kr("k2", "T1a", 75), writtenOn: "2026-11-02" }],
    teams: [{ id: "t1", name: "Payments", mission: "" }],
    lastCheckInOn: new Map([["t1", "2026-11-15"]]),
  };

  it("does not make its team behind the day it is written", () => {
    const board = assembleBoard({
      ...input,
      objectives: [...input.objectives, team("T1b", "t1", "O1")],
      keyResults: [...input.keyResults, { ...kr("k3", "T1b", 0), writtenOn: "2026-11-16" }],
    });
    const payments = board.teams[0];
    expect(payments.progress).toBe(37.5);
    expect(payments.objectives.map((o) => [o.id, o.expected, o.status])).toEqual([
      ["T1a", 50, "ahead"],
      ["T1b", 0, "on-track"],
    ]);
    expect(payments.expected).toBe(25);
    expect(payments.supportReasons).toEqual([]);
    expect(board.needsSupport).toEqual([]);
  });

  it("counts its expectation from the day it was written, so one that never moves falls behind", () => {
    const later = assembleBoard({
      ...input,
      today: "2026-11-23",
      objectives: [...input.objectives, team("T1b", "t1", "O1")],
      keyResults: [...input.keyResults, { ...kr("k3", "T1b", 0), writtenOn: "2026-11-16" }],
    });
    const t1b = later.teams[0].objectives.find((o) => o.id === "T1b")!;
    // 7 of the 14 days from 11-16 to 11-29 have passed.
    expect(t1b.expected).toBe(50);
    expect(t1b.status).toBe("behind");
  });

  it("written before the wave starts, it is expected from the wave's first day", () => {
    const board = assembleBoard({ ...input, keyResults: [kr("k1", "O1", 60), { ...kr("k2", "T1a", 75), writtenOn: "2026-10-20" }] });
    expect(board.teams[0].expected).toBe(50);
  });
});
