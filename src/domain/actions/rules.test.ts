import { describe, expect, it } from "vitest";
import { deriveActions, nextPppDueOn, type ActionsInput } from "./rules";

// Wednesday 18 Nov 2026; the wave runs 2–29 Nov; PPPs are due Fridays.
const base: ActionsInput = {
  slug: "acme",
  today: "2026-11-18",
  now: "2026-11-18T12:00:00Z",
  timeZone: "UTC",
  viewer: { isAdmin: false, teamId: "t1" },
  wave: { id: "w1", name: "Wave 1", startsOn: "2026-11-02", endsOn: "2026-11-29" },
  hasDraftWave: true,
  teams: [
    { id: "t1", name: "Payments" },
    { id: "t2", name: "Data" },
  ],
  objectives: [
    { id: "o1", teamId: "t1" },
    { id: "o2", teamId: "t2" },
  ],
  keyResults: [
    {
      id: "k1",
      objectiveId: "o1",
      teamId: "t1",
      title: "Recovered payments",
      createdAt: "2026-11-02T09:00:00Z",
      lastCheckInAt: "2026-11-16T09:00:00Z",
    },
  ],
  week: "2026-11-16",
  dueWeekday: 5,
  posted: new Set(["t1", "t2"]),
  planReviews: [],
  problems: [],
  problemBoosts: new Map(),
  boosts: [],
  needsSupport: [],
  hiddenPulse: new Set(),
  reflected: new Set(),
  invites: [],
  campaign: null,
};
const admin = { viewer: { isAdmin: true, teamId: null } };
const boost = {
  id: "b1",
  fromTeamId: "t2",
  toTeamId: "t1",
  helperTeamId: null,
  need: "Review our schema",
  state: "open" as const,
  createdAt: "2026-11-17T09:00:00Z",
  acceptedAt: null,
  messages: [],
};

const cases: [string, Partial<ActionsInput>, [string, string][]][] = [
  ["a lead with nothing open", {}, []],
  ["no objective in the active wave", { objectives: [{ id: "o2", teamId: "t2" }], keyResults: [] }, [["no-objective", "high"]]],
  ["no objective but no active wave", { wave: null, objectives: [], keyResults: [] }, []],
  [
    "a key result silent 7 days is medium",
    { keyResults: [{ ...base.keyResults[0], lastCheckInAt: "2026-11-11T09:00:00Z" }] },
    [["stale-key-result", "medium"]],
  ],
  ["a key result silent 6 days is fine", { keyResults: [{ ...base.keyResults[0], lastCheckInAt: "2026-11-12T09:00:00Z" }] }, []],
  [
    "a key result silent 14 days is high",
    { keyResults: [{ ...base.keyResults[0], lastCheckInAt: "2026-11-04T09:00:00Z" }] },
    [["stale-key-result", "high"]],
  ],
  [
    "a key result never checked in counts from the wave start",
    { keyResults: [{ ...base.keyResults[0], lastCheckInAt: null }] },
    [["stale-key-result", "high"]],
  ],
  ["PPP not posted before the due day", { posted: new Set(["t2"]) }, [["ppp-due", "low"]]],
  ["PPP not posted on the due day", { posted: new Set(["t2"]), today: "2026-11-20", now: "2026-11-20T12:00:00Z" }, [["ppp-due", "medium"]]],
  [
    "PPP not posted after the due day",
    { posted: new Set(["t2"]), today: "2026-11-21", now: "2026-11-21T12:00:00Z" },
    [["ppp-due", "high"]],
  ],
  ["last week's plans partly marked", { planReviews: [{ teamId: "t1", plans: 2, reviewed: 1 }] }, [["plans-review", "medium"]]],
  ["last week's plans all marked", { planReviews: [{ teamId: "t1", plans: 2, reviewed: 2 }] }, []],
  ["a problem new this week", { problems: [{ teamId: "t1", threadId: "p1", text: "Spam", sinceWeek: "2026-11-16" }] }, []],
  [
    "a problem open 2 weeks offers a boost",
    { problems: [{ teamId: "t1", threadId: "p1", text: "Spam", sinceWeek: "2026-11-09" }] },
    [["problem-ageing", "medium"]],
  ],
  [
    "a problem open 3 weeks with an open boost",
    {
      problems: [{ teamId: "t1", threadId: "p1", text: "Spam", sinceWeek: "2026-11-02" }],
      problemBoosts: new Map([["p1", { id: "b9", state: "open" as const }]]),
    },
    [["problem-ageing", "high"]],
  ],
  [
    "a problem someone accepted to help with",
    {
      problems: [{ teamId: "t1", threadId: "p1", text: "Spam", sinceWeek: "2026-11-02" }],
      problemBoosts: new Map([["p1", { id: "b9", state: "accepted" as const }]]),
    },
    [],
  ],
  ["a boost asked of the team", { boosts: [boost] }, [["boost-to-answer", "medium"]]],
  ["a boost asked of the team 3 days ago", { boosts: [{ ...boost, createdAt: "2026-11-15T09:00:00Z" }] }, [["boost-to-answer", "high"]]],
  [
    "a boost the team answered",
    { boosts: [{ ...boost, messages: [{ teamId: "t1", kind: "message" as const, at: "2026-11-17T10:00:00Z" }] }] },
    [],
  ],
  [
    "a boost whose asker wrote again",
    {
      boosts: [
        {
          ...boost,
          messages: [
            { teamId: "t1", kind: "message" as const, at: "2026-11-17T10:00:00Z" },
            { teamId: "t2", kind: "message" as const, at: "2026-11-17T11:00:00Z" },
          ],
        },
      ],
    },
    [["boost-to-answer", "medium"]],
  ],
  [
    "an any-team boost the team declined",
    { boosts: [{ ...boost, toTeamId: null, messages: [{ teamId: "t1", kind: "decline" as const, at: "2026-11-17T10:00:00Z" }] }] },
    [],
  ],
  [
    "a question on the team's own boost",
    {
      boosts: [
        { ...boost, fromTeamId: "t1", toTeamId: "t2", messages: [{ teamId: "t2", kind: "message" as const, at: "2026-11-17T10:00:00Z" }] },
      ],
    },
    [["boost-reply", "medium"]],
  ],
  [
    "the team's own boost, accepted",
    {
      boosts: [
        { ...boost, fromTeamId: "t1", toTeamId: "t2", state: "accepted" as const, helperTeamId: "t2", acceptedAt: "2026-11-17T10:00:00Z" },
      ],
    },
    [["boost-reply", "medium"]],
  ],
  ["the team's own boost, no answer yet", { boosts: [{ ...boost, fromTeamId: "t1", toTeamId: "t2" }] }, []],
  ["the team's pulse week published as suppressed", { hiddenPulse: new Set(["t1"]) }, [["pulse-hidden", "medium"]]],
  ["another team's pulse hidden", { hiddenPulse: new Set(["t2"]) }, []],
  [
    "the wave ends in 5 days, no reflection",
    { today: "2026-11-24", now: "2026-11-24T12:00:00Z", week: "2026-11-23", keyResults: [] },
    [["reflection-due", "medium"]],
  ],
  [
    "the wave ends in 2 days, no reflection",
    { today: "2026-11-27", now: "2026-11-27T12:00:00Z", week: "2026-11-23", keyResults: [] },
    [["reflection-due", "high"]],
  ],
  [
    "the wave ends in 5 days, reflection written",
    { today: "2026-11-24", now: "2026-11-24T12:00:00Z", week: "2026-11-23", keyResults: [], reflected: new Set(["t1"]) },
    [],
  ],
  ["an admin with nothing open", { ...admin }, []],
  ["admin: a team without an objective", { ...admin, objectives: [{ id: "o1", teamId: "t1" }] }, [["team-no-objective", "high"]]],
  [
    "admin: a team needing support",
    { ...admin, needsSupport: [{ teamId: "t2", reasons: ["behind"], daysSinceCheckIn: 3 }] },
    [["team-needs-support", "medium"]],
  ],
  ["admin: a PPP missing before the due day", { ...admin, posted: new Set(["t1"]) }, []],
  [
    "admin: a PPP missing after the due day",
    { ...admin, posted: new Set(["t1"]), today: "2026-11-21", now: "2026-11-21T12:00:00Z" },
    [["ppp-missing", "medium"]],
  ],
  ["admin: last week's PPP missing", { ...admin, postedLastWeek: new Set(["t1"]) }, [["ppp-missing", "medium"]]],
  [
    "admin: last week's PPP of a team created after its due day",
    { ...admin, postedLastWeek: new Set(["t1"]), teams: [base.teams[0], { id: "t2", name: "Data", createdAt: "2026-11-14T09:00:00Z" }] },
    [],
  ],
  ["admin: a boost open 47 hours", { ...admin, boosts: [{ ...boost, createdAt: "2026-11-16T13:00:00Z" }] }, []],
  [
    "admin: a boost open 49 hours",
    { ...admin, boosts: [{ ...boost, createdAt: "2026-11-16T11:00:00Z" }] },
    [["boost-unanswered", "medium"]],
  ],
  [
    "admin: an accepted boost",
    {
      ...admin,
      boosts: [
        { ...boost, createdAt: "2026-11-10T11:00:00Z", state: "accepted" as const, acceptedAt: "2026-11-11T09:00:00Z", helperTeamId: "t1" },
      ],
    },
    [],
  ],
  [
    "admin: the wave ends in 7 days with no draft",
    { ...admin, today: "2026-11-22", now: "2026-11-22T12:00:00Z", hasDraftWave: false },
    [["wave-ending-no-draft", "high"]],
  ],
  [
    "admin: the wave ends in 8 days with no draft",
    { ...admin, today: "2026-11-21", now: "2026-11-21T12:00:00Z", posted: new Set(["t1", "t2"]), hasDraftWave: false },
    [],
  ],
  [
    "admin: an invite of 4 days",
    { ...admin, invites: [{ id: "i1", teamId: "t2", name: "Sam", createdAt: "2026-11-14T12:00:00Z" }] },
    [["invite-pending", "low"]],
  ],
  ["admin: an invite of 2 days", { ...admin, invites: [{ id: "i1", teamId: "t2", name: "Sam", createdAt: "2026-11-16T12:00:00Z" }] }, []],
  [
    "admin: an open campaign whose published result is complete",
    { ...admin, campaign: { id: "c1", name: "Wave 1 scorecard", openedAt: "2026-11-03T09:00:00Z", readyToClose: true } },
    [["campaign-ready", "low"]],
  ],
  [
    "admin: an open campaign not complete yet",
    { ...admin, campaign: { id: "c1", name: "Wave 1 scorecard", openedAt: "2026-11-03T09:00:00Z", readyToClose: false } },
    [],
  ],
  ["admin items never include a lead's", { ...admin, hiddenPulse: new Set(["t1"]), posted: new Set(["t1"]) }, []],
];

describe("deriveActions", () => {
  it.each(cases)("%s", (_name, patch, expected) => {
    expect(deriveActions({ ...base, ...patch }).map((i) => [i.kind, i.urgency])).toEqual(expected);
  });

  it("sorts the most urgent first, then the oldest", () => {
    const items = deriveActions({
      ...base,
      posted: new Set(["t2"]),
      objectives: [{ id: "o2", teamId: "t2" }],
      keyResults: [],
      hiddenPulse: new Set(["t1"]),
      planReviews: [{ teamId: "t1", plans: 1, reviewed: 0 }],
      problems: [{ teamId: "t1", threadId: "p1", text: "Spam", sinceWeek: "2026-11-09" }],
    });
    expect(items.map((i) => [i.kind, i.ageDays])).toEqual([
      ["no-objective", 16],
      ["problem-ageing", 9],
      ["plans-review", 2],
      ["pulse-hidden", 2],
      ["ppp-due", 2],
    ]);
  });

  it("links each item to where it is resolved", () => {
    const items = deriveActions({
      ...base,
      posted: new Set(),
      keyResults: [{ ...base.keyResults[0], lastCheckInAt: null }],
      boosts: [boost],
      problems: [{ teamId: "t1", threadId: "p 1", text: "Spam", sinceWeek: "2026-11-09" }],
    });
    expect(Object.fromEntries(items.map((i) => [i.kind, i.href]))).toEqual({
      "stale-key-result": "/o/acme/teams/t1#v-k1",
      "problem-ageing": "/o/acme/boosts?problem=p%201#ask",
      "boost-to-answer": "/o/acme/boosts/b1",
      "ppp-due": "/o/acme/teams/t1/ppp",
    });
  });

  it("never says how many voted on a hidden pulse", () => {
    const [item] = deriveActions({ ...base, hiddenPulse: new Set(["t1"]) });
    expect(`${item.title} ${item.reason}`).not.toMatch(/\d/);
  });
});

describe("nextPppDueOn", () => {
  it.each([
    ["2026-11-18", "2026-11-20"],
    ["2026-11-20", "2026-11-20"],
    ["2026-11-21", "2026-11-27"],
  ])("on %s the next PPP is due %s", (today, due) => {
    expect(nextPppDueOn(today, "2026-11-16", 5)).toBe(due);
  });
});
