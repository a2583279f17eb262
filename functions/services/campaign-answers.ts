/**
 * The respondent's side of a Scorecard campaign: the anonymous /s/{token} link. A browser
 * holds a random credential in an HttpOnly cookie; the database keeps only its hash, salted
 * with the campaign id, in a guard table that has no link to the answers.
 */
import { scoreScorecard } from "../../src/domain/scorecard/scoring";
import { campaignResponseSchema } from "../../src/schemas/campaigns";
import { findCampaignByToken, type CampaignLinkRow } from "../db/campaigns";
import { hasAnswered, submitResponseStatements } from "../db/campaign-responses";
import { conflict, gone, notFound } from "./errors";
import { randomToken, sha256Hex } from "./tokens";
import { parseInput } from "./validate";
import { batch } from "../db/typed";

export const CREDENTIAL_COOKIE = "__Host-mv_answer";
const CREDENTIAL_TTL_DAYS = 400;
const TOKEN = /^[A-Za-z0-9_-]{22}$/;
const CREDENTIAL = /^[A-Za-z0-9_-]{43}$/;

/** `__Host-` requires Secure, Path=/ and no Domain; the browser never lets scripts read it. */
export function credentialCookieOptions() {
  return { path: "/", secure: true, httpOnly: true, sameSite: "lax" as const, maxAge: CREDENTIAL_TTL_DAYS * 86_400 };
}

/** The browser's credential when the cookie holds a well-formed one, else a fresh one to set. */
export function credentialFrom(cookie: string | undefined): { credential: string; fresh: boolean } {
  return cookie && CREDENTIAL.test(cookie) ? { credential: cookie, fresh: false } : { credential: randomToken(32), fresh: true };
}

async function credentialHash(campaignId: string, credential: string): Promise<string> {
  return sha256Hex(`${campaignId}:${credential}`);
}

export type CampaignLinkStatus = "open" | "answered" | "full" | "closed";

export interface CampaignLinkView {
  token: string;
  name: string;
  orgName: string;
  k: number;
  status: CampaignLinkStatus;
}

async function campaignOfLink(db: D1Database, token: string): Promise<CampaignLinkRow> {
  const campaign = TOKEN.test(token) ? await findCampaignByToken(db, token) : null;
  if (!campaign) throw notFound("That campaign link");
  return campaign;
}

/** What the link page shows this browser: the quiz, a thank-you, "everyone answered" or closed. */
export async function getCampaignLink(db: D1Database, token: string, credential: string | null): Promise<CampaignLinkView> {
  const c = await campaignOfLink(db, token);
  let status: CampaignLinkStatus = "open";
  if (c.state === "closed") status = "closed";
  else if (credential && (await hasAnswered(db, c.id, await credentialHash(c.id, credential)))) status = "answered";
  else if (c.received >= (c.headcount ?? 0)) status = "full";
  return { token, name: c.name, orgName: c.org_name, k: c.anonymity_k, status };
}

export const CLOSED_MESSAGE = "This Scorecard campaign has closed, so it no longer takes answers.";
export const FULL_MESSAGE =
  "This campaign link takes no more answers: it accepts as many as the organisation had people when the campaign opened.";

/**
 * The statements that record the admin's own public Scorecard result as a leader's answer in
 * a campaign being opened, guarded by this browser's credential like any answer through the
 * link (so the link then says this browser has answered). The response keeps no link to the
 * public result: it is one answer among the campaign's, released in steps of k like the rest.
 */
export async function leaderSelfAssessmentStatements(
  db: D1Database,
  campaignId: string,
  credential: string,
  answers: Record<string, number>,
): Promise<D1PreparedStatement[]> {
  return submitResponseStatements(db, {
    id: randomToken(16),
    campaignId,
    credentialHash: await credentialHash(campaignId, credential),
    isLeader: true,
    answers,
    dimensions: scoreScorecard(answers).dimensions,
  });
}

/**
 * Records one browser's answers. Returns recorded: false when this browser had answered
 * already (a double click or a second visit: nothing is stored twice). Throws 410 when the
 * campaign is closed and 409 when it has as many answers as the org has people.
 */
export async function answerCampaign(db: D1Database, token: string, credential: string, input: unknown): Promise<{ recorded: boolean }> {
  const c = await campaignOfLink(db, token);
  if (c.state === "closed") throw gone(CLOSED_MESSAGE);
  const data = parseInput(campaignResponseSchema, input);
  const scores = scoreScorecard(data.answers);
  const [credentialInsert, , , outcomeRows] = await batch(
    db,
    submitResponseStatements(db, {
      id: randomToken(16),
      campaignId: c.id,
      credentialHash: await credentialHash(c.id, credential),
      isLeader: data.leader === true,
      answers: data.answers,
      dimensions: scores.dimensions,
    }),
  );
  if (credentialInsert.meta.changes === 1) return { recorded: true };
  const outcome = outcomeRows.results[0];
  if (outcome?.answered) return { recorded: false };
  if (!outcome || outcome.state === "closed") throw gone(CLOSED_MESSAGE);
  throw conflict(FULL_MESSAGE);
}
