import { describe, expect, it } from "vitest";
import type { HeatMap } from "../../src/domain/pulse/heatmap";
import { perCellReleases } from "../../tests/support/old-rules";
import { playPulseAttack, type Figure, type Publisher } from "../../tests/support/pulse-attacker";
import { isWeekOver, publishedHeatMaps, takeWeekSnapshot, type WeekSnapshot } from "../../src/domain/pulse/publication";

/** Every shown figure of the maps; `at`, per week, is the read whose counts its snapshot took. */
function figuresOf(weeks: readonly string[], org: HeatMap, teams: ReadonlyMap<string, HeatMap>, at: readonly number[]): Figure[] {
  const out: Figure[] = [];
  const push = (cell: (w: string) => string, cells: HeatMap["total"]["cells"]) =>
    cells.forEach((c, i) => {
      if (c.state === "shown") out.push({ cell: cell(weeks[i]), n: c.n, mean: c.mean, at: at[i] });
    });
  push((w) => `org|${w}`, org.total.cells);
  for (const r of org.rows) push((w) => `team|${r.key}|${w}`, r.cells);
  for (const map of teams.values()) for (const r of map.rows) push((w) => `objective|${r.key}|${w}`, r.cells);
  return out;
}

/** The rule in force: a week publishes once, as one snapshot, once it is over everywhere. */
const weekSnapshots = (): Publisher => {
  const stored = new Map<string, { snapshot: WeekSnapshot; at: number }>();
  return {
    read(world) {
      for (const week of world.weeks) {
        if (!stored.has(week) && isWeekOver(week, world.now))
          stored.set(week, {
            snapshot: takeWeekSnapshot({ week, k: world.waveK, teams: world.teams, objectives: world.objectives, counts: world.rows }),
            at: world.read,
          });
      }
      const weeks = [...stored.values()];
      const maps = publishedHeatMaps({ snapshots: weeks.map((w) => w.snapshot), teams: world.teams, objectives: world.objectives });
      return figuresOf(
        maps.weeks,
        maps.org,
        maps.teams,
        weeks.map((w) => w.at),
      );
    },
  };
};

describe("the attacker on the pulse", () => {
  it("reads nobody's votes, nor fewer than k people's, over many random sequences of votes, reads and admin changes", () => {
    const outcomes = Array.from({ length: 300 }, (_, seed) => playPulseAttack(weekSnapshots, seed + 1, seed % 4 === 3 ? 4 : 3));
    const leaky = outcomes.filter((o) => o.leaks.length > 0);
    for (const o of leaky.slice(0, 3)) console.log(`seed ${o.seed}: ${o.leaks.slice(0, 3).join("; ")}\n  ${o.log.join("\n  ")}`);
    console.log(`${leaky.length} of ${outcomes.length} sequences leak; figures seen: ${outcomes.reduce((s, o) => s + o.figures, 0)}`);
    expect(leaky).toEqual([]);
  });
});

describe("the same attacker against the rules this model replaced", () => {
  it("finds the leaks of cells released one by one in steps of k: the attacker is not toothless", () => {
    const outcomes = Array.from({ length: 300 }, (_, seed) => playPulseAttack(perCellReleases, seed + 1, seed % 4 === 3 ? 4 : 3));
    const leaky = outcomes.filter((o) => o.leaks.length > 0);
    console.log(
      `per-cell releases: ${leaky.length} of ${outcomes.length} sequences leak, e.g. seed ${leaky[0]?.seed}: ${leaky[0]?.leaks.slice(0, 2).join("; ")}`,
    );
    expect(leaky.length).toBeGreaterThan(100);
    expect(leaky.some((o) => o.leaks.some((l) => l.startsWith("with its own votes, the attacker reads")))).toBe(true);
  });
});
