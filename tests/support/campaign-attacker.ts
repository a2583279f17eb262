/**
 * The attacker on a Scorecard campaign, in memory: an admin who answers through the link once
 * itself, knows when each colleague answered, and reads the result after every answer or
 * whenever it likes. It records every published figure (everyone, leaders, everyone else,
 * each with its count and sum) and then checks that (a) nobody's "I lead a team" answer is
 * pinned, by enumerating every assignment of leader flags consistent with the counts it saw,
 * and (b) no combination of the sums it saw is one colleague's score alone (or, without its
 * own answer, fewer than k people's).
 */
import { basis, pinsGroup } from "./linear-leaks";
import { randomSource } from "./pulse-attacker";

export interface GroupFigure {
  n: number;
  sum: number;
}

/** The rule under test: from the tallies now and what it stored, what the result shows. */
export interface CampaignPublisher {
  read(
    count: { leaders: GroupFigure; rest: GroupFigure; closed: boolean },
    k: number,
  ): { everyone: GroupFigure; leaders: GroupFigure | null; rest: GroupFigure | null; count: number };
}

export function playCampaignAttack(
  publisher: () => CampaignPublisher,
  seed: number,
  k = 3,
): { seed: number; leaks: string[]; log: string[] } {
  const random = randomSource(seed);
  const pub = publisher();
  const people: { leader: boolean; score: number; attacker: boolean }[] = [];
  const log: string[] = [];
  const splits: { prefix: number; leaders: number }[] = [];
  const sets: number[][] = [];
  const attackerAt = Math.floor(random() * 6);
  const size = 6 + Math.floor(random() * 7);
  let closed = false;
  const read = () => {
    const tally = (leader: boolean) =>
      people.filter((p) => p.leader === leader).reduce((t, p) => ({ n: t.n + 1, sum: t.sum + p.score }), { n: 0, sum: 0 });
    const shown = pub.read({ leaders: tally(true), rest: tally(false), closed }, k);
    // Responses are never taken back, so a figure of n people counts the first n to answer.
    if (shown.everyone.n >= k) sets.push(people.slice(0, shown.everyone.n).map((_, i) => i));
    if (shown.leaders && shown.rest && shown.leaders.n >= k && shown.rest.n >= k) {
      const prefix = shown.leaders.n + shown.rest.n;
      splits.push({ prefix, leaders: shown.leaders.n });
      const inPrefix = people.slice(0, prefix).map((p, i) => ({ p, i }));
      sets.push(
        inPrefix.filter(({ p }) => p.leader).map(({ i }) => i),
        inPrefix.filter(({ p }) => !p.leader).map(({ i }) => i),
      );
    }
    log.push(`read: count ${shown.count}, everyone ${shown.everyone.n}, split ${shown.leaders?.n ?? "-"}/${shown.rest?.n ?? "-"}`);
  };
  for (let i = 0; i < size; i++) {
    const attacker = i === attackerAt;
    people.push({ leader: random() < 0.4, score: Math.floor(random() * 101), attacker });
    log.push(`${attacker ? "attacker" : `person ${i}`} answers${people[i].leader ? " as a leader" : ""}`);
    if (random() < 0.8) read();
  }
  read();
  // The admin closes the campaign and reads once more.
  closed = true;
  log.push("admin closes the campaign");
  read();

  const leaks: string[] = [];
  // (a) Leader flags: every assignment of the others' flags that gives the counts seen.
  const others = people.map((p, i) => ({ p, i })).filter(({ p }) => !p.attacker);
  const consistent: boolean[][] = [];
  for (let mask = 0; mask < 1 << others.length; mask++) {
    const flags = people.map((p) => p.leader);
    others.forEach(({ i }, j) => (flags[i] = (mask & (1 << j)) !== 0));
    if (splits.every((s) => flags.slice(0, s.prefix).filter(Boolean).length === s.leaders)) consistent.push(flags);
  }
  for (const { i } of others) {
    if (splits.length && i < Math.max(...splits.map((s) => s.prefix)) && consistent.every((f) => f[i] === consistent[0][i]))
      leaks.push(`person ${i} is known to ${consistent[0][i] ? "lead a team" : "lead no team"}`);
  }
  // (b) Scores: the sums seen, with and without the attacker's own answer.
  const span = basis(sets, people.length);
  for (let i = 0; i < people.length; i++) {
    if (pinsGroup(span, people.length, [i])) leaks.push(`person ${i}'s score is read from the figures`);
    for (let j = i + 1; j < people.length && k >= 3; j++)
      if (pinsGroup(span, people.length, [i, j])) leaks.push(`the scores of just persons ${i} and ${j} are read from the figures`);
  }
  const own = people.findIndex((p) => p.attacker);
  const withOwn = own >= 0 ? basis([...sets, [own]], people.length) : span;
  for (const { i } of others)
    if (pinsGroup(withOwn, people.length, [i])) leaks.push(`with its own answer, the attacker reads person ${i}'s score`);
  return { seed, leaks: [...new Set(leaks)], log };
}
