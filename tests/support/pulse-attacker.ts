/**
 * The attacker, in memory: an admin who is also a member voting through the team's link.
 * It plays random sequences on a small org (2–3 teams, 2–3 objectives, k = 3) of votes,
 * reads of every figure the heat maps publish, and the changes an admin may make (add or
 * delete an objective or a team, lower k once the wave is over, let time pass), records every
 * figure it was shown, and then looks for a person whose answers it can compute: some linear
 * combination of the figures it saw that sums only one person's votes (or, without its own
 * votes, fewer than k people's). It knows when each person voted and its own answers.
 *
 * A publisher is the rule under test: given the raw counts now, what is shown.
 */
import { seededRandom } from "../../functions/services/seed/random";
import { basis, pinsGroup } from "./linear-leaks";

export interface RawRows {
  teamWeek: { team_id: string; week: string; votes: number; total: number }[];
  respondents: { team_id: string; week: string; respondents: number }[];
  objectiveWeek: { team_id: string; objective_id: string; week: string; votes: number; total: number }[];
}

export interface World {
  /** The org's threshold now. */
  k: number;
  /** The threshold the wave started with. */
  waveK: number;
  /** "active" while people vote; "completed" once the wave is over (k may then change). */
  waveState: "active" | "completed";
  now: Date;
  weeks: string[];
  teams: { id: string; name: string }[];
  objectives: { id: string; teamId: string; title: string }[];
  rows: RawRows;
  /** Counts the reads, from 0: a publisher that stores what it shows may say from which read it is. */
  read: number;
}

/** What one read shows: per cell key ('org|w', 'team|t|w', 'objective|o|w'), respondents or votes and the mean. */
export interface Figure {
  cell: string;
  n: number;
  mean: number;
  /** The read (World.read) whose counts the figure comes from, when the publisher says; else the latest that matches. */
  at?: number;
}

export interface Publisher {
  read(world: World): Figure[];
}

interface Vote {
  variable: number;
  person: string;
  teamId: string;
  objectiveId: string;
  week: string;
  score: number;
}

/** The attackers draw from the seeded generator the demo uses, so a failing sequence replays by its seed. */
export const randomSource = seededRandom;

const WEEKS = ["2026-11-02", "2026-11-09"];
const round1 = (x: number) => Math.round(x * 10) / 10;

export interface AttackOutcome {
  seed: number;
  leaks: string[];
  log: string[];
  figures: number;
}

/**
 * One random sequence. `startK` is the threshold the wave started with; when it is above 3
 * the admin lowers it to 3 once the wave is over (the "k lowered after a wave" class).
 */
export function playPulseAttack(publisher: () => Publisher, seed: number, startK = 3): AttackOutcome {
  const random = randomSource(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const pub = publisher();
  const log: string[] = [];
  let nextId = 0;
  const id = (p: string) => `${p}${++nextId}`;
  const teams: { id: string; name: string; people: string[] }[] = [];
  const objectives: { id: string; teamId: string; title: string }[] = [];
  const addTeam = () => {
    const t = { id: id("t"), name: `Team ${nextId}`, people: Array.from({ length: 3 + Math.floor(random() * 4) }, () => id("p")) };
    teams.push(t);
    const count = 2 + Math.floor(random() * 2);
    for (let i = 0; i < count; i++) objectives.push({ id: id("o"), teamId: t.id, title: `Objective ${nextId}` });
    return t;
  };
  const teamCount = 2 + Math.floor(random() * 2);
  for (let i = 0; i < teamCount; i++) addTeam();
  const attacker = teams[0].people[0];
  const votes: Vote[] = [];
  const respondents = new Map<string, number>(); // team|week -> people counted at vote time
  const voted = new Set<string>(); // person|week
  let variables = 0;
  const personOf: string[] = [];
  let k = startK;
  let waveState: World["waveState"] = "active";
  let weekIndex = 0;
  let now = new Date(`${WEEKS[0]}T09:00:00Z`);
  // The state of every cell at every read: the attacker later matches each figure to the moment it came from.
  const history = new Map<string, { ns: number[]; mean: number; set: number[]; at: number }[]>();
  let reads = 0;
  const sets: number[][] = [];

  const rows = (): RawRows => {
    const live = votes.filter((v) => teams.some((t) => t.id === v.teamId) && objectives.some((o) => o.id === v.objectiveId));
    const group = <K extends string>(keyOf: (v: Vote) => K) => {
      const m = new Map<K, Vote[]>();
      for (const v of live) m.set(keyOf(v), [...(m.get(keyOf(v)) ?? []), v]);
      return m;
    };
    const teamWeek = [...group((v) => `${v.teamId}|${v.week}`).entries()].map(([key, vs]) => {
      const [team_id, week] = key.split("|");
      return { team_id, week, votes: vs.length, total: vs.reduce((s, v) => s + v.score, 0) };
    });
    const objectiveWeek = [...group((v) => `${v.objectiveId}|${v.week}`).entries()].map(([key, vs]) => {
      const [objective_id, week] = key.split("|");
      return { team_id: vs[0].teamId, objective_id, week, votes: vs.length, total: vs.reduce((s, v) => s + v.score, 0) };
    });
    const resp = [...respondents.entries()]
      .filter(([key]) => teams.some((t) => t.id === key.split("|")[0]))
      .map(([key, n]) => {
        const [team_id, week] = key.split("|");
        return { team_id, week, respondents: n };
      });
    return { teamWeek, respondents: resp, objectiveWeek };
  };

  const record = () => {
    const live = votes.filter((v) => teams.some((t) => t.id === v.teamId) && objectives.some((o) => o.id === v.objectiveId));
    // A cell's count may be its people as counted at voting time or as its remaining votes prove.
    const add = (cell: string, ns: number[], vs: Vote[]) => {
      if (vs.length === 0) return;
      const list = history.get(cell) ?? [];
      list.push({ ns, mean: round1(vs.reduce((s, v) => s + v.score, 0) / vs.length), set: vs.map((v) => v.variable), at: reads });
      history.set(cell, list);
    };
    const proven = (vs: Vote[]) => Math.max(0, ...objectives.map((o) => vs.filter((v) => v.objectiveId === o.id).length));
    for (const week of WEEKS) {
      const inWeek = live.filter((v) => v.week === week);
      // The org's week counts the people of every team that still has votes in it.
      const withVotes = teams.filter((t) => inWeek.some((v) => v.teamId === t.id));
      const counted = withVotes.reduce((s, t) => s + (respondents.get(`${t.id}|${week}`) ?? 0), 0);
      add(`org|${week}`, [counted, withVotes.reduce((s, t) => s + proven(inWeek.filter((v) => v.teamId === t.id)), 0)], inWeek);
      for (const t of teams) {
        const vs = inWeek.filter((v) => v.teamId === t.id);
        add(`team|${t.id}|${week}`, [respondents.get(`${t.id}|${week}`) ?? 0, proven(vs)], vs);
      }
      for (const o of objectives) {
        const vs = inWeek.filter((v) => v.objectiveId === o.id);
        add(`objective|${o.id}|${week}`, [vs.length], vs);
      }
    }
  };

  const read = () => {
    record();
    const figures = pub.read({
      k,
      waveK: startK,
      waveState,
      now,
      weeks: WEEKS.slice(0, weekIndex + 1),
      teams: teams.map(({ id, name }) => ({ id, name })),
      objectives: [...objectives],
      rows: rows(),
      read: reads,
    });
    for (const f of figures) {
      const past = history.get(f.cell) ?? [];
      const match = [...past]
        .reverse()
        .find((h) => (f.at === undefined || h.at === f.at) && h.ns.includes(f.n) && Math.abs(h.mean - f.mean) < 1e-9);
      if (!match)
        throw new Error(
          `seed ${seed}: figure ${f.cell} n=${f.n} mean=${f.mean} matches no moment the attacker saw: ${JSON.stringify(past.map((h) => [h.ns, h.mean]))}\n${log.join("\n")}`,
        );
      sets.push(match.set);
    }
    reads++;
    return figures.length;
  };

  const steps = 30 + Math.floor(random() * 30);
  let shown = 0;
  for (let step = 0; step < steps; step++) {
    const roll = random();
    const week = WEEKS[weekIndex];
    if (waveState === "active" && roll < 0.45) {
      const candidates = teams.flatMap((t) => t.people.filter((p) => !voted.has(`${p}|${week}`)).map((p) => ({ t, p })));
      if (candidates.length === 0) continue;
      const { t, p } = pick(candidates);
      voted.add(`${p}|${week}`);
      respondents.set(`${t.id}|${week}`, (respondents.get(`${t.id}|${week}`) ?? 0) + 1);
      for (const o of objectives.filter((x) => x.teamId === t.id)) {
        votes.push({ variable: variables, person: p, teamId: t.id, objectiveId: o.id, week, score: 1 + Math.floor(random() * 5) });
        personOf[variables++] = p;
      }
      log.push(`${p === attacker ? "attacker" : p} (${t.name}) votes`);
    } else if (roll < 0.75) {
      shown += read();
      log.push("read");
    } else if (roll < 0.8 && waveState === "active") {
      const t = pick(teams);
      const own = objectives.filter((o) => o.teamId === t.id);
      if (own.length > 1) {
        const o = pick(own);
        objectives.splice(objectives.indexOf(o), 1);
        log.push(`admin deletes ${o.title} of ${t.name}`);
      }
    } else if (roll < 0.84 && waveState === "active") {
      const t = pick(teams);
      objectives.push({ id: id("o"), teamId: t.id, title: `Objective ${nextId}` });
      log.push(`admin adds an objective to ${t.name}`);
    } else if (roll < 0.87 && waveState === "active") {
      log.push(`admin adds ${addTeam().name}`);
    } else if (roll < 0.9 && waveState === "active" && teams.length > 2) {
      const t = pick(teams.slice(1));
      teams.splice(teams.indexOf(t), 1);
      for (const o of objectives.filter((x) => x.teamId === t.id)) objectives.splice(objectives.indexOf(o), 1);
      log.push(`admin deletes ${t.name}`);
    } else if (roll < 0.97) {
      // Time passes: to mid-week, to the next week, or past the wave's end.
      if (now.getUTCDay() === 1) now = new Date(now.getTime() + 2 * 86_400_000);
      else if (weekIndex < WEEKS.length - 1) {
        weekIndex++;
        now = new Date(`${WEEKS[weekIndex]}T09:00:00Z`);
      } else if (waveState === "active") {
        waveState = "completed";
        now = new Date(Date.parse(`${WEEKS[weekIndex]}T00:00:00Z`) + 8 * 86_400_000);
      }
      log.push(`time: ${now.toISOString()} (${waveState})`);
    } else if (waveState === "completed" && k > 3) {
      k = 3;
      log.push("admin lowers k to 3");
    }
  }
  // Whatever happened, the attacker reads everything once more after the wave.
  if (waveState === "active") {
    waveState = "completed";
    now = new Date(Date.parse(`${WEEKS[WEEKS.length - 1]}T00:00:00Z`) + 8 * 86_400_000);
  }
  shown += read();
  if (startK > 3) {
    k = 3;
    shown += read();
  }

  const leaks: string[] = [];
  const people = [...new Set(personOf)];
  const varsOf = new Map(people.map((p) => [p, personOf.flatMap((q, i) => (q === p ? [i] : []))]));
  const span = basis(sets, variables);
  // Without its own votes: no combination may be the work of fewer than startK people.
  for (let i = 0; i < people.length; i++) {
    if (pinsGroup(span, variables, varsOf.get(people[i])!)) leaks.push(`the figures give away ${people[i]}'s votes`);
    else if (startK >= 3) {
      for (let j = i + 1; j < people.length; j++) {
        if (pinsGroup(span, variables, [...varsOf.get(people[i])!, ...varsOf.get(people[j])!]))
          leaks.push(`the figures give away the votes of just ${people[i]} and ${people[j]}`);
      }
    }
  }
  // With its own votes known: nobody else's votes alone.
  const own = varsOf.get(attacker) ?? [];
  const spanWithOwn = basis([...sets, ...own.map((v) => [v])], variables);
  for (const p of people) {
    if (p !== attacker && pinsGroup(spanWithOwn, variables, varsOf.get(p)!))
      leaks.push(`with its own votes, the attacker reads ${p}'s votes`);
  }
  return { seed, leaks: [...new Set(leaks)], log, figures: shown };
}
