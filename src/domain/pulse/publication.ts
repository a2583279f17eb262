/**
 * The pulse's publication model (docs/ANONYMITY.md). A week of an org's wave is published
 * once, as one snapshot of every raw count of that week taken at the same moment, and only
 * once the week is over everywhere on Earth: then no vote can join it any more, so the
 * snapshot is final and nothing anyone reads about that week ever changes again. Every figure
 * (team rows, the all-teams row, objective rows, counts, drop flags, divergence alerts,
 * comments' eligibility) is computed from the stored snapshot, never from live data, with the
 * threshold k stored in the snapshot: deleting an objective or a team, adding one, changing
 * k or the time zone afterwards changes nothing that was published.
 *
 * Within one snapshot, threshold and complementary suppression (../anonymity.ts) make sure
 * that no combination of the figures of the week isolates fewer than k people. Weeks are never
 * added up, so figures of different weeks cover different votes and cannot be subtracted.
 */
import { cellFor, suppressTable, type Cell, type RawCell } from "../anonymity";
import { dropFlags, type HeatMap, type HeatRow } from "./heatmap";

const HOUR_MS = 3_600_000;

/**
 * A pulse week (its Monday, YYYY-MM-DD, in the org's time zone at voting time) is over
 * everywhere once Monday + 7 days + 12 hours UTC have passed: the westernmost time zone in
 * use (UTC−12) ends the week then. Whatever time zone the org had when each vote was cast,
 * and however often it changed, no vote can carry that week's date after this instant.
 */
export function weekClosesAt(week: string): Date {
  return new Date(Date.parse(`${week}T00:00:00Z`) + (7 * 24 + 12) * HOUR_MS);
}

export function isWeekOver(week: string, now: Date): boolean {
  return now.getTime() >= weekClosesAt(week).getTime();
}

/** One objective's votes in a snapshot: n votes (one per voter), their sum. */
export interface SnapshotObjective {
  id: string;
  title: string;
  n: number;
  sum: number;
}

/** One team's week in a snapshot: n people, the sum and number of their votes, its objectives. */
export interface SnapshotTeam {
  id: string;
  name: string;
  n: number;
  sum: number;
  answers: number;
  objectives: SnapshotObjective[];
}

/** Everything one week of an org's wave publishes, frozen when the week is over. */
export interface WeekSnapshot {
  week: string;
  /** The threshold of the wave, fixed when it started. */
  k: number;
  teams: SnapshotTeam[];
}

/** Raw counts of one week as the database has them (grouped in SQL). */
export interface WeekCounts {
  teamWeek: readonly { team_id: string; week: string; votes: number; total: number }[];
  respondents: readonly { team_id: string; week: string; respondents: number }[];
  objectiveWeek: readonly { team_id: string; objective_id: string; week: string; votes: number; total: number }[];
}

/**
 * Takes the snapshot of `week` from the raw counts: every team that has votes in it, with its
 * objectives. Names and titles are kept so the published week reads the same after a rename
 * or a deletion.
 */
export function takeWeekSnapshot(input: {
  week: string;
  k: number;
  teams: readonly { id: string; name: string }[];
  objectives: readonly { id: string; teamId: string; title: string }[];
  counts: WeekCounts;
}): WeekSnapshot {
  const { week, k, counts } = input;
  const people = new Map(counts.respondents.filter((r) => r.week === week).map((r) => [r.team_id, r.respondents]));
  const teamName = new Map(input.teams.map((t) => [t.id, t.name]));
  const title = new Map(input.objectives.map((o) => [o.id, o.title]));
  const teams = counts.teamWeek
    .filter((r) => r.week === week && r.votes > 0)
    .map((r): SnapshotTeam => ({
      id: r.team_id,
      name: teamName.get(r.team_id) ?? "Team",
      // The people the remaining votes provably come from: the busiest objective's voters. The
      // respondent count kept at voting time would also count people whose only votes were
      // on an objective deleted since, and pass off fewer people's votes as k people's.
      n: Math.min(
        people.get(r.team_id) ?? Infinity,
        Math.max(0, ...counts.objectiveWeek.filter((o) => o.team_id === r.team_id && o.week === week).map((o) => o.votes)),
      ),
      sum: r.total,
      answers: r.votes,
      objectives: counts.objectiveWeek
        .filter((o) => o.team_id === r.team_id && o.week === week && o.votes > 0)
        .map((o) => ({ id: o.objective_id, title: title.get(o.objective_id) ?? "Objective", n: o.votes, sum: o.total }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { week, k, teams };
}

/** What one published week shows: the all-teams cell, each team's cell, each objective's cell. */
export interface PublishedWeek {
  week: string;
  k: number;
  org: Cell;
  teams: Map<string, Cell>;
  objectives: Map<string, Cell>;
}

/**
 * Suppresses one snapshot. Teams are disjoint sets of people, so at the org level the hidden
 * teams' people add up; within a team the same people rate several objectives, so the hidden
 * objectives are only worth as many people as the busiest of them (a sum would count one
 * person once per objective, and the team total minus its shown objectives would give away
 * the few people behind the hidden ones).
 */
export function publishWeek(s: WeekSnapshot): PublishedWeek {
  const teamRaw = new Map<string, RawCell>(s.teams.map((t) => [t.id, { n: t.n, sum: t.sum, answers: t.answers }]));
  const orgRaw: RawCell = s.teams.reduce<RawCell>(
    (acc, t) => ({ n: acc.n + t.n, sum: acc.sum + t.sum, answers: (acc.answers ?? 0) + t.answers }),
    { n: 0, sum: 0, answers: 0 },
  );
  const org = cellFor(orgRaw, s.k);
  const teams = suppressTable(teamRaw, s.k, [{ members: s.teams.map((t) => t.id), published: org.state === "shown" }]);
  const objectives = new Map<string, Cell>();
  for (const t of s.teams) {
    const raw = new Map<string, RawCell>(t.objectives.map((o) => [o.id, { n: o.n, sum: o.sum }]));
    const teamShown = teams.get(t.id)?.state === "shown";
    const cells = suppressTable(raw, s.k, [{ members: t.objectives.map((o) => o.id), published: teamShown, coverage: "max" }]);
    // A hidden team week hides its objectives: together they add up to it.
    for (const [id, cell] of cells) objectives.set(id, !teamShown && cell.state === "shown" ? { state: "suppressed" } : cell);
  }
  return { week: s.week, k: s.k, org, teams, objectives };
}

/**
 * The org's heat maps from its published weeks (oldest first): teams × weeks with the
 * all-teams row, and each team's objectives × weeks. Rows are the teams and objectives live
 * now, then those only the published weeks remember (deleted since), under their names then.
 */
export function publishedHeatMaps(input: {
  snapshots: readonly WeekSnapshot[];
  teams: readonly { id: string; name: string }[];
  objectives: readonly { id: string; teamId: string; title: string }[];
}): { weeks: string[]; org: HeatMap; teams: Map<string, HeatMap> } {
  const weeks = input.snapshots.map((s) => s.week);
  const published = input.snapshots.map(publishWeek);
  const teamRows = [...input.teams];
  const objectiveRows = [...input.objectives];
  for (const s of input.snapshots) {
    for (const t of s.teams) {
      if (!teamRows.some((x) => x.id === t.id)) teamRows.push({ id: t.id, name: t.name });
      for (const o of t.objectives)
        if (!objectiveRows.some((x) => x.id === o.id)) objectiveRows.push({ id: o.id, teamId: t.id, title: o.title });
    }
  }
  const row = (key: string, label: string, cells: Cell[]): HeatRow => ({ key, label, cells, drops: dropFlags(cells) });
  const empty: Cell = { state: "empty" };
  const org: HeatMap = {
    weeks,
    rows: teamRows.map((t) =>
      row(
        t.id,
        t.name,
        published.map((p) => p.teams.get(t.id) ?? empty),
      ),
    ),
    total: row(
      "all",
      "All teams",
      published.map((p) => p.org),
    ),
  };
  const teams = new Map<string, HeatMap>();
  for (const teamRow of org.rows) {
    teams.set(teamRow.key, {
      weeks,
      rows: objectiveRows
        .filter((o) => o.teamId === teamRow.key)
        .map((o) =>
          row(
            o.id,
            o.title,
            published.map((p) => p.objectives.get(o.id) ?? empty),
          ),
        ),
      total: { ...teamRow, label: "Whole team" },
    });
  }
  return { weeks, org, teams };
}
