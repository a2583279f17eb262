import type { CreateOrgInput } from "../../src/schemas/org";
import { createOrgSchema, signInSchema } from "../../src/schemas/org";
import { buildCreateOrgEmail, buildInviteEmail, buildSignInEmail } from "../email/account-emails";
import { findInvite, markInviteAcceptedStatement } from "../db/invites";
import { findOrgSlug, insertMembershipStatement, insertOrgStatement, slugTaken } from "../db/orgs";
import { DEFAULT_ANONYMITY_K } from "../../src/domain/anonymity";
import { findPersonByEmail, upsertPersonStatements, type PersonRow } from "../db/people";
import { deleteSession, findSessionPerson, insertSessionStatement } from "../db/sessions";
import { claimLink, findLink, insertLinkStatement, type LinkPurpose, type SignInLinkRow } from "../db/sign-in-links";
import { findTeam } from "../db/teams";
import { AppError, gone, notFound, validationFailed } from "./errors";
import { enqueueEmail } from "./outbox";
import { randomToken, sha256Hex } from "./tokens";
import { parseInput } from "./validate";

export const SESSION_COOKIE = "__Host-mv_session";

/** Whether the request carries a sign-in session cookie (valid or not: nothing is read). */
export function carriesSession(request: Request): boolean {
  return (request.headers.get("cookie") ?? "").split(";").some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`));
}
export const SESSION_TTL_DAYS = 30;
export const LINK_TTL_MS = 15 * 60_000;

/** The signed-in person. Team members who only vote never are one. */
export interface Viewer {
  personId: string;
  email: string;
  name: string;
}

/** Cookie attributes QUALITY.md asks for; `__Host-` requires Secure, Path=/ and no Domain. */
export function sessionCookieOptions(maxAgeSeconds: number) {
  return { path: "/", secure: true, httpOnly: true, sameSite: "lax" as const, maxAge: maxAgeSeconds };
}

async function issueLink(db: D1Database, purpose: LinkPurpose, email: string, payload: object, origin: string, now: Date) {
  const token = randomToken(32);
  const statement = insertLinkStatement(db, {
    token_hash: await sha256Hex(token),
    purpose,
    email,
    payload: JSON.stringify(payload),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + LINK_TTL_MS).toISOString(),
  });
  return { url: `${origin}/auth/link/${token}`, statement, key: `link:${purpose}:${await sha256Hex(token)}` };
}

/**
 * Emails a sign-in link when the address has an account. The caller answers the same either
 * way, so the form never reveals who has an account. Returns the outbox id when one was queued.
 */
export async function requestSignIn(db: D1Database, input: unknown, origin: string, now: Date): Promise<number | null> {
  const { email } = parseInput(signInSchema, input);
  const address = email.toLowerCase();
  const person = await findPersonByEmail(db, address);
  if (!person) return null;
  const link = await issueLink(db, "sign_in", address, {}, origin, now);
  await link.statement.run();
  const row = await enqueueEmail(db, { idempotencyKey: link.key, kind: "sign_in", to: address, ...buildSignInEmail(link.url) }, now);
  return row.id;
}

/**
 * Answers a sign-in request before doing any work that depends on the address: the address is
 * validated (bad input is refused at once), then the lookup, the link and the email run after
 * the answer, in `ctx.waitUntil`. A known and an unknown address so take the same time to
 * answer, and the timing tells nobody who has an account. Without a ctx (unit tests) the work
 * is awaited. `deliver` sends a queued message (the outbox's deliverSoon).
 */
export async function requestSignInAfterAnswer(
  db: D1Database,
  input: unknown,
  origin: string,
  now: Date,
  ctx: Pick<ExecutionContext, "waitUntil"> | undefined,
  deliver: (outboxId: number) => void,
): Promise<void> {
  parseInput(signInSchema, input);
  const work = requestSignIn(db, input, origin, now).then(
    (id) => (id === null ? undefined : deliver(id)),
    (error: unknown) => console.error("sign-in link failed", error),
  );
  if (ctx) ctx.waitUntil(work);
  else await work;
}

/** Emails the link that creates the org and its first admin once followed. */
export async function requestOrgCreation(db: D1Database, input: unknown, origin: string, now: Date): Promise<number> {
  const data = parseInput(createOrgSchema, input);
  if (await slugTaken(db, data.slug)) throw validationFailed([{ field: "slug", issue: "That address is taken. Choose another." }]);
  const address = data.email.toLowerCase();
  const link = await issueLink(
    db,
    "create_org",
    address,
    {
      orgName: data.orgName,
      slug: data.slug,
      timeZone: data.timeZone,
      name: data.name,
      ...(data.resultId ? { resultId: data.resultId } : {}),
    },
    origin,
    now,
  );
  await link.statement.run();
  const row = await enqueueEmail(
    db,
    { idempotencyKey: link.key, kind: "create_org", to: address, ...buildCreateOrgEmail(data.orgName, link.url) },
    now,
  );
  return row.id;
}

/** Queues the invitation email for an invite the caller has just stored. */
export async function sendInviteLink(
  db: D1Database,
  invite: { id: string; email: string; orgName: string; teamName: string; inviterName: string },
  origin: string,
  now: Date,
): Promise<number> {
  const link = await issueLink(db, "invite", invite.email, { inviteId: invite.id }, origin, now);
  await link.statement.run();
  const email = buildInviteEmail(invite.orgName, invite.teamName, invite.inviterName, link.url);
  const row = await enqueueEmail(db, { idempotencyKey: link.key, kind: "invite", to: invite.email, ...email }, now);
  return row.id;
}

export interface LinkPreview {
  purpose: LinkPurpose;
  email: string;
  title: string;
  action: string;
}

function linkProblem(link: SignInLinkRow | null, now: Date): AppError | null {
  if (!link) return notFound("That sign-in link");
  if (link.used_at) return gone("This link was already used. Links work once: ask for a new one.");
  if (link.expires_at <= now.toISOString()) return gone("This link has expired: links last 15 minutes. Ask for a new one.");
  return null;
}

/** What following the link will do, without using it up (email scanners may open links). */
export async function previewLink(db: D1Database, token: string, now: Date): Promise<LinkPreview> {
  const link = await findLink(db, await sha256Hex(token));
  const problem = linkProblem(link, now);
  if (problem || !link) throw problem;
  const payload = JSON.parse(link.payload) as Record<string, string>;
  if (link.purpose === "create_org")
    return {
      purpose: link.purpose,
      email: link.email,
      title: `Create ${payload.orgName}`,
      action: `Create ${payload.orgName} and sign in`,
    };
  if (link.purpose === "invite")
    return { purpose: link.purpose, email: link.email, title: "Accept your invitation", action: "Accept and sign in" };
  return { purpose: link.purpose, email: link.email, title: "Sign in to Mistvine", action: "Sign in" };
}

export interface SignedIn {
  sessionToken: string;
  redirectTo: string;
}

async function startSession(db: D1Database, personId: string, now: Date, extra: D1PreparedStatement[] = []): Promise<string> {
  const token = randomToken(32);
  const expires = new Date(now.getTime() + SESSION_TTL_DAYS * 86_400_000);
  await db.batch([...extra, insertSessionStatement(db, await sha256Hex(token), personId, now.toISOString(), expires.toISOString())]);
  return token;
}

/** Uses the link once and signs the person in; a reused or expired link is refused (410). */
export async function consumeLink(db: D1Database, token: string, now: Date): Promise<SignedIn> {
  const hash = await sha256Hex(token);
  const link = await claimLink(db, hash, now.toISOString());
  if (!link) throw linkProblem(await findLink(db, hash), now) ?? gone("This link can no longer be used.");
  const at = now.toISOString();
  const payload = JSON.parse(link.payload) as Record<string, string>;

  if (link.purpose === "sign_in") {
    const person = await findPersonByEmail(db, link.email);
    if (!person) throw gone("This account no longer exists.");
    return { sessionToken: await startSession(db, person.id, now), redirectTo: "/o" };
  }

  if (link.purpose === "create_org") {
    const data = payload as unknown as Omit<CreateOrgInput, "email">;
    if (await slugTaken(db, data.slug))
      throw new AppError(409, "conflict", `Someone took the address /o/${data.slug} in the meantime. Start again with another address.`);
    const person = await ensurePerson(db, link.email, data.name, at);
    const orgId = randomToken(16);
    const sessionToken = await startSession(db, person.id, now, [
      insertOrgStatement(db, {
        id: orgId,
        slug: data.slug,
        name: data.orgName,
        time_zone: data.timeZone,
        anonymity_k: DEFAULT_ANONYMITY_K,
        created_at: at,
      }),
      insertMembershipStatement(db, { org_id: orgId, person_id: person.id, role: "admin", team_id: null }, at),
    ]);
    // Came from "Run this with your team": go straight on to opening a campaign.
    const next = data.resultId
      ? `/o/${data.slug}/campaigns?result=${encodeURIComponent(data.resultId)}#open-form-title`
      : `/o/${data.slug}`;
    return { sessionToken, redirectTo: next };
  }

  const invite = await findInvite(db, payload.inviteId ?? "");
  const team = invite ? await findTeam(db, invite.org_id, invite.team_id) : null;
  if (!invite || !team) throw gone("This invitation was withdrawn. Ask your admin for a new one.");
  const person = await ensurePerson(db, link.email, invite.name, at);
  const slug = await findOrgSlug(db, invite.org_id);
  const sessionToken = await startSession(db, person.id, now, [
    insertMembershipStatement(db, { org_id: invite.org_id, person_id: person.id, role: "lead", team_id: invite.team_id }, at),
    markInviteAcceptedStatement(db, invite.id, at),
  ]);
  return { sessionToken, redirectTo: `/o/${slug}/teams/${team.id}` };
}

async function ensurePerson(db: D1Database, email: string, name: string, at: string): Promise<PersonRow> {
  const [, select] = await db.batch<PersonRow>(upsertPersonStatements(db, { id: randomToken(16), email, name, created_at: at }));
  const person = select.results[0];
  if (!person) throw new Error("person vanished after upsert");
  return person;
}

/** The person behind a session cookie, or null when there is none or it expired. */
export async function viewerFromSession(db: D1Database, cookieValue: string | undefined, now: Date): Promise<Viewer | null> {
  if (!cookieValue || !/^[A-Za-z0-9_-]{43}$/.test(cookieValue)) return null;
  const row = await findSessionPerson(db, await sha256Hex(cookieValue), now.toISOString());
  return row ? { personId: row.person_id, email: row.email, name: row.name } : null;
}

export async function signOut(db: D1Database, cookieValue: string | undefined): Promise<void> {
  if (cookieValue) await deleteSession(db, await sha256Hex(cookieValue));
}
