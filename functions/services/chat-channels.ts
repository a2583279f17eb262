/**
 * Chat channels: a team's lead or an admin connects the team's Slack or Teams channel by
 * pasting its webhook URL; Mistvine posts there what the matching email carries (the builders
 * in src/domain/chat/messages.ts add nothing), and the caller falls back to email when a post
 * fails. Posts are a direct POST of JSON, redirects not followed, 10 seconds at most.
 */
import { chatChannelUrlProblem, type ChatKind } from "../../src/domain/chat/channels";
import { slackMessage, teamsMessage, type ChatMessage } from "../../src/domain/chat/messages";
import { chatChannelSchema } from "../../src/schemas/chat";
import {
  claimChatPost,
  deleteChatChannel,
  listOrgChatChannels,
  markChatFailed,
  orgChatChannelsStatement,
  markChatPosted,
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
  teamId: string;
  teamName: string;
  kind: ChatKind;
  /** Only the host: the whole URL is a secret that posts into the channel. */
  host: string;
  lastPostedAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

function view(c: ChatChannelRow): ChatChannelView {
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

/** Connects (or replaces) a team's channel. The team's lead or an admin. */
export async function connectTeamChannel(
  db: D1Database,
  access: OrgAccess,
  teamId: string,
  input: unknown,
  now: Date,
): Promise<ChatChannelView> {
  requireTeamActor(access, teamId);
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
  const found = (await listOrgChatChannels(db, access.org.id)).find((c) => c.team_id === teamId);
  if (!found) throw notFound("That team");
  return view(found);
}

export async function removeTeamChannel(db: D1Database, access: OrgAccess, teamId: string): Promise<void> {
  requireTeamActor(access, teamId);
  if (!(await deleteChatChannel(db, access.org.id, teamId))) throw notFound("That team's chat channel");
}

/** The org's channels (hosts only, never URLs), with each one's last error. Admins only. */
export async function listChatChannels(db: D1Database, access: OrgAccess): Promise<ChatChannelView[]> {
  requireAdmin(access);
  return (await listOrgChatChannels(db, access.org.id)).map(view);
}

/** The settings page: the org's teams to choose from, and the connected channels. Admins only. */
export async function getChatSettings(
  db: D1Database,
  access: OrgAccess,
): Promise<{ teams: { id: string; name: string }[]; channels: ChatChannelView[] }> {
  requireAdmin(access);
  return chatSettingsFromResults(await batch(db, chatSettingsStatements(db, access.org.id)));
}

export type ChatSettings = { teams: { id: string; name: string }[]; channels: ChatChannelView[] };

/** The reads behind getChatSettings, for a caller's batch. */
export function chatSettingsStatements(db: D1Database, orgId: string) {
  return [listTeamsStatement(db, orgId), orgChatChannelsStatement(db, orgId)] as const;
}

export function chatSettingsFromResults([teams, channels]: BatchResults<ReturnType<typeof chatSettingsStatements>>): ChatSettings {
  return { teams: teams.results.map((t) => ({ id: t.id, name: t.name })), channels: channels.results.map(view) };
}

/**
 * Posts a test message to a team's channel now and records the outcome like any post, so the
 * settings page shows whether it arrived or why not. The team's lead or an admin. Carries no
 * data: only the team's name, which whoever is in the channel already knows.
 */
export async function sendTestMessage(
  db: D1Database,
  access: OrgAccess,
  send: ChatFetch,
  teamId: string,
  origin: string,
  now: Date,
): Promise<string | null> {
  requireTeamActor(access, teamId);
  const channel = (await listOrgChatChannels(db, access.org.id)).find((c) => c.team_id === teamId);
  if (!channel) throw notFound("That team's chat channel");
  const error = await postToChannel(send, channel.kind, channel.url, {
    title: `Mistvine is connected to this channel for ${channel.team_name}`,
    lines: [
      "On voting day, while the team votes on its shared link, its pulse reminder is posted here instead of emailed. If a post fails, the reminder goes by email.",
    ],
    link: { label: "Open Mistvine", url: `${origin}/o/${access.org.slug}` },
  });
  if (error) await markChatFailed(db, channel.id, error, now.toISOString());
  else await markChatPosted(db, channel.id, now.toISOString());
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

/**
 * Posts the message named `key` to a channel once: "posted" when it took it now, "already" when
 * an earlier run claimed it and did not fail, "failed" when it did (the caller sends the email).
 */
export async function postOnce(
  db: D1Database,
  send: ChatFetch,
  channel: Pick<ChatChannelRow, "id" | "kind" | "url" | "last_post_key" | "last_error">,
  key: string,
  m: ChatMessage,
  now: Date,
): Promise<ChatPostOutcome> {
  if (!(await claimChatPost(db, channel.id, key))) return channel.last_error ? "failed" : "already";
  const error = await postToChannel(send, channel.kind, channel.url, m);
  if (error) {
    await markChatFailed(db, channel.id, error, now.toISOString());
    return "failed";
  }
  await markChatPosted(db, channel.id, now.toISOString());
  return "posted";
}
