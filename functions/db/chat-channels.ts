import { all, typed, type Typed } from "./typed";

export interface ChatChannelRow {
  id: string;
  org_id: string;
  team_id: string;
  team_name: string;
  kind: "slack" | "teams";
  url: string;
  created_at: string;
  last_post_key: string | null;
  last_posted_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

const COLUMNS =
  "c.id, c.org_id, c.team_id, t.name AS team_name, c.kind, c.url, c.created_at, c.last_post_key, c.last_posted_at, c.last_error, c.last_error_at";

/** Connects a team's channel, replacing the one it had (a new URL starts with no error). */
export async function upsertChatChannel(
  db: D1Database,
  c: { id: string; org_id: string; team_id: string; kind: string; url: string; created_by: string | null; created_at: string },
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO chat_channels (id, org_id, team_id, kind, url, created_by, created_at)
       SELECT ?1, ?2, t.id, ?4, ?5, ?6, ?7 FROM teams t WHERE t.id = ?3 AND t.org_id = ?2
       ON CONFLICT (team_id) DO UPDATE SET kind = excluded.kind, url = excluded.url, created_by = excluded.created_by,
         created_at = excluded.created_at, last_post_key = NULL, last_posted_at = NULL, last_error = NULL, last_error_at = NULL`,
    )
    .bind(c.id, c.org_id, c.team_id, c.kind, c.url, c.created_by, c.created_at)
    .run();
}

export async function deleteChatChannel(db: D1Database, orgId: string, teamId: string): Promise<boolean> {
  const r = await db.prepare("DELETE FROM chat_channels WHERE org_id = ?1 AND team_id = ?2").bind(orgId, teamId).run();
  return r.meta.changes > 0;
}

export function orgChatChannelsStatement(db: D1Database, orgId: string): Typed<ChatChannelRow> {
  return typed<ChatChannelRow>(
    db.prepare(`SELECT ${COLUMNS} FROM chat_channels c JOIN teams t ON t.id = c.team_id WHERE c.org_id = ?1 ORDER BY t.name`).bind(orgId),
  );
}

export async function listOrgChatChannels(db: D1Database, orgId: string): Promise<ChatChannelRow[]> {
  return all(orgChatChannelsStatement(db, orgId));
}

/** Claims the post named `key` on a channel; false when it was claimed already (another run posted it, or is posting it). */
export async function claimChatPost(db: D1Database, channelId: string, key: string): Promise<boolean> {
  const r = await db
    .prepare("UPDATE chat_channels SET last_post_key = ?2 WHERE id = ?1 AND last_post_key IS NOT ?2")
    .bind(channelId, key)
    .run();
  return r.meta.changes > 0;
}

export async function markChatPosted(db: D1Database, channelId: string, at: string): Promise<void> {
  await db
    .prepare("UPDATE chat_channels SET last_posted_at = ?2, last_error = NULL, last_error_at = NULL WHERE id = ?1")
    .bind(channelId, at)
    .run();
}

export async function markChatFailed(db: D1Database, channelId: string, error: string, at: string): Promise<void> {
  await db.prepare("UPDATE chat_channels SET last_error = ?2, last_error_at = ?3 WHERE id = ?1").bind(channelId, error, at).run();
}
