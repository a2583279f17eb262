import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "../../../tests/support/org-fixtures";
import { pulseTokenFor, voteSubmissionId } from "../../../tests/support/pulse-fixtures";

let org: TestOrg;
let token: string;
let ip = 0;

function post(body: unknown, headers: Record<string, string> = {}) {
  ip += 1;
  return exports.default.fetch(`https://mistvine.test/api/pulse/${token}/votes`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": `192.0.2.${ip % 250}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const voteCount = () => env.DB.prepare("SELECT COUNT(*) AS n FROM pulse_votes WHERE org_id = ?1").bind(org.admin.org.id).first<number>("n");

beforeAll(async () => {
  org = await createTestOrg(env.DB, { teams: 1, startsOn: new Date().toISOString().slice(0, 10) });
  token = await pulseTokenFor(env.DB, org.admin, org.teamIds[0]);
});

describe("the pulse API", () => {
  it("hands out a credential with the first vote and refuses a second vote made with it", async () => {
    const vote = { submissionId: voteSubmissionId(), votes: [{ objectiveId: org.teamObjectiveIds[0], score: 4 }] };
    const first = await post(vote);
    expect(first.status).toBe(201);
    const { credential, voted } = (await first.json()) as { credential: string; voted: string[] };
    expect(voted).toEqual([org.teamObjectiveIds[0]]);
    const retry = await post(vote, { "pulse-credential": credential });
    expect(retry.status).toBe(200);
    const second = await post({ ...vote, submissionId: voteSubmissionId() }, { "pulse-credential": credential });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe("conflict");
    expect(await voteCount()).toBe(1);
    const page = (await (
      await exports.default.fetch(`https://mistvine.test/api/pulse/${token}`, { headers: { "pulse-credential": credential } })
    ).json()) as { objectives: { voted: boolean }[] };
    expect(page.objectives[0].voted).toBe(true);
  });

  it.each([
    ["malformed JSON", '{"votes": [', 400, "invalid_json"],
    [
      "a score out of range",
      { submissionId: "s".repeat(20), votes: [{ objectiveId: "x".repeat(22), score: 9 }] },
      400,
      "validation_failed",
    ],
    ["a string body", '"hello"', 400, "validation_failed"],
  ])("answers %s with the envelope and stores nothing", async (_name, body, status, code) => {
    const before = await voteCount();
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(await voteCount()).toBe(before);
  });

  it("answers an unknown link with 404", async () => {
    const res = await exports.default.fetch(`https://mistvine.test/api/pulse/${"Z".repeat(22)}`);
    expect(res.status).toBe(404);
  });
});
