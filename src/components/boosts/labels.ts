import type { BoostState } from "../../domain/boosts/rules";

/** Words for a boost's state, never colour alone. */
export const BOOST_STATE_LABEL: Record<BoostState, string> = {
  open: "Open",
  accepted: "Accepted",
  declined: "Declined",
  resolved: "Resolved",
};

/** "Payments → Platform", "Payments → any team", "Payments → Data (any team)". */
export function boostRoute(b: { from_team_name: string; to_team_name: string | null; helper_team_name: string | null }): string {
  if (b.to_team_name) return `${b.from_team_name} → ${b.to_team_name}`;
  return b.helper_team_name ? `${b.from_team_name} → ${b.helper_team_name} (asked any team)` : `${b.from_team_name} → any team`;
}

/** What a PPP problem shows about the boost asked for it. */
export function problemBoostText(b: { state: BoostState; to_team_name: string | null; helper_team_name: string | null }): string {
  const asked = b.to_team_name ?? "any team";
  if (b.state === "open") return `Boost asked of ${asked}: waiting for an answer`;
  if (b.state === "accepted") return `${b.helper_team_name ?? asked} is helping`;
  if (b.state === "declined") return `${asked} declined the boost`;
  return "Boost resolved";
}
