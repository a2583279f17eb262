import { addDays, localDate, weekStart } from "../../../src/domain/calendar";
import { insertInviteStatement } from "../../db/invites";
import { findOrgBySlug } from "../../db/orgs";
import type { OrgAccess } from "../access";
import { checkIn, createOrgObjective, createTeamObjective, saveReflection } from "../objectives";
import { createTeam } from "../teams";
import { createWave, moveWaveTo } from "../waves";
import { createSeedOrg, seedLead } from "./org-builder";
import { randomToken } from "../tokens";
import { savePpp } from "../ppp-save";
import { currentWeek } from "../../../src/domain/ppp/week";
import { seedPppAndBoosts } from "./ppp-boosts";
import { seedPulse } from "./pulse";

export const DEMO_ORG = { slug: "northwind", name: "Northwind Labs", timeZone: "Europe/London" };
export const DEMO_ADMIN = { email: "admin@northwind.example", name: "Ada Okafor" };

interface DemoKr {
  title: string;
  unit: string;
  baseline: number;
  target: number;
  /** Check-ins as [days ago, value]. */
  history: [number, number][];
}

interface DemoTeam {
  name: string;
  mission: string;
  size: number;
  lead: { email: string; name: string };
}

const TEAMS: DemoTeam[] = [
  {
    name: "Payments",
    mission: "Make paying us the easiest step in the journey.",
    size: 10,
    lead: { email: "priya@northwind.example", name: "Priya Raman" },
  },
  {
    name: "Onboarding",
    mission: "Get every new customer to their first win in a day.",
    size: 8,
    lead: { email: "tom@northwind.example", name: "Tom Becker" },
  },
  {
    name: "Platform",
    mission: "Keep every team shipping safely, many times a day.",
    size: 11,
    lead: { email: "mei@northwind.example", name: "Mei Lin" },
  },
  {
    name: "Mobile",
    mission: "A phone app people open because they want to.",
    size: 7,
    lead: { email: "jonas@northwind.example", name: "Jonas Weber" },
  },
  {
    name: "Data",
    mission: "Answers in minutes, not tickets in weeks.",
    size: 4,
    lead: { email: "sam@northwind.example", name: "Sam Ortiz" },
  },
];

/**
 * Northwind Labs: five teams, a completed wave with reflections, an active wave two weeks in
 * with check-in history (one team behind, one silent for over a week), and a draft wave.
 * Returns null when the org exists already.
 */
export async function seedDemoOrg(db: D1Database, now: Date): Promise<OrgAccess | null> {
  if (await findOrgBySlug(db, DEMO_ORG.slug)) return null;
  const today = localDate(now, DEMO_ORG.timeZone);
  const daysAgo = (d: number, hour = 10) => new Date(Date.parse(`${addDays(today, -d)}T${String(hour).padStart(2, "0")}:00:00Z`));
  const start = addDays(weekStart(today), -14); // the active wave is in its third week
  const admin = await createSeedOrg(db, DEMO_ORG, DEMO_ADMIN, daysAgo(70));

  const teams: Record<string, { id: string; lead: OrgAccess }> = {};
  for (const t of TEAMS) {
    const team = await createTeam(db, admin, { name: t.name, mission: t.mission, declaredSize: t.size }, daysAgo(70));
    teams[t.name] = { id: team.id, lead: await seedLead(db, admin, team.id, t.lead.email, t.lead.name, daysAgo(69).toISOString()) };
  }

  const teamObjective = async (
    teamName: string,
    waveId: string,
    parentId: string,
    title: string,
    rationale: string,
    krs: DemoKr[],
    createdDaysAgo: number,
  ) => {
    const team = teams[teamName];
    const id = await createTeamObjective(
      db,
      team.lead,
      waveId,
      { teamId: team.id, parentId, title, rationale, keyResults: krs.map(({ history: _h, ...k }) => k) },
      daysAgo(createdDaysAgo),
    );
    return { id, team, krs };
  };
  const replayCheckIns = async (lead: OrgAccess, waveId: string, objectiveId: string, krs: DemoKr[]) => {
    const plan = await db
      .prepare("SELECT id, title FROM key_results WHERE objective_id = ?1 ORDER BY created_at, position")
      .bind(objectiveId)
      .all<{ id: string; title: string }>();
    for (const kr of krs) {
      const row = plan.results.find((r) => r.title === kr.title);
      if (!row) continue;
      for (const [ago, value] of kr.history) await checkIn(db, lead, row.id, { value, note: "" }, daysAgo(ago, 9 + (ago % 7)));
    }
    return waveId;
  };

  // Wave 6, completed: foundations.
  const w6 = await createWave(
    db,
    admin,
    { name: "Wave 6: Foundations", startsOn: addDays(start, -28), endsOn: addDays(start, -1) },
    daysAgo(45),
  );
  const w6o1 = await createOrgObjective(
    db,
    admin,
    w6.id,
    { title: "Know why customers leave", kind: "roofshot", keyResults: [] },
    daysAgo(44),
  );
  await moveWaveTo(db, admin, w6.id, "active", daysAgo(42));
  const w6Payments = await teamObjective(
    "Payments",
    w6.id,
    w6o1,
    "See every failed payment as it happens",
    "Failed payments are the churn we can act on first; we cannot fix what we cannot see.",
    [
      {
        title: "Failed payments with a known reason",
        unit: "%",
        baseline: 20,
        target: 90,
        history: [
          [38, 45],
          [30, 70],
          [24, 92],
        ],
      },
    ],
    43,
  );
  await replayCheckIns(teams.Payments.lead, w6.id, w6Payments.id, w6Payments.krs);
  const w6Onboarding = await teamObjective(
    "Onboarding",
    w6.id,
    w6o1,
    "Interview churned trial users",
    "Talking to people who left tells us which onboarding step loses them.",
    [
      {
        title: "Churned trial users interviewed",
        unit: "interviews",
        baseline: 0,
        target: 20,
        history: [
          [36, 4],
          [29, 9],
          [23, 12],
        ],
      },
    ],
    43,
  );
  await replayCheckIns(teams.Onboarding.lead, w6.id, w6Onboarding.id, w6Onboarding.krs);
  await moveWaveTo(db, admin, w6.id, "completed", daysAgo(14, 18));
  await saveReflection(
    db,
    teams.Payments.lead,
    w6.id,
    teams.Payments.id,
    {
      worked: "Pairing with support on the first week surfaced the real failure reasons fast.",
      change: "Agree the data schema with Data before building, not after.",
    },
    daysAgo(14, 17),
  );
  await saveReflection(
    db,
    teams.Onboarding.lead,
    w6.id,
    teams.Onboarding.id,
    {
      worked: "Short, recorded interviews that the whole team watched.",
      change: "Book interviews in the first week; we lost two weeks to scheduling.",
    },
    daysAgo(14, 16),
  );

  // Wave 7, active: self-serve growth.
  const w7 = await createWave(db, admin, { name: "Wave 7: Self-serve growth", startsOn: start, endsOn: addDays(start, 27) }, daysAgo(20));
  const selfServe = await createOrgObjective(
    db,
    admin,
    w7.id,
    {
      title: "Customers get value without talking to us",
      kind: "roofshot",
      keyResults: [{ title: "Self-serve signups that activate within 7 days", unit: "%", baseline: 32, target: 50 }],
    },
    daysAgo(19),
  );
  const churn = await createOrgObjective(
    db,
    admin,
    w7.id,
    {
      title: "Keep the revenue we earn: cut involuntary churn",
      kind: "roofshot",
      keyResults: [{ title: "Monthly involuntary churn", unit: "%", baseline: 4.2, target: 2.5 }],
    },
    daysAgo(19),
  );
  const deploy = await createOrgObjective(
    db,
    admin,
    w7.id,
    { title: "Every team ships to production in under an hour", kind: "moonshot", keyResults: [] },
    daysAgo(19),
  );
  await moveWaveTo(db, admin, w7.id, "active", daysAgo(14, 8));
  const orgKrs = await db
    .prepare("SELECT k.id, k.title FROM key_results k JOIN objectives o ON o.id = k.objective_id WHERE o.wave_id = ?1 AND o.level = 'org'")
    .bind(w7.id)
    .all<{ id: string; title: string }>();
  for (const [ago, value] of [
    [10, 34],
    [3, 41],
  ] as const)
    await checkIn(db, admin, orgKrs.results.find((k) => k.title.startsWith("Self-serve"))!.id, { value, note: "" }, daysAgo(ago));
  for (const [ago, value] of [
    [9, 4.0],
    [2, 3.6],
  ] as const)
    await checkIn(db, admin, orgKrs.results.find((k) => k.title.startsWith("Monthly"))!.id, { value, note: "" }, daysAgo(ago));

  const active: [string, string, string, string, DemoKr[]][] = [
    [
      "Payments",
      churn,
      "Failed payments recover themselves",
      "Most involuntary churn starts as a failed card payment. Smart retries and a one-tap card update keep revenue we already earned.",
      [
        {
          title: "Failed payments recovered",
          unit: "%",
          baseline: 38,
          target: 60,
          history: [
            [12, 43],
            [8, 49],
            [4, 53],
            [1, 56],
          ],
        },
        {
          title: "Card-update flow completion",
          unit: "%",
          baseline: 55,
          target: 80,
          history: [
            [11, 59],
            [5, 66],
            [1, 72],
          ],
        },
      ],
    ],
    [
      "Onboarding",
      selfServe,
      "New teams reach their first board in one session",
      "Activation within 7 days is decided in the first session: a team that sees its first board that day comes back.",
      [
        {
          title: "Signups that create a first wave on day one",
          unit: "%",
          baseline: 18,
          target: 40,
          history: [
            [12, 19],
            [6, 21],
            [2, 22],
          ],
        },
        {
          title: "Median minutes to first board",
          unit: "minutes",
          baseline: 95,
          target: 20,
          history: [
            [10, 88],
            [3, 74],
          ],
        },
      ],
    ],
    [
      "Platform",
      deploy,
      "Any team can deploy on its own, safely",
      "An hour from commit to production needs every team to own its pipeline; today most wait for a platform ticket.",
      [
        {
          title: "Teams deploying without a platform ticket",
          unit: "teams",
          baseline: 2,
          target: 5,
          history: [
            [12, 2],
            [7, 3],
            [2, 4],
          ],
        },
        {
          title: "Median pipeline duration",
          unit: "minutes",
          baseline: 48,
          target: 12,
          history: [
            [11, 40],
            [6, 31],
            [1, 24],
          ],
        },
      ],
    ],
    [
      "Mobile",
      selfServe,
      "Sign up and start on the phone",
      "A third of trials start on a phone and stall at a desktop-only step; finishing setup on mobile lifts activation.",
      [
        {
          title: "Mobile signups that activate",
          unit: "%",
          baseline: 12,
          target: 30,
          history: [
            [13, 13],
            [9, 14],
          ],
        },
      ],
    ],
    [
      "Data",
      churn,
      "See churn risk before it happens",
      "Payments and Success can only act early on accounts they know are at risk.",
      [
        {
          title: "Accounts with a churn-risk score",
          unit: "%",
          baseline: 0,
          target: 100,
          history: [
            [10, 20],
            [5, 48],
            [0, 65],
          ],
        },
      ],
    ],
  ];
  for (const [teamName, parent, title, rationale, krs] of active) {
    const o = await teamObjective(teamName, w7.id, parent, title, rationale, krs, 13);
    await replayCheckIns(o.team.lead, w7.id, o.id, krs);
  }

  await seedPulse(db, admin, teams, start, now);

  // Wave 8, in draft: the next one is being planned.
  const w8 = await createWave(db, admin, { name: "Wave 8", startsOn: addDays(start, 28), endsOn: addDays(start, 55) }, daysAgo(1));
  await createOrgObjective(
    db,
    admin,
    w8.id,
    { title: "Customers get value without talking to us", kind: "roofshot", keyResults: [] },
    daysAgo(1),
  );
  await seedPppAndBoosts(db, teams, now);
  await seedNewTeam(db, admin, now, daysAgo);
  return admin;
}

/**
 * Support joined Northwind nine days ago: Lena leads it, has posted this week's PPP but has
 * not written an objective for the active wave yet, and the co-lead Kai has not accepted the
 * invitation sent four days ago. The Action Center shows both, to Lena and to the admins.
 */
async function seedNewTeam(db: D1Database, admin: OrgAccess, now: Date, daysAgo: (d: number, hour?: number) => Date): Promise<void> {
  const team = await createTeam(
    db,
    admin,
    { name: "Support", mission: "Every customer question answered within the hour.", declaredSize: 4 },
    daysAgo(9),
  );
  const lead = await seedLead(db, admin, team.id, "lena@northwind.example", "Lena Novak", daysAgo(9).toISOString());
  await savePpp(
    db,
    lead,
    team.id,
    currentWeek(now, admin.org.time_zone),
    {
      progress: [{ text: "Mapped the ten questions customers ask most" }],
      plans: [{ text: "Write our first objective with the admins" }],
      problems: [],
    },
    "submit",
    now,
  );
  await insertInviteStatement(db, {
    id: randomToken(16),
    org_id: admin.org.id,
    team_id: team.id,
    email: "kai@northwind.example",
    name: "Kai Mensah",
    invited_by: admin.viewer.personId,
    created_at: daysAgo(4).toISOString(),
  }).run();
}
