/**
 * "Where to offer help this week": one line that points leadership at the one place where
 * help matters most. A team that asked for help and waits ranks first, then the team with the
 * most reasons to need support, then the oldest open problem.
 */

export interface HelpCandidate {
  team: string;
  /** Reasons in words, most important first ("confidence dropped", "23% vs 68% expected"). */
  reasons: string[];
}

export interface WaitingBoost {
  from: string;
  to: string;
  what: string;
  ageDays: number;
}

export interface AgingProblem {
  team: string;
  text: string;
  weeksOpen: number;
}

export function helpLine(input: {
  teams: readonly HelpCandidate[];
  boosts?: readonly WaitingBoost[];
  problems?: readonly AgingProblem[];
}): string {
  const boost = [...(input.boosts ?? [])].sort((a, b) => b.ageDays - a.ageDays)[0];
  if (boost && boost.ageDays >= 3) {
    return `${boost.from} asked ${boost.to} for help (“${boost.what}”) ${boost.ageDays} days ago and is still waiting: a word from leadership could unblock it.`;
  }
  const team = [...input.teams].sort((a, b) => b.reasons.length - a.reasons.length)[0];
  if (team && team.reasons.length > 0) return `${team.team}: ${team.reasons.join(", ")}. Ask what would help, rather than what went wrong.`;
  const problem = [...(input.problems ?? [])].sort((a, b) => b.weeksOpen - a.weeksOpen)[0];
  if (problem && problem.weeksOpen >= 2) return `${problem.team} has had “${problem.text}” open for ${problem.weeksOpen} weeks.`;
  return "No team is behind, silent or losing confidence this week: say thank you.";
}
