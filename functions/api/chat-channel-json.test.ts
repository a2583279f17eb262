import { describe, expect, it } from "vitest";
import { chatChannelJson, chatTestJson } from "./chat-channel-json";

/** Every key of a JSON answer, however deep: none may be snake_case. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

const base = {
  kind: "slack" as const,
  host: "hooks.slack.com",
  lastPostedAt: "2026-11-20T10:00:00.000Z",
  lastError: null,
  lastErrorAt: null,
};

describe("chatChannelJson", () => {
  it("answers a team's channel with its team, in camelCase", () => {
    const json = chatChannelJson({ ...base, teamId: "t".repeat(22), teamName: "Payments" });
    expect(json).toEqual({
      scope: "team",
      team: { id: "t".repeat(22), name: "Payments" },
      kind: "slack",
      host: "hooks.slack.com",
      lastPostedAt: "2026-11-20T10:00:00.000Z",
      lastError: null,
      lastErrorAt: null,
    });
    expect(keysOf(json).filter((k) => k.includes("_"))).toEqual([]);
  });

  it("answers the org's channel without a team, with its last error", () => {
    expect(
      chatChannelJson({
        ...base,
        kind: "teams",
        host: "prod-1.westus.logic.azure.com",
        teamId: null,
        teamName: null,
        lastError: "The channel answered 500.",
        lastErrorAt: "2026-11-21T10:00:00.000Z",
      }),
    ).toEqual({
      scope: "org",
      team: null,
      kind: "teams",
      host: "prod-1.westus.logic.azure.com",
      lastPostedAt: "2026-11-20T10:00:00.000Z",
      lastError: "The channel answered 500.",
      lastErrorAt: "2026-11-21T10:00:00.000Z",
    });
  });

  it("has no key for the URL", () => {
    expect(Object.keys(chatChannelJson({ ...base, teamId: null, teamName: null }))).not.toContain("url");
  });
});

describe("chatTestJson", () => {
  it.each([
    [null, { posted: true, error: null }],
    ["The channel answered 404.", { posted: false, error: "The channel answered 404." }],
  ])("answers %s as %o", (error, json) => {
    expect(chatTestJson(error)).toEqual(json);
  });
});
