/**
 * Chat channels: a team's lead or an admin connects the team's Slack or Teams channel, and an
 * admin the org's, by pasting its webhook URL; Mistvine posts there what the matching email
 * carries (the builders in src/domain/chat/messages.ts add nothing: the pulse reminder and the
 * boosts asked of a team in its channel, the weekly report's summary in the org's), and the
 * caller falls back to email when a post fails. Posts are a direct POST of JSON, redirects not
 * followed, 10 seconds at most, once per channel and message (postOnce).
 */
import { chatChannelUrlProblem, type ChatKind } from "../../src/domain/chat/channels";
import { slackMessage, teamsMessage, type ChatMessage } from "../../src/domain/chat/messages";
import { chatChannelSchema } from "../../src/schemas/chat";
import {
  claimChatPost,
  deleteChatChannel,
  listOrgChatChannels,
  markChatFailed,
  markChatPosted,
  orgChatChannelsStatement,
  upsertChatChannel,
  type ChatChannelRow,
} from "../db/chat-channels";
import { listTeamsStatement } from "../db/teams";
import { batch, type BatchResults } from "../db/typed";
import { requireAdmin, requireTeamActor, type OrgAccess } from "./access";
import { notFound } from "./errors";
import { randomToken } from "./tokens";
import { parseInput } from "./validate";

const TIMEOUT_MS = 10_000;

/** Posts to a channel; the Worker's fetch in production, a stub in tests. */
export type ChatFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface ChatChannelView {
  /** Null for the org's own channel. */
  teamId: string | null;
  /** The team's name, or null for the org's channel. */
  teamName: string | null;
  kind: ChatKind;
  /** Only the host: the whole URL is a secret that posts into the channel. */
  host: string;
  lastPostedAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

export function chatChannelView(c: ChatChannelRow): ChatChannelView {
  return {
    teamId: c.team_id,
    teamName: c.team_name,
    kind: c.kind,
    host: new URL(c.url).host,
    lastPostedAt: c.last_posted_at,
    lastError: c.last_error,
    lastErrorAt: c.last_error_at,
  };
}

/** Who may manage a channel: the team's lead or an admin for a team's, admins for the org's (teamId null). */
function requireChannelActor(access: OrgAccess, teamId: string | null): void {
  if (teamId === null) requireAdmin(access);
  else requireTeamActor(access, teamId);
}

async function findChannel(db: D1Database, orgId: string, teamId: string | null): Promise<ChatChannelRow | undefined> {
  return (await listOrgChatChannels(db, orgId)).find((c) => c.team_id === teamId);
}

async function connect(db: D1Database, access: OrgAccess, teamId: string | null, input: unknown, now: Date): Promise<ChatChannelView> {
  requireChannelActor(access, teamId);
  const data = parseInput(chatChannelSchema, input);
  await upsertChatChannel(db, {
    id: randomToken(16),
    org_id: access.org.id,
    team_id: teamId,
    kind: data.kind,
    url: data.url,
    created_by: access.viewer.personId || null,
    created_at: now.toISOString(),
  });
  const found = await findChannel(db, access.org.id, teamId);
  if (!found) throw notFound("That team");
  return chatChannelView(found);
}

/** Connects (or replaces) a team's channel. The team's lead or an admin. */
export async function connectTeamChannel(
  db: D1Database,
  access: OrgAccess,
  teamId: string,
  input: unknown,
  now: Date,
): Promise<ChatChannelView> {
  return connect(db, access, teamId, input, now);
}

/** Connects (or replaces) the org's channel, where the weekly report's summary is posted. Admins only. */
export async function connectOrgChannel(db: D1Database, access: OrgAccess, input: unknown, now: Date): Promise<ChatChannelView> {
  return connect(db, access, null, input, now);
}

export async function removeTeamChannel(db: D1Database, access: OrgAccess, teamId: string): Promise<void> {
  requireTeamActor(access, teamId);
  if (!(await deleteChatChannel(db, access.org.id, teamId))) throw notFound("That team's chat channel");
}

export async function removeOrgChannel(db: D1Database, access: OrgAccess): Promise<void> {
  requireAdmin(access);
  if (!(await deleteChatChannel(db, access.org.id, null))) throw notFound("The organisation's chat channel");
}

/** The org's channels (hosts only, never URLs), its own first, with each one's last error. Admins only. */
export async function listChatChannels(db: D1Database, access: OrgAccess): Promise<ChatChannelView[]> {
  requireAdmin(access);
  return (await listOrgChatChannels(db, access.org.id)).map(chatChannelView);
}

/** One team's channel, or null. The team's lead or an admin (the API's GET; the team page reads it in its batch). */
export async function getTeamChannel(db: D1Database, access: OrgAccess, teamId: string): Promise<ChatChannelView | null> {
  requireTeamActor(access, teamId);
  const found = await findChannel(db, access.org.id, teamId);
  return found ? chatChannelView(found) : null;
}

/** The settings page: the org's teams to choose from, the org's channel and the teams' channels. Admins only. */
export async function getChatSettings(db: D1Database, access: OrgAccess): Promise<ChatSettings> {
  requireAdmin(access);
  return chatSettingsFromResults(await batch(db, chatSettingsStatements(db, access.org.id)));
}

export interface ChatSettings {
  teams: { id: string; name: string }[];
  /** The org's own channel (the weekly summary), or null. */
  org: ChatChannelView | null;
  /** The teams' channels. */
  channels: ChatChannelView[];
}

/** The reads behind getChatSettings, for a caller's batch. */
export function chatSettingsStatements(db: D1Database, orgId: string) {
  return [listTeamsStatement(db, orgId), orgChatChannelsStatement(db, orgId)] as const;
}

export function chatSettingsFromResults([teams, channels]: BatchResults<ReturnType<typeof chatSettingsStatements>>): ChatSettings {
  const views = channels.results.map(chatChannelView);
  return {
    teams: teams.results.map((t) => ({ id: t.id, name: t.name })),
    org: views.find((c) => c.teamId === null) ?? null,
    channels: views.filter((c) => c.teamId !== null),
  };
}

/** What each channel gets, said in its test message and on the settings forms. */
export const CHAT_CHANNEL_GETS = {
  team: "On voting day, while the team votes on its shared link, its pulse reminder is posted here instead of emailed, and so is each boost request asked of the team. If a post fails, the email goes instead.",
  org: "Each week, the weekly report's summary (published figures only, with a link to the board) is posted here instead of emailed to the admins. If a post fails, the email goes instead.",
} as const;

/**
 * Posts a test message to a team's channel, or the org's (teamId null), now and records the
 * outcome like any post, so the settings page shows whether it arrived or why not. Same access
 * as connecting. Carries no data: only the team's or the org's name, which the channel knows.
 */
export async function sendTestMessage(
  db: D1Database,
  access: OrgAccess,
  send: ChatFetch,
  teamId: string | null,
  origin: string,
  now: Date,
): Promise<string | null> {
  requireChannelActor(access, teamId);
  const channel = await findChannel(db, access.org.id, teamId);
  if (!channel) throw notFound(teamId === null ? "The organisation's chat channel" : "That team's chat channel");
  const error = await postToChannel(send, channel.kind, channel.url, {
    title: `Mistvine is connected to this channel for ${channel.team_name ?? access.org.name}`,
    lines: [channel.team_id === null ? CHAT_CHANNEL_GETS.org : CHAT_CHANNEL_GETS.team],
    link: { label: "Open Mistvine", url: `${origin}/o/${access.org.slug}` },
  });
  if (error) await markChatFailed(db, channel.id, null, error, now.toISOString());
  else await markChatPosted(db, channel.id, null, now.toISOString());
  return error;
}

/** The JSON body for a channel of this kind. */
export function chatPayload(kind: ChatKind, m: ChatMessage): string {
  return JSON.stringify(kind === "slack" ? slackMessage(m) : teamsMessage(m));
}

/** Posts once; null when the channel took it (2xx), else why not, in words for the settings page. */
export async function postToChannel(send: ChatFetch, kind: ChatKind, url: string, m: ChatMessage): Promise<string | null> {
  const problem = chatChannelUrlProblem(kind, url);
  if (problem) return problem;
  try {
    const res = await send(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: chatPayload(kind, m),
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.body?.cancel();
    return res.ok ? null : `The channel answered ${res.status}.`;
  } catch (e) {
    return e instanceof Error && e.name === "TimeoutError"
      ? "The channel did not answer within 10 seconds."
      : "The channel could not be reached.";
  }
}

export type ChatPostOutcome = "posted" | "already" | "failed";

/** A claim older than this that never finished was lost with its run (a post takes 10 s at most): its email goes. */
const LOST_CLAIM_MS = 120_000;

/**
 * Posts the message named `key` to a channel once (one claim per channel and key in
 * chat_posts): "posted" when it took it now, "already" when an earlier run posted it or is
 * posting it, "failed" when this or an earlier post failed, or an earlier run lost its claim
 * (the caller sends the email, whose own idempotency key sends it once).
 */
export async function postOnce(
  db: D1Database,
  send: ChatFetch,
  channel: Pick<ChatChannelRow, "id" | "kind" | "url">,
  key: string,
  m: ChatMessage,
  now: Date,
): Promise<ChatPostOutcome> {
  const earlier = await claimChatPost(db, channel.id, key, now.toISOString());
  if (earlier) {
    if (earlier.outcome === "posted") return "already";
    if (earlier.outcome === "failed") return "failed";
    return now.getTime() - Date.parse(earlier.claimed_at) > LOST_CLAIM_MS ? "failed" : "already";
  }
  const error = await postToChannel(send, channel.kind, channel.url, m);
  if (error) {
    await markChatFailed(db, channel.id, key, error, now.toISOString());
    return "failed";
  }
  await markChatPosted(db, channel.id, key, now.toISOString());
  return "posted";
}
