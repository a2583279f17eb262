/**
 * Org-scoped API tokens: `Authorization: Bearer mvt_…` on every /api/orgs/{org}/… route.
 *
 * What a token is: a capability an admin creates for a script. It acts as that admin, through
 * the same OrgAccess every service checks first, so it can read and do exactly what the admin
 * can through a session and nothing more (anonymity included: the same read services). Writes
 * are attributed to the admin. It stops working at once when revoked or expired, and when its
 * admin leaves the org or stops being an admin, so a token never outlives its creator's rights.
 * A read-only token may only GET. Only the SHA-256 of the token is stored: a presented token is
 * hashed and looked up by that hash (an index lookup, so no secret is ever compared in our code),
 * and the token itself is shown once, in the answer that creates it.
 */
import { apiTokenSchema } from "../../src/schemas/api-tokens";
import {
  insertApiToken,
  listApiTokens,
  orgOfBearer,
  revokeApiToken,
  useApiToken,
  type ApiTokenRow,
  type ApiTokenScope,
} from "../db/api-tokens";
import { requireAdmin, type OrgAccess } from "./access";
import { forbidden, notFound, unauthorized } from "./errors";
import { enforceRateLimit } from "./rate-limit";
import { randomToken, sha256Hex } from "./tokens";
import { parseInput } from "./validate";

/** Every token starts with this, so a leaked one is easy to recognise (and to scan for). */
export const API_TOKEN_PREFIX = "mvt_";
const TOKEN_PATTERN = /^mvt_[A-Za-z0-9_-]{43}$/;
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export type ApiTokenStatus = "active" | "expired" | "revoked";

export interface ApiTokenView {
  id: string;
  name: string;
  scope: ApiTokenScope;
  /** The last four characters, to tell tokens apart: "mvt_…abcd". */
  hint: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: ApiTokenStatus;
}

export interface NewApiTokenView extends ApiTokenView {
  /** The token itself: in this answer only, never again. */
  token: string;
}

/** The token a request presents, as the middleware sees it. */
export interface TokenIdentity {
  id: string;
  scope: ApiTokenScope;
}

export function apiTokenStatus(t: Pick<ApiTokenRow, "expires_at" | "revoked_at">, now: Date): ApiTokenStatus {
  if (t.revoked_at) return "revoked";
  if (t.expires_at && t.expires_at <= now.toISOString()) return "expired";
  return "active";
}

function view(t: ApiTokenRow, now: Date): ApiTokenView {
  return {
    id: t.id,
    name: t.name,
    scope: t.scope,
    hint: `${API_TOKEN_PREFIX}…${t.token_hint}`,
    createdBy: t.created_by_name,
    createdAt: t.created_at,
    expiresAt: t.expires_at,
    lastUsedAt: t.last_used_at,
    revokedAt: t.revoked_at,
    status: apiTokenStatus(t, now),
  };
}

/** Creates a token for the signed-in admin; the answer carries the token once. Admins only. */
export async function createApiToken(db: D1Database, access: OrgAccess, input: unknown, now: Date): Promise<NewApiTokenView> {
  requireAdmin(access);
  const data = parseInput(apiTokenSchema, input);
  const token = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  const row = {
    id: randomToken(16),
    org_id: access.org.id,
    created_by: access.viewer.personId,
    name: data.name,
    scope: data.scope,
    token_hash: await sha256Hex(token),
    token_hint: token.slice(-4),
    created_at: now.toISOString(),
    expires_at: data.expiresInDays === null ? null : new Date(now.getTime() + data.expiresInDays * 86_400_000).toISOString(),
  };
  await insertApiToken(db, row);
  return { ...view({ ...row, created_by_name: access.viewer.name, last_used_at: null, revoked_at: null }, now), token };
}

/** The org's tokens with their status and last use, newest first. Admins only. */
export async function listApiTokensOf(db: D1Database, access: OrgAccess, now: Date): Promise<ApiTokenView[]> {
  requireAdmin(access);
  return apiTokenViews(await listApiTokens(db, access.org.id), now);
}

/** The tokens as the list shows them, from the rows of listApiTokensStatement (for a caller's batch). */
export function apiTokenViews(rows: ApiTokenRow[], now: Date): ApiTokenView[] {
  return rows.map((t) => view(t, now));
}

/** Revokes a token: the next request with it gets 401. Admins only; another org's id is a 404. */
export async function revokeApiTokenOf(db: D1Database, access: OrgAccess, tokenId: string, now: Date): Promise<void> {
  requireAdmin(access);
  const found = ID_PATTERN.test(tokenId) && (await revokeApiToken(db, access.org.id, tokenId, now.toISOString()));
  if (!found) throw notFound("That API token");
}

const READ_METHODS = new Set(["GET", "HEAD"]);

/**
 * The access a request's `Authorization` header grants on the org with this slug: the admin
 * who created the token. A header that is not `Bearer mvt_…`, or an unknown, revoked or expired
 * token, is 401; a token of another org is 404 (as for a session of a non-member); a read-only
 * token on anything but GET is 403. Each token has its own rate limit (429), checked before
 * the database is asked.
 */
export async function requireTokenAccess(
  db: D1Database,
  limiter: RateLimit | undefined,
  authorization: string,
  slug: string,
  method: string,
  now: Date,
): Promise<{ access: OrgAccess; token: TokenIdentity }> {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
  const token = match?.[1] ?? "";
  if (!TOKEN_PATTERN.test(token)) {
    throw unauthorized("Send an API token as `Authorization: Bearer mvt_…`. Admins create tokens on the org's Integrations page.");
  }
  const hash = await sha256Hex(token);
  await enforceRateLimit(limiter, `api-token:${hash.slice(0, 32)}`);
  const row = await useApiToken(db, hash, now);
  if (!row) throw unauthorized("This API token is not valid. Check that you copied all of it, or create a new one.");
  const status = apiTokenStatus(row, now);
  if (status === "revoked") throw unauthorized("This API token was revoked. Ask an admin for a new one.");
  if (status === "expired") throw unauthorized("This API token has expired. Ask an admin for a new one.");
  if (row.org_slug !== slug) throw notFound("That organisation");
  if (row.role !== "admin")
    throw unauthorized(
      "The admin who created this API token is no longer an admin of this organisation, so it no longer works. Ask an admin for a new one.",
    );
  if (row.scope === "read" && !READ_METHODS.has(method.toUpperCase()))
    throw forbidden("This API token is read-only: it can only GET. Create a read and write token to make changes.");
  const access: OrgAccess = {
    org: orgOfBearer(row),
    viewer: { personId: row.person_id, email: row.email, name: row.person_name },
    role: "admin",
    teamId: null,
    isAdmin: true,
  };
  return { access, token: { id: row.id, scope: row.scope } };
}

/** Managing tokens (and other integrations) needs a signed-in admin: a leaked token cannot mint or keep itself alive. */
export function requireSession(token: TokenIdentity | undefined): void {
  if (token) throw forbidden("Manage integrations signed in, not with an API token.");
}
