import { all, typed, type Typed } from "./typed";

export interface ChatChannelRow {
  id: string;
  org_id: string;
  /** Null for the org's own channel. */
  team_id: string | null;
  /** The team's name, or null for the org's channel. */
  team_name: string | null;
  kind: "slack" | "teams";
  url: string;
  created_at: string;
  last_posted_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

const COLUMNS =
  "c.id, c.org_id, c.team_id, t.name AS team_name, c.kind, c.url, c.created_at, c.last_posted_at, c.last_error, c.last_error_at";

/** What replacing a channel resets: a new URL starts with no post and no error. */
const REPLACE = `kind = excluded.kind, url = excluded.url, created_by = excluded.created_by, created_at = excluded.created_at,
  last_posted_at = NULL, last_error = NULL, last_error_at = NULL`;

/**
 * Connects a team's channel (teamId) or the org's (teamId null), replacing the one it had. The
 * row keeps its id, so the claims of messages already posted stay: replacing the URL mid-week
 * does not post the week's reminder again.
 */
export async function upsertChatChannel(
  db: D1Database,
  c: { id: string; org_id: string; team_id: string | null; kind: string; url: string; created_by: string | null; created_at: string },
): Promise<void> {
  const statement =
    c.team_id === null
      ? db.prepare(
          `INSERT INTO chat_channels (id, org_id, team_id, kind, url, created_by, created_at) VALUES (?1, ?2, NULL, ?4, ?5, ?6, ?7)
           ON CONFLICT (org_id) WHERE team_id IS NULL DO UPDATE SET ${REPLACE}`,
        )
      : db.prepare(
          `INSERT INTO chat_channels (id, org_id, team_id, kind, url, created_by, created_at)
           SELECT ?1, ?2, t.id, ?4, ?5, ?6, ?7 FROM teams t WHERE t.id = ?3 AND t.org_id = ?2
           ON CONFLICT (team_id) WHERE team_id IS NOT NULL DO UPDATE SET ${REPLACE}`,
        );
  await statement.bind(c.id, c.org_id, c.team_id, c.kind, c.url, c.created_by, c.created_at).run();
}

/** Removes a team's channel, or the org's (teamId null); false when there was none. */
export async function deleteChatChannel(db: D1Database, orgId: string, teamId: string | null): Promise<boolean> {
  const r = await db.prepare("DELETE FROM chat_channels WHERE org_id = ?1 AND team_id IS ?2").bind(orgId, teamId).run();
  return r.meta.changes > 0;
}

/** The org's channels: its own first, then the teams' by name. */
export function orgChatChannelsStatement(db: D1Database, orgId: string): Typed<ChatChannelRow> {
  return typed<ChatChannelRow>(
    db
      .prepare(
        `SELECT ${COLUMNS} FROM chat_channels c LEFT JOIN teams t ON t.id = c.team_id WHERE c.org_id = ?1
         ORDER BY c.team_id IS NOT NULL, t.name`,
      )
      .bind(orgId),
  );
}

/** One team's channel (zero or one row), for the team page's batch. */
export function teamChatChannelStatement(db: D1Database, orgId: string, teamId: string): Typed<ChatChannelRow> {
  return typed<ChatChannelRow>(
    db
      .prepare(`SELECT ${COLUMNS} FROM chat_channels c JOIN teams t ON t.id = c.team_id WHERE c.org_id = ?1 AND c.team_id = ?2`)
      .bind(orgId, teamId),
  );
}

export async function listOrgChatChannels(db: D1Database, orgId: string): Promise<ChatChannelRow[]> {
  return all(orgChatChannelsStatement(db, orgId));
}

export type ChatPostState = "claimed" | "posted" | "failed";

/**
 * Claims the post named `key` on a channel: null when this call claimed it (post now), else
 * the earlier claim: how it went ("claimed" while another run is posting it) and when.
 */
export async function claimChatPost(
  db: D1Database,
  channelId: string,
  key: string,
  at: string,
): Promise<{ outcome: ChatPostState; claimed_at: string } | null> {
  const [inserted, row] = await db.batch<{ outcome: ChatPostState; claimed_at: string }>([
    db
      .prepare("INSERT INTO chat_posts (channel_id, post_key, outcome, claimed_at) VALUES (?1, ?2, 'claimed', ?3) ON CONFLICT DO NOTHING")
      .bind(channelId, key, at),
    db.prepare("SELECT outcome, claimed_at FROM chat_posts WHERE channel_id = ?1 AND post_key = ?2").bind(channelId, key),
  ]);
  if (inserted.meta.changes > 0) return null;
  return row.results[0] ?? { outcome: "claimed", claimed_at: at };
}

/** Records a post that the channel took (key null: a test message, claimed by nobody). */
export async function markChatPosted(db: D1Database, channelId: string, key: string | null, at: string): Promise<void> {
  await db.batch([
    db.prepare("UPDATE chat_channels SET last_posted_at = ?2, last_error = NULL, last_error_at = NULL WHERE id = ?1").bind(channelId, at),
    db.prepare("UPDATE chat_posts SET outcome = 'posted' WHERE channel_id = ?1 AND post_key = ?2").bind(channelId, key),
  ]);
}

export async function markChatFailed(db: D1Database, channelId: string, key: string | null, error: string, at: string): Promise<void> {
  await db.batch([
    db.prepare("UPDATE chat_channels SET last_error = ?2, last_error_at = ?3 WHERE id = ?1").bind(channelId, error, at),
    db.prepare("UPDATE chat_posts SET outcome = 'failed' WHERE channel_id = ?1 AND post_key = ?2").bind(channelId, key),
  ]);
}
