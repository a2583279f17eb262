import { describe, expect, it } from "vitest";
import { isWeekOver, publishedHeatMaps, publishWeek, takeWeekSnapshot, weekClosesAt, type WeekSnapshot } from "./publication";

const WEEK = "2026-11-02";
const team = (id: string, n: number, mean: number, objectives: [string, number, number][] = [[`${id}-o`, n, mean]]) => ({
  id,
  name: id,
  n,
  sum: objectives.reduce((s, [, votes, m]) => s + votes * m, 0),
  answers: objectives.reduce((s, [, votes]) => s + votes, 0),
  objectives: objectives.map(([oid, votes, m]) => ({ id: oid, title: oid, n: votes, sum: votes * m })),
});
const snapshot = (k: number, teams: WeekSnapshot["teams"]): WeekSnapshot => ({ week: WEEK, k, teams });

describe("a week is over everywhere", () => {
  it("at its Monday + 7 days + 12 hours UTC, when the week ends in UTC−12", () => {
    expect(weekClosesAt(WEEK).toISOString()).toBe("2026-11-09T12:00:00.000Z");
    expect(isWeekOver(WEEK, new Date("2026-11-09T11:59:59Z"))).toBe(false);
    expect(isWeekOver(WEEK, new Date("2026-11-09T12:00:00Z"))).toBe(true);
  });

  it("so no time zone, whichever the org switches to, still dates a vote in that week after it", () => {
    for (const zone of ["Etc/GMT+12", "Pacific/Pago_Pago", "America/Los_Angeles", "UTC", "Asia/Tokyo", "Pacific/Kiritimati"]) {
      const local = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
        weekClosesAt(WEEK),
      );
      expect(local >= "2026-11-09", zone).toBe(true); // the next Monday or later, locally
    }
  });
});

describe("publishWeek", () => {
  it("hides a small team and, since the all-teams row shows, the next-smallest too", () => {
    const week = publishWeek(snapshot(5, [team("a", 9, 4), team("b", 6, 3), team("c", 3, 1)]));
    expect([...week.teams.values()].map((c) => c.state)).toEqual(["shown", "suppressed", "suppressed"]);
    expect(week.org).toEqual({ state: "shown", n: 18, mean: 3.2 });
  });

  it("shows a single voter as hidden, never as a number, and the all-teams row too", () => {
    const week = publishWeek(snapshot(3, [team("a", 1, 5)]));
    expect(week.teams.get("a")).toEqual({ state: "suppressed" });
    expect(week.org).toEqual({ state: "suppressed" });
    expect(week.objectives.get("a-o")).toEqual({ state: "suppressed" });
  });

  it("counts hidden objectives as the busiest one's people, not one person per vote: the team total minus a shown objective gives nobody away", () => {
    // Two people rated B and C (hidden, 2 votes each, 4 votes in all); five rated A.
    const week = publishWeek(
      snapshot(3, [
        team("t", 5, 3, [
          ["A", 5, 4],
          ["B", 2, 1],
          ["C", 2, 1],
        ]),
        team("u", 5, 3),
      ]),
    );
    expect(week.teams.get("t")?.state).toBe("shown");
    expect(week.objectives.get("B")).toEqual({ state: "suppressed" });
    expect(week.objectives.get("C")).toEqual({ state: "suppressed" });
    expect(week.objectives.get("A")).toEqual({ state: "suppressed" });
  });

  it("hides a hidden team's objectives, even those with k votes", () => {
    const week = publishWeek(
      snapshot(5, [
        team("a", 9, 4),
        team("b", 6, 3, [
          ["b1", 6, 3],
          ["b2", 5, 3],
        ]),
        team("c", 3, 1),
      ]),
    );
    expect(week.teams.get("b")?.state).toBe("suppressed");
    expect(week.objectives.get("b1")).toEqual({ state: "suppressed" });
    expect(week.objectives.get("b2")).toEqual({ state: "suppressed" });
  });

  it("uses the k stored with the week, whatever the org's k is now", () => {
    const s = snapshot(5, [team("a", 4, 4), team("b", 4, 2)]);
    expect(publishWeek(s).org).toEqual({ state: "shown", n: 8, mean: 3 });
    expect([...publishWeek(s).teams.values()].map((c) => c.state)).toEqual(["suppressed", "suppressed"]);
  });
});

describe("takeWeekSnapshot", () => {
  it("counts a team's people as its remaining votes prove: people whose only votes were on a deleted objective do not count", () => {
    // Three people voted; the objective two of them rated alone was deleted, leaving one person's vote.
    const s = takeWeekSnapshot({
      week: WEEK,
      k: 3,
      teams: [{ id: "t", name: "T" }],
      objectives: [{ id: "B", teamId: "t", title: "B" }],
      counts: {
        teamWeek: [{ team_id: "t", week: WEEK, votes: 1, total: 5 }],
        respondents: [{ team_id: "t", week: WEEK, respondents: 3 }],
        objectiveWeek: [{ team_id: "t", objective_id: "B", week: WEEK, votes: 1, total: 5 }],
      },
    });
    expect(s.teams[0].n).toBe(1);
    expect(publishWeek(s).teams.get("t")).toEqual({ state: "suppressed" });
  });
});

describe("publishedHeatMaps", () => {
  const published = [
    snapshot(3, [
      team("a", 4, 4, [
        ["a1", 4, 4],
        ["a2", 4, 3],
      ]),
      team("b", 3, 2),
    ]),
  ];

  it("shows a published week exactly as it was after an objective or a team is deleted", () => {
    const before = publishedHeatMaps({
      snapshots: published,
      teams: [
        { id: "a", name: "a" },
        { id: "b", name: "b" },
      ],
      objectives: [
        { id: "a1", teamId: "a", title: "a1" },
        { id: "a2", teamId: "a", title: "a2" },
        { id: "b-o", teamId: "b", title: "b-o" },
      ],
    });
    const after = publishedHeatMaps({
      snapshots: published,
      teams: [{ id: "a", name: "a" }],
      objectives: [{ id: "a1", teamId: "a", title: "a1" }],
    });
    expect(after.org.total).toEqual(before.org.total);
    expect(after.org.rows).toEqual(before.org.rows);
    expect(after.teams.get("a")).toEqual(before.teams.get("a"));
    expect(after.teams.get("b")).toEqual(before.teams.get("b"));
  });

  it("adds a team or an objective created after the week as empty rows, changing nothing else", () => {
    const before = publishedHeatMaps({
      snapshots: published,
      teams: [
        { id: "a", name: "a" },
        { id: "b", name: "b" },
      ],
      objectives: [],
    });
    const after = publishedHeatMaps({
      snapshots: published,
      teams: [
        { id: "a", name: "a" },
        { id: "b", name: "b" },
        { id: "c", name: "c" },
      ],
      objectives: [{ id: "a3", teamId: "a", title: "a3" }],
    });
    expect(after.org.total).toEqual(before.org.total);
    expect(after.org.rows.slice(0, 2)).toEqual(before.org.rows);
    expect(after.org.rows[2].cells).toEqual([{ state: "empty" }]);
    expect(after.teams.get("a")?.rows.find((r) => r.key === "a3")?.cells).toEqual([{ state: "empty" }]);
    expect(after.teams.get("a")?.rows.filter((r) => r.key !== "a3")).toEqual(before.teams.get("a")?.rows);
  });
});
