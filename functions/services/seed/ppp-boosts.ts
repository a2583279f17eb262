import { addDays, localDate } from "../../../src/domain/calendar";
import { currentWeek } from "../../../src/domain/ppp/week";
import type { OrgAccess } from "../access";
import { DEMO_ORIGIN } from "./org-builder";
import { acceptBoost, createBoost, declineBoost, postBoostMessage, resolveBoost } from "../boosts";
import { getPpp } from "../ppp";
import { savePpp } from "../ppp-save";

/** Links in the demo's seeded emails point at the local server `npm start` runs. */

type DemoTeams = Record<string, { id: string; lead: OrgAccess }>;

/**
 * Northwind's weekly PPPs and boosts: last week's and this week's PPPs for every team but
 * Data (missing this week), Onboarding's staging problem open for three weeks with a boost
 * asked of any team (Mobile declined), Payments helped by Data (accepted), Mobile helped by
 * Platform (resolved), and one boost in the previous wave for the time-to-help table.
 */
export async function seedPppAndBoosts(db: D1Database, teams: DemoTeams, now: Date): Promise<void> {
  const admin = teams.Payments.lead;
  const thisWeek = currentWeek(now, admin.org.time_zone);
  const lastWeek = addDays(thisWeek, -7);
  const twoWeeksAgo = addDays(thisWeek, -14);
  // Late on a weekday of a past week (London is UTC or UTC+1: the day never shifts).
  const on = (week: string, weekday: number, hour: number) =>
    new Date(`${addDays(week, weekday - 1)}T${String(hour).padStart(2, "0")}:00:00Z`);
  const today = localDate(now, admin.org.time_zone);
  /** `days` ago at `hour`, never later than a minute ago. */
  const before = (days: number, hour = 10) =>
    new Date(Math.min(now.getTime() - 60_000, Date.parse(`${addDays(today, -days)}T${String(hour).padStart(2, "0")}:00:00Z`)));
  const objectives = await db
    .prepare(
      "SELECT o.team_id, o.id FROM objectives o JOIN waves w ON w.id = o.wave_id WHERE o.org_id = ?1 AND o.level = 'team' AND w.state = 'active'",
    )
    .bind(admin.org.id)
    .all<{ team_id: string; id: string }>();
  const objectiveOf = (team: string) => objectives.results.find((o) => o.team_id === teams[team].id)?.id ?? null;
  const ppp = (team: string, week: string, input: Record<string, unknown>, at: Date) =>
    savePpp(db, teams[team].lead, teams[team].id, week, input, "submit", at);
  const previousPlans = async (team: string) => (await getPpp(db, teams[team].lead, teams[team].id, thisWeek, now)).previous?.plans ?? [];

  // Onboarding: the staging problem first raised two weeks ago.
  const onboarding0 = await ppp(
    "Onboarding",
    twoWeeksAgo,
    {
      progress: [{ text: "Watched 12 recorded sign-ups: 7 stall at the workspace settings step", objectiveId: objectiveOf("Onboarding") }],
      plans: [{ text: "Prototype a guided first board", objectiveId: objectiveOf("Onboarding") }],
      problems: [{ text: "No staging environment that mirrors production: we test sign-up changes on real customers" }],
    },
    on(twoWeeksAgo, 5, 15),
  );
  const staging = onboarding0.threads.problems[0];

  // Last week, every team.
  await ppp(
    "Onboarding",
    lastWeek,
    {
      progress: [{ text: "Guided first-board prototype tested with five trial teams", objectiveId: objectiveOf("Onboarding") }],
      plans: [{ text: "Ship the guided first board behind a flag", objectiveId: objectiveOf("Onboarding") }],
      problems: [{ text: "No staging environment that mirrors production: we test sign-up changes on real customers", thread: staging }],
      reviews: Object.fromEntries(
        (await getPpp(db, teams.Onboarding.lead, teams.Onboarding.id, lastWeek, now)).previous!.plans.map((p) => [p.thread, "done"]),
      ),
    },
    on(lastWeek, 5, 14),
  );
  await ppp(
    "Payments",
    lastWeek,
    {
      progress: [
        { text: "Smart retries live for every card payment", objectiveId: objectiveOf("Payments") },
        { text: "Decline reasons show in the support admin" },
      ],
      plans: [
        { text: "One-tap card update for 20% of customers", objectiveId: objectiveOf("Payments") },
        { text: "Agree the churn-risk feed format with Data" },
      ],
      problems: [{ text: "Card-update emails land in spam for Outlook users" }],
      notes: "Do we keep the old card vault running through December? We need a decision by the 1st.",
    },
    on(lastWeek, 5, 16),
  );
  await ppp(
    "Platform",
    lastWeek,
    {
      progress: [{ text: "Pipeline median down to 24 minutes", objectiveId: objectiveOf("Platform") }],
      plans: [
        { text: "Self-serve deploy guide for the Mobile team", objectiveId: objectiveOf("Platform") },
        { text: "Cache dependencies across pipeline runs" },
      ],
      problems: [],
    },
    on(lastWeek, 4, 17),
  );
  await ppp(
    "Mobile",
    lastWeek,
    {
      progress: [{ text: "App builds moved to the shared CI runners" }],
      plans: [{ text: "Finish sign-up on the phone, no desktop step", objectiveId: objectiveOf("Mobile") }],
      problems: [{ text: "App store review takes five days; we cannot ship a fix quickly" }],
    },
    on(lastWeek, 5, 11),
  );
  await ppp(
    "Data",
    lastWeek,
    {
      progress: [{ text: "Churn-risk score for 65% of accounts", objectiveId: objectiveOf("Data") }],
      plans: [{ text: "Score the remaining enterprise accounts", objectiveId: objectiveOf("Data") }],
      problems: [{ text: "Only three of us: every ad-hoc data request stops the roadmap" }],
    },
    on(lastWeek, 5, 9),
  );

  // This week: everyone but Data. Plans come back: some done, some carried over.
  const [cardUpdate, feedFormat] = await previousPlans("Payments");
  await ppp(
    "Payments",
    thisWeek,
    {
      progress: [
        { text: cardUpdate.text, objectiveId: cardUpdate.objectiveId },
        { text: "Recovered failed payments up to 56%", objectiveId: objectiveOf("Payments") },
      ],
      plans: [{ text: "Roll one-tap card update out to everyone", objectiveId: objectiveOf("Payments") }],
      problems: [
        {
          text: "Card-update emails land in spam for Outlook users",
          thread: (await getPpp(db, teams.Payments.lead, teams.Payments.id, thisWeek, now)).previous!.problems[0].thread,
        },
      ],
      reviews: { [cardUpdate.thread]: "done", [feedFormat.thread]: "carried" },
    },
    now,
  );
  const [guided] = await previousPlans("Onboarding");
  await ppp(
    "Onboarding",
    thisWeek,
    {
      progress: [{ text: "Sign-up form cut from nine fields to four", objectiveId: objectiveOf("Onboarding") }],
      plans: [{ text: "Interview three teams that activated on day one" }],
      problems: [{ text: "No staging environment that mirrors production: we test sign-up changes on real customers", thread: staging }],
      reviews: { [guided.thread]: "carried" },
      notes: "The guided first board waits for a staging environment; we will not test it on real sign-ups.",
    },
    now,
  );
  const platformPlans = await previousPlans("Platform");
  await ppp(
    "Platform",
    thisWeek,
    {
      progress: [{ text: "Mobile deploys on its own: guide written and tried together", objectiveId: objectiveOf("Platform") }],
      plans: [{ text: "Fourth team off platform tickets: Data", objectiveId: objectiveOf("Platform") }],
      problems: [{ text: "On-call rota is two people for the whole company" }],
      reviews: { [platformPlans[0].thread]: "done", [platformPlans[1].thread]: "done" },
    },
    now,
  );
  const [phoneSignUp] = await previousPlans("Mobile");
  await ppp(
    "Mobile",
    thisWeek,
    {
      progress: [{ text: "Workspace settings step works on the phone", objectiveId: objectiveOf("Mobile") }],
      plans: [],
      problems: [],
      reviews: { [phoneSignUp.thread]: "carried" },
    },
    now,
  );

  // Wave 6: Payments asked Data for an event schema; helped within a day.
  const schema = await createBoost(
    db,
    teams.Payments.lead,
    {
      toTeamId: teams.Data.id,
      need: "Agree the failed-payment event schema before we build the dashboard",
      neededBy: addDays(thisWeek, -26),
      objectiveId: (
        await db
          .prepare("SELECT id FROM objectives WHERE team_id = ?1 AND level = 'team' ORDER BY created_at LIMIT 1")
          .bind(teams.Payments.id)
          .first<{ id: string }>()
      )?.id,
    },
    DEMO_ORIGIN,
    on(addDays(thisWeek, -35), 2, 10),
  );
  await acceptBoost(db, teams.Data.lead, schema.id, DEMO_ORIGIN, on(addDays(thisWeek, -35), 2, 16));
  await resolveBoost(db, teams.Payments.lead, schema.id, DEMO_ORIGIN, on(addDays(thisWeek, -35), 5, 12));

  // Mobile → Platform, resolved.
  const ci = await createBoost(
    db,
    teams.Mobile.lead,
    {
      toTeamId: teams.Platform.id,
      need: "Help moving our app builds to the shared CI runners: today one laptop builds every release",
      neededBy: addDays(lastWeek, 4),
      objectiveId: objectiveOf("Mobile"),
    },
    DEMO_ORIGIN,
    before(12),
  );
  await postBoostMessage(
    db,
    teams.Platform.lead,
    ci.id,
    { body: "Happy to. Can you share the build script and the Xcode version you need?" },
    DEMO_ORIGIN,
    before(12, 13),
  );
  await postBoostMessage(
    db,
    teams.Mobile.lead,
    ci.id,
    { body: "It is in the repo under /ci; we need Xcode 16." },
    DEMO_ORIGIN,
    before(12, 14),
  );
  await acceptBoost(db, teams.Platform.lead, ci.id, DEMO_ORIGIN, before(11, 9));
  await resolveBoost(db, teams.Mobile.lead, ci.id, DEMO_ORIGIN, before(6, 15));

  // Payments → Data, accepted and under way.
  const feed = await createBoost(
    db,
    teams.Payments.lead,
    {
      toTeamId: teams.Data.id,
      need: "A daily feed of churn-risk scores per account, so card retries go to at-risk accounts first",
      neededBy: addDays(thisWeek, 11),
      objectiveId: objectiveOf("Payments"),
    },
    DEMO_ORIGIN,
    before(5),
  );
  await acceptBoost(db, teams.Data.lead, feed.id, DEMO_ORIGIN, before(4, 11));
  await postBoostMessage(
    db,
    teams.Data.lead,
    feed.id,
    { body: "A CSV in the shared bucket at 06:00 every day works for a start; an API later." },
    DEMO_ORIGIN,
    before(4, 12),
  );

  // Onboarding → any team, open: the three-week-old staging problem. Mobile said no.
  const stagingBoost = await createBoost(
    db,
    teams.Onboarding.lead,
    {
      toTeamId: "any",
      need: "Half a day from someone who can set up a staging environment for sign-up, so we stop testing on real customers",
      neededBy: addDays(thisWeek, 7),
      problemThreadId: staging,
    },
    DEMO_ORIGIN,
    before(2),
  );
  await declineBoost(
    db,
    teams.Mobile.lead,
    stagingBoost.id,
    { reason: "We are heads-down on the app store release until Friday." },
    DEMO_ORIGIN,
    before(2, 15),
  );
}

/** For the 50-team bench org: every other team posts this week's PPP, so the summary has rows to read. */
export async function seedBenchPpp(db: D1Database, lead: OrgAccess, teamId: string, index: number, now: Date): Promise<void> {
  if (index % 2 === 1) return;
  await savePpp(
    db,
    lead,
    teamId,
    currentWeek(now, lead.org.time_zone),
    {
      progress: [{ text: `Team ${index + 1} shipped its weekly slice` }, { text: "Fixed two paper cuts from support" }],
      plans: [{ text: "Next slice behind a flag" }],
      problems: [{ text: "Waiting on a review from another team" }],
    },
    "submit",
    now,
  );
}
