import type { ChatChannelView } from "../services/chat-channels";

/**
 * A chat channel as the JSON API answers it: whose it is (the org's, or a team's), the service,
 * the host only (the URL is a secret that posts into the channel and is never answered), and
 * the last post and the last error, as the settings pages show them.
 */
export function chatChannelJson(c: ChatChannelView) {
  return {
    scope: c.teamId === null ? ("org" as const) : ("team" as const),
    team: c.teamId === null ? null : { id: c.teamId, name: c.teamName ?? "" },
    kind: c.kind,
    host: c.host,
    lastPostedAt: c.lastPostedAt,
    lastError: c.lastError,
    lastErrorAt: c.lastErrorAt,
  };
}

/** The answer to a test message: whether the channel took it, and why not. */
export function chatTestJson(error: string | null) {
  return { posted: error === null, error };
}
