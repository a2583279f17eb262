/**
 * The rules this model replaced, kept only so the attacker tests can show they find real leaks:
 * each pulse cell released on its own in steps of k (migration 0009), and a campaign split that
 * moved when each group was unchanged or grew by k. Nothing in the app uses them.
 */
import { cellFor, stepRelease, suppressTable, type RawCell } from "../../src/domain/anonymity";
import type { CampaignPublisher } from "./campaign-attacker";
import type { Figure, Publisher } from "./pulse-attacker";

type Released = RawCell & { answers: number; at: number };

export const perCellReleases = (): Publisher => {
  const releases = new Map<string, Released>();
  return {
    read(world) {
      const k = world.k;
      const out: Figure[] = [];
      const release = (cell: string, raw: { n: number; sum: number; answers: number }): Released => {
        const step = stepRelease<Released>({ ...raw, at: world.read }, releases.get(cell), k);
        if (step.next) releases.set(cell, step.next);
        return step.shown;
      };
      for (const week of world.weeks) {
        const people = new Map(world.rows.respondents.filter((r) => r.week === week).map((r) => [r.team_id, r.respondents]));
        const rawTeams = world.rows.teamWeek
          .filter((r) => r.week === week)
          .map((r) => ({ id: r.team_id, raw: { n: people.get(r.team_id) ?? 0, sum: r.total, answers: r.votes } }));
        const teams = new Map(rawTeams.map((t) => [t.id, release(`team|${t.id}|${week}`, t.raw)]));
        const org = release(
          `org|${week}`,
          rawTeams.reduce((a, t) => ({ n: a.n + t.raw.n, sum: a.sum + t.raw.sum, answers: a.answers + t.raw.answers }), {
            n: 0,
            sum: 0,
            answers: 0,
          }),
        );
        const orgCell = cellFor(org, k);
        if (orgCell.state === "shown") out.push({ cell: `org|${week}`, n: orgCell.n, mean: orgCell.mean, at: org.at });
        const teamCells = suppressTable(teams, k, [{ members: [...teams.keys()], published: orgCell.state === "shown" }]);
        for (const [id, c] of teamCells) {
          if (c.state === "shown") out.push({ cell: `team|${id}|${week}`, n: c.n, mean: c.mean, at: teams.get(id)!.at });
          const objectives = new Map(
            world.rows.objectiveWeek
              .filter((r) => r.week === week && r.team_id === id)
              .map((r) => [r.objective_id, release(`objective|${r.objective_id}|${week}`, { n: r.votes, sum: r.total, answers: r.votes })]),
          );
          for (const [oid, oc] of suppressTable(objectives, k, [{ members: [...objectives.keys()], published: c.state === "shown" }])) {
            if (oc.state === "shown" && c.state === "shown")
              out.push({ cell: `objective|${oid}|${week}`, n: oc.n, mean: oc.mean, at: objectives.get(oid)!.at });
          }
        }
      }
      return out;
    },
  };
};

export const splitWhenEachGroupStillOrGrewByK = (): CampaignPublisher => {
  let everyone: { n: number; sum: number } | undefined;
  let split: { leaders: { n: number; sum: number }; rest: { n: number; sum: number } } | undefined;
  return {
    read(count, k) {
      const all = { n: count.leaders.n + count.rest.n, sum: count.leaders.sum + count.rest.sum };
      const step = stepRelease(all, everyone, k);
      const epoch = step.next !== null;
      if (step.next) everyone = step.next;
      if (epoch) {
        const stepped = (d: number) => d === 0 || d >= k;
        const ok = split
          ? count.leaders.n - split.leaders.n + count.rest.n - split.rest.n > 0 &&
            stepped(count.leaders.n - split.leaders.n) &&
            stepped(count.rest.n - split.rest.n)
          : count.leaders.n >= k && count.rest.n >= k;
        if (ok) split = { leaders: { ...count.leaders }, rest: { ...count.rest } };
      }
      return { everyone: everyone ?? all, leaders: split?.leaders ?? null, rest: split?.rest ?? null, count: all.n };
    },
  };
};
