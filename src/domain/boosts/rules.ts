/**
 * Who may do what on a boost request. A boost is between teams: only the leads of the teams
 * involved act on it (admins read along), so the viewer is identified by the team they lead.
 */

export const BOOST_STATES = ["open", "accepted", "declined", "resolved"] as const;
export type BoostState = (typeof BOOST_STATES)[number];

export interface BoostFacts {
  state: BoostState;
  fromTeamId: string;
  /** null: asked of any team. */
  toTeamId: string | null;
  helperTeamId: string | null;
}

export interface BoostActions {
  accept: boolean;
  decline: boolean;
  message: boolean;
  resolve: boolean;
}

/** Whether `teamId` is asked: the team named, or for "any team" every team but the requester. */
export function isAsked(b: BoostFacts, teamId: string): boolean {
  return teamId !== b.fromTeamId && (b.toTeamId === null || b.toTeamId === teamId);
}

/** What the lead of `viewerTeamId` (null for an admin) may do on the boost now. */
export function boostActions(b: BoostFacts, viewerTeamId: string | null): BoostActions {
  if (!viewerTeamId) return { accept: false, decline: false, message: false, resolve: false };
  const requester = viewerTeamId === b.fromTeamId;
  const asked = isAsked(b, viewerTeamId);
  const open = b.state === "open";
  const live = open || b.state === "accepted";
  const helperSide = b.state === "accepted" ? b.helperTeamId === viewerTeamId : asked;
  return { accept: open && asked, decline: open && asked, message: live && (requester || helperSide), resolve: live && requester };
}

/**
 * The teams a new message goes to by email. From the requester: the helper once accepted,
 * the team asked, or for an open "any team" request the teams already in the thread (every
 * other team when nobody has written yet). From the other side: the requester.
 */
export function messageRecipients(
  b: BoostFacts,
  authorTeamId: string,
  threadTeamIds: readonly string[],
  allTeamIds: readonly string[],
): string[] {
  if (authorTeamId !== b.fromTeamId) return [b.fromTeamId];
  if (b.state === "accepted" && b.helperTeamId) return [b.helperTeamId];
  if (b.toTeamId) return [b.toTeamId];
  const inThread = [...new Set(threadTeamIds.filter((t) => t !== b.fromTeamId))];
  return inThread.length ? inThread : allTeamIds.filter((t) => t !== b.fromTeamId);
}

/** The teams told when the requester resolves it: the helper, or the team that was asked. */
export function resolveRecipients(b: BoostFacts): string[] {
  if (b.helperTeamId) return [b.helperTeamId];
  return b.toTeamId ? [b.toTeamId] : [];
}
