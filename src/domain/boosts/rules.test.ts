import { describe, expect, it } from "vitest";
import { boostActions, messageRecipients, resolveRecipients, type BoostFacts } from "./rules";

const directed: BoostFacts = { state: "open", fromTeamId: "pay", toTeamId: "plat", helperTeamId: null };
const anyTeam: BoostFacts = { state: "open", fromTeamId: "pay", toTeamId: null, helperTeamId: null };
const accepted: BoostFacts = { state: "accepted", fromTeamId: "pay", toTeamId: null, helperTeamId: "data" };
const resolved: BoostFacts = { ...accepted, state: "resolved" };
const declined: BoostFacts = { ...directed, state: "declined" };

describe("boostActions", () => {
  it.each([
    {
      name: "requester on an open request",
      b: directed,
      viewer: "pay",
      can: { accept: false, decline: false, message: true, resolve: true },
    },
    { name: "the team asked", b: directed, viewer: "plat", can: { accept: true, decline: true, message: true, resolve: false } },
    { name: "a team not asked", b: directed, viewer: "data", can: { accept: false, decline: false, message: false, resolve: false } },
    { name: "an admin (no team)", b: directed, viewer: null, can: { accept: false, decline: false, message: false, resolve: false } },
    { name: "any team: another team", b: anyTeam, viewer: "data", can: { accept: true, decline: true, message: true, resolve: false } },
    {
      name: "any team: the requester cannot accept its own",
      b: anyTeam,
      viewer: "pay",
      can: { accept: false, decline: false, message: true, resolve: true },
    },
    { name: "accepted: the helper", b: accepted, viewer: "data", can: { accept: false, decline: false, message: true, resolve: false } },
    {
      name: "accepted: a team that did not take it",
      b: accepted,
      viewer: "plat",
      can: { accept: false, decline: false, message: false, resolve: false },
    },
    { name: "accepted: the requester", b: accepted, viewer: "pay", can: { accept: false, decline: false, message: true, resolve: true } },
    { name: "resolved: nobody", b: resolved, viewer: "pay", can: { accept: false, decline: false, message: false, resolve: false } },
    { name: "declined: nobody", b: declined, viewer: "plat", can: { accept: false, decline: false, message: false, resolve: false } },
  ])("$name", ({ b, viewer, can }) => {
    expect(boostActions(b, viewer)).toEqual(can);
  });
});

describe("who hears about a step", () => {
  const all = ["pay", "plat", "data", "mob"];
  it.each([
    { name: "the asked team replies to the requester", b: directed, author: "plat", thread: [], to: ["pay"] },
    { name: "the requester writes to the team asked", b: directed, author: "pay", thread: [], to: ["plat"] },
    { name: "the requester writes to the helper", b: accepted, author: "pay", thread: ["plat", "data"], to: ["data"] },
    { name: "any team: the requester answers those who asked", b: anyTeam, author: "pay", thread: ["pay", "mob", "mob"], to: ["mob"] },
    { name: "any team: nobody wrote yet, so every other team", b: anyTeam, author: "pay", thread: [], to: ["plat", "data", "mob"] },
  ])("$name", ({ b, author, thread, to }) => {
    expect(messageRecipients(b, author, thread, all)).toEqual(to);
  });

  it("tells the helper, or the team asked, when the requester resolves", () => {
    expect(resolveRecipients(accepted)).toEqual(["data"]);
    expect(resolveRecipients(directed)).toEqual(["plat"]);
    expect(resolveRecipients(anyTeam)).toEqual([]);
  });
});
