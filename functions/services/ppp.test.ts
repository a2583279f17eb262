import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "../../tests/support/org-fixtures";
import { AppError } from "./errors";
import { getPpp } from "./ppp";
import { savePpp } from "./ppp-save";

const NOW = new Date("2026-11-20T10:00:00Z"); // Friday; this week starts Monday 16 Nov
const THIS_WEEK = "2026-11-16";
const LAST_WEEK = "2026-11-09";

/** Every PPP row of the org, to prove a refused save wrote nothing. */
async function pppRows(org: TestOrg): Promise<string> {
  const tables = await Promise.all([
    env.DB.prepare("SELECT * FROM ppps WHERE org_id = ?1 ORDER BY id").bind(org.admin.org.id).all(),
    env.DB.prepare("SELECT * FROM ppp_items WHERE org_id = ?1 ORDER BY ppp_id, kind, position").bind(org.admin.org.id).all(),
    env.DB.prepare("SELECT r.* FROM ppp_plan_reviews r JOIN ppps p ON p.id = r.ppp_id WHERE p.org_id = ?1 ORDER BY r.ppp_id, r.thread_id")
      .bind(org.admin.org.id)
      .all(),
  ]);
  return JSON.stringify(tables.map((t) => t.results));
}

async function expectRefused(work: Promise<unknown>, status: number, field?: string) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  if (field) expect((error as AppError).details.map((d) => d.field)).toContain(field);
}

/** Last week: a plan and a problem, submitted on last week's Friday. */
async function postLastWeek(org: TestOrg) {
  return savePpp(
    env.DB,
    org.leads[0],
    org.teamIds[0],
    LAST_WEEK,
    {
      progress: [{ text: "Retry banner shipped", objectiveId: org.teamObjectiveIds[0] }],
      plans: [{ text: "Migrate the card vault" }, { text: "Pair with support on failed payments" }],
      problems: [{ text: "No staging environment for the card vault" }],
      notes: "Do we keep the old vault running in December?",
    },
    "submit",
    new Date("2026-11-13T15:00:00Z"),
  );
}

describe("a team's weekly PPP", () => {
  it("brings last week's plans and problems back: plans carried show as postponed, problems age, plans done is counted", async () => {
    const org = await createTestOrg(env.DB, { teams: 2 });
    const last = await postLastWeek(org);
    expect(last.state).toBe("submitted");

    const form = await getPpp(env.DB, org.leads[0], org.teamIds[0], THIS_WEEK, NOW);
    expect(form.ppp).toBeNull();
    expect(form.previous?.week).toBe(LAST_WEEK);
    expect(form.previous?.plans.map((p) => p.text)).toEqual(["Migrate the card vault", "Pair with support on failed payments"]);
    // The open problem comes back in this week's form, two weeks old and offered as a boost.
    expect(form.draft.problems).toEqual([
      { text: "No staging environment for the card vault", objectiveId: null, thread: last.threads.problems[0] },
    ]);
    expect(form.previous?.problems[0].weeksOpen).toBe(2);

    const [vault, pairing] = form.previous!.plans;
    await savePpp(
      env.DB,
      org.leads[0],
      org.teamIds[0],
      THIS_WEEK,
      {
        progress: [{ text: "Paired with support" }],
        plans: [{ text: "Dry-run the vault migration" }],
        problems: form.draft.problems,
        reviews: { [vault.thread]: "carried", [pairing.thread]: "done" },
      },
      "submit",
      NOW,
    );

    const view = await getPpp(env.DB, org.leads[1], org.teamIds[0], THIS_WEEK, NOW);
    expect(view.ppp?.state).toBe("submitted");
    expect(view.plans.map((p) => [p.text, p.carried, p.weeksOpen])).toEqual([
      ["Migrate the card vault", true, 2],
      ["Dry-run the vault migration", false, 1],
    ]);
    expect(view.problems.map((p) => [p.text, p.weeksOpen, p.thread])).toEqual([
      ["No staging environment for the card vault", 2, last.threads.problems[0]],
    ]);
    expect(view.plansDone).toEqual({ done: 1, carried: 1, percent: 50 });
    expect(view.history.slice(0, 2).map((h) => [h.week, h.state, h.plansDone.percent])).toEqual([
      [THIS_WEEK, "submitted", 50],
      [LAST_WEEK, "submitted", null],
    ]);
  });

  it("keeps a draft to its team until it is submitted, and marks later changes as edited", async () => {
    const org = await createTestOrg(env.DB, { teams: 2 });
    const draft = await savePpp(env.DB, org.leads[0], org.teamIds[0], THIS_WEEK, { progress: [{ text: "Half-written" }] }, "draft", NOW);
    expect(draft).toMatchObject({ state: "draft", edited: false });
    expect((await getPpp(env.DB, org.leads[1], org.teamIds[0], THIS_WEEK, NOW)).ppp).toBeNull();
    expect((await getPpp(env.DB, org.leads[0], org.teamIds[0], THIS_WEEK, NOW)).draft.progress.map((p) => p.text)).toEqual([
      "Half-written",
    ]);

    // The draft's items keep their threads when saved again with them.
    const again = await savePpp(
      env.DB,
      org.leads[0],
      org.teamIds[0],
      THIS_WEEK,
      { progress: [{ text: "Written", thread: draft.threads.progress[0] }] },
      "submit",
      NOW,
    );
    expect(again.threads.progress).toEqual(draft.threads.progress);
    expect((await getPpp(env.DB, org.leads[1], org.teamIds[0], THIS_WEEK, NOW)).ppp?.editedAt).toBeNull();

    const later = new Date("2026-11-20T16:00:00Z");
    const edit = await savePpp(
      env.DB,
      org.leads[0],
      org.teamIds[0],
      THIS_WEEK,
      { progress: [{ text: "Written, and one typo fixed" }] },
      "draft",
      later,
    );
    expect(edit).toMatchObject({ state: "submitted", edited: true });
    const seen = await getPpp(env.DB, org.leads[1], org.teamIds[0], THIS_WEEK, later);
    expect(seen.ppp).toMatchObject({ state: "submitted", submittedAt: NOW.toISOString(), editedAt: later.toISOString() });
    expect(seen.progress.map((p) => p.text)).toEqual(["Written, and one typo fixed"]);
  });

  it("follows the org's time zone for the current week", async () => {
    const org = await createTestOrg(env.DB, { teams: 1, timeZone: "Pacific/Auckland" });
    // Sunday 22 Nov 13:00 UTC is already Monday 23 Nov in Auckland: a new week there.
    const view = await getPpp(env.DB, org.leads[0], org.teamIds[0], null, new Date("2026-11-22T13:00:00Z"));
    expect(view.week).toBe("2026-11-23");
    await expect(
      savePpp(
        env.DB,
        org.leads[0],
        org.teamIds[0],
        "2026-11-23",
        { progress: [{ text: "Monday morning" }] },
        "draft",
        new Date("2026-11-22T13:00:00Z"),
      ),
    ).resolves.toMatchObject({ week: "2026-11-23" });
  });
});

describe("bad PPP input is refused and writes nothing", () => {
  it.each([
    {
      name: "a sixth progress item",
      input: { progress: Array.from({ length: 6 }, (_, i) => ({ text: `Item ${i + 1}` })) },
      field: "progress",
    },
    { name: "an empty item", input: { problems: [{ text: "   " }] }, field: "problems.0.text" },
    { name: "an item that is too long", input: { plans: [{ text: "x".repeat(281) }] }, field: "plans.0.text" },
    { name: "items that are not a list", input: { progress: "Shipped it" }, field: "progress" },
    { name: "a malformed objective id", input: { progress: [{ text: "Shipped", objectiveId: "nope" }] }, field: "progress.0.objectiveId" },
  ])("$name → 400", async ({ input, field }) => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const before = await pppRows(org);
    await expectRefused(savePpp(env.DB, org.leads[0], org.teamIds[0], THIS_WEEK, input, "draft", NOW), 400, field);
    expect(await pppRows(org)).toBe(before);
  });

  it("refuses a week that has not started, an objective of another team, an unknown plan, and a submit with unmarked plans", async () => {
    const org = await createTestOrg(env.DB, { teams: 2 });
    await postLastWeek(org);
    const before = await pppRows(org);
    const lead = org.leads[0];
    const team = org.teamIds[0];
    await expectRefused(savePpp(env.DB, lead, team, "2026-11-23", { progress: [{ text: "From the future" }] }, "draft", NOW), 400, "week");
    await expectRefused(savePpp(env.DB, lead, team, "2026-11-2x", { progress: [{ text: "Garbled" }] }, "draft", NOW), 400, "week");
    await expectRefused(
      savePpp(env.DB, lead, team, THIS_WEEK, { progress: [{ text: "Theirs", objectiveId: org.teamObjectiveIds[1] }] }, "draft", NOW),
      400,
      "progress.0.objectiveId",
    );
    await expectRefused(
      savePpp(env.DB, lead, team, THIS_WEEK, { reviews: { ["A".repeat(22)]: "done" }, progress: [{ text: "x" }] }, "draft", NOW),
      400,
      `reviews.${"A".repeat(22)}`,
    );
    const plans = (await getPpp(env.DB, lead, team, THIS_WEEK, NOW)).previous!.plans;
    await expectRefused(
      savePpp(env.DB, lead, team, THIS_WEEK, { progress: [{ text: "x" }], reviews: { [plans[0].thread]: "done" } }, "submit", NOW),
      400,
      `reviews.${plans[1].thread}`,
    );
    // Five plans plus one carried over make six.
    await expectRefused(
      savePpp(
        env.DB,
        lead,
        team,
        THIS_WEEK,
        { plans: Array.from({ length: 5 }, (_, i) => ({ text: `Plan ${i}` })), reviews: { [plans[0].thread]: "carried" } },
        "draft",
        NOW,
      ),
      400,
      "plans",
    );
    await expectRefused(savePpp(env.DB, lead, team, THIS_WEEK, {}, "submit", NOW), 400);
    expect(await pppRows(org)).toBe(before);
  });

  it("lets only the team's lead (or an admin) write it; another org's team is 404", async () => {
    const org = await createTestOrg(env.DB, { teams: 2 });
    const other = await createTestOrg(env.DB, { teams: 1 });
    await expectRefused(
      savePpp(env.DB, org.leads[1], org.teamIds[0], THIS_WEEK, { progress: [{ text: "Not my team" }] }, "draft", NOW),
      403,
    );
    await expectRefused(
      savePpp(env.DB, org.leads[0], other.teamIds[0], THIS_WEEK, { progress: [{ text: "Not my org" }] }, "draft", NOW),
      404,
    );
    await expectRefused(getPpp(env.DB, org.admin, other.teamIds[0], null, NOW), 404);
    expect(await pppRows(org)).toBe(JSON.stringify([[], [], []]));
    await expect(
      savePpp(env.DB, org.admin, org.teamIds[0], THIS_WEEK, { progress: [{ text: "Fixed a typo for the lead" }] }, "draft", NOW),
    ).resolves.toMatchObject({ state: "draft" });
  });
});
