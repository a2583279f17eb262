import { z } from "zod";
import { CHAT_KINDS } from "../../src/domain/chat/channels";
import type { ChatChannelView } from "../services/chat-channels";
import { Instant, Named } from "./contract/common";

/**
 * A chat channel as the JSON API answers it: whose it is (the org's, or a team's), the service,
 * the host only (the URL is a secret that posts into the channel and is never answered), and
 * the last post and the last error, as the settings pages show them.
 */
export const ChatChannelJson = z
  .object({
    scope: z.enum(["org", "team"]).meta({ description: "The org's channel (the weekly report's summary) or a team's." }),
    team: Named.nullable().meta({ description: "The team; null for the org's channel." }),
    kind: z.enum(CHAT_KINDS),
    host: z.string().meta({ description: "The webhook URL's host only: the URL itself posts into the channel." }),
    lastPostedAt: Instant.nullable(),
    lastError: z.string().nullable().meta({ description: "Why the last post failed, for people; null once one succeeds." }),
    lastErrorAt: Instant.nullable(),
  })
  .meta({ id: "ChatChannel" });
export const ChatChannelsJson = z.object({ org: ChatChannelJson.nullable(), teams: z.array(ChatChannelJson) }).meta({ id: "ChatChannels" });
export const ChatTestJson = z
  .object({ posted: z.boolean(), error: z.string().nullable().meta({ description: "Why the channel did not take it." }) })
  .meta({ id: "ChatTest" });

export function chatChannelJson(c: ChatChannelView): z.infer<typeof ChatChannelJson> {
  return {
    scope: c.teamId === null ? "org" : "team",
    team: c.teamId === null ? null : { id: c.teamId, name: c.teamName ?? "" },
    kind: c.kind,
    host: c.host,
    lastPostedAt: c.lastPostedAt,
    lastError: c.lastError,
    lastErrorAt: c.lastErrorAt,
  };
}

/** GET /chat-channels: the org's channel and the teams'. */
export function chatChannelsJson(channels: readonly ChatChannelView[]): z.infer<typeof ChatChannelsJson> {
  const all = channels.map(chatChannelJson);
  return { org: all.find((c) => c.scope === "org") ?? null, teams: all.filter((c) => c.scope === "team") };
}

/** The answer to a test message: whether the channel took it, and why not. */
export function chatTestJson(error: string | null): z.infer<typeof ChatTestJson> {
  return { posted: error === null, error };
}
