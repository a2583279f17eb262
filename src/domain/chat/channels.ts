/**
 * Which chat channel URLs Mistvine posts to, pure. A channel is a Slack incoming webhook or a
 * Microsoft Teams Workflows webhook; both URLs are secrets that post into one channel, so only
 * their providers' own https hosts are accepted (no redirects to arbitrary hosts, no private
 * addresses, nothing a typo could send a team's link to).
 */

export const CHAT_KINDS = ["slack", "teams"] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

/** The form's hint, also the refusal's explanation. */
export const CHAT_URL_HINT: Record<ChatKind, string> = {
  slack: "A Slack incoming-webhook URL starts with https://hooks.slack.com/.",
  teams: "A Teams Workflows webhook URL starts with https:// on a host ending in .logic.azure.com or .powerplatform.com.",
};

const TEAMS_HOST_SUFFIXES = [".logic.azure.com", ".powerplatform.com"];

/** Why a channel URL is refused, or null when it is allowed. */
export function chatChannelUrlProblem(kind: ChatKind, raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `Enter the full URL. ${CHAT_URL_HINT[kind]}`;
  }
  if (url.protocol !== "https:") return `The URL must start with https://. ${CHAT_URL_HINT[kind]}`;
  if (url.username || url.password) return "Leave user names and passwords out of the URL.";
  if (url.port !== "") return `Leave the port out of the URL. ${CHAT_URL_HINT[kind]}`;
  const host = url.hostname;
  const hostOk =
    kind === "slack" ? host === "hooks.slack.com" : TEAMS_HOST_SUFFIXES.some((s) => host.endsWith(s) && host.length > s.length);
  if (!hostOk) {
    return kind === "slack"
      ? `That is not a Slack incoming-webhook URL. ${CHAT_URL_HINT.slack}`
      : `That is not a Teams Workflows webhook URL. ${CHAT_URL_HINT.teams}`;
  }
  if (url.pathname === "/" || url.pathname === "")
    return `The URL is missing its path: paste the whole webhook URL. ${CHAT_URL_HINT[kind]}`;
  return null;
}
