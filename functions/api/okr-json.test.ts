import { describe, expect, it } from "vitest";
import { waveCalendar } from "../../src/domain/okr/wave";
import type { TeamRow } from "../db/teams";
import type { WaveRow } from "../db/waves";
import { teamJson, teamsOverviewJson, waveJson, waveListJson, wavePlanJson } from "./okr-json";

/** Every key of a JSON answer, however deep: none may be snake_case. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}
const snake = (value: unknown) => keysOf(JSON.parse(JSON.stringify(value))).filter((k) => k.includes("_"));

const team: TeamRow = {
  id: "t".repeat(22),
  org_id: "o".repeat(22),
  name: "Payments",
  mission: "Money moves",
  declared_size: 7,
  created_at: "2026-11-01T09:00:00.000Z",
};
const wave: WaveRow = {
  id: "w".repeat(22),
  org_id: "o".repeat(22),
  name: "Wave 1",
  starts_on: "2026-11-02",
  ends_on: "2026-11-29",
  state: "active",
  created_at: "2026-10-20T09:00:00.000Z",
  activated_at: "2026-11-02T08:00:00.000Z",
  completed_at: null,
  anonymity_k: 5,
};

describe("teamJson", () => {
  it("shows a team in camelCase, without the org id", () => {
    expect(teamJson(team)).toEqual({ id: team.id, name: "Payments", mission: "Money moves", declaredSize: 7, createdAt: team.created_at });
  });
  it("the teams overview carries its leads and pending invitations in camelCase", () => {
    const json = teamsOverviewJson({
      teams: [
        {
          ...team,
          leads: [{ name: "Ada", email: "ada@example.com" }],
          pendingInvites: [{ name: "Bo", email: "bo@example.com", created_at: "2026-11-03T10:00:00.000Z" }],
        },
      ],
    });
    expect(json.teams[0]).toMatchObject({
      declaredSize: 7,
      leads: [{ name: "Ada" }],
      pendingInvites: [{ email: "bo@example.com", createdAt: "2026-11-03T10:00:00.000Z" }],
    });
    expect(snake(json)).toEqual([]);
  });
});

describe("waveJson", () => {
  it("shows a wave in camelCase with the k it started with", () => {
    expect(waveJson(wave)).toEqual({
      id: wave.id,
      name: "Wave 1",
      startsOn: "2026-11-02",
      endsOn: "2026-11-29",
      state: "active",
      createdAt: wave.created_at,
      activatedAt: wave.activated_at,
      completedAt: null,
      anonymityK: 5,
    });
  });
  it("the wave list and the wave plan leak no snake_case key", () => {
    const calendar = waveCalendar({ startsOn: wave.starts_on, endsOn: wave.ends_on }, "2026-11-20");
    expect(snake(waveListJson([{ ...wave, calendar }]))).toEqual([]);
    const plan = wavePlanJson({ wave, today: "2026-11-20", board: { calendar, orgObjectives: [], teams: [], needsSupport: [] } as never });
    expect(plan.wave.startsOn).toBe("2026-11-02");
    expect(snake(plan)).toEqual([]);
  });
});
