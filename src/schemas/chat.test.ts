import { describe, expect, it } from "vitest";
import { chatChannelFormToInput, chatChannelSchema } from "./chat";
import { toFieldIssues } from "./common";

function issues(input: unknown) {
  const r = chatChannelSchema.safeParse(input);
  return r.success ? [] : toFieldIssues(r.error);
}

describe("chatChannelSchema", () => {
  it("accepts a Slack incoming webhook and trims it", () => {
    expect(chatChannelSchema.parse({ kind: "slack", url: "  https://hooks.slack.com/services/T/B/X \n" })).toEqual({
      kind: "slack",
      url: "https://hooks.slack.com/services/T/B/X",
    });
  });

  it("accepts a Teams Workflows webhook", () => {
    const url = "https://prod-1.westus.logic.azure.com:443/workflows/a/triggers/manual/paths/invoke?sig=s";
    expect(chatChannelSchema.parse({ kind: "teams", url }).kind).toBe("teams");
  });

  it("refuses a URL of the other service, on the url field, saying what it wants", () => {
    expect(issues({ kind: "teams", url: "https://hooks.slack.com/services/T/B/X" })).toEqual([
      { field: "url", issue: expect.stringContaining(".logic.azure.com or .powerplatform.com") },
    ]);
    expect(issues({ kind: "slack", url: "https://prod-1.westus.logic.azure.com/workflows/a" })).toEqual([
      { field: "url", issue: expect.stringContaining("https://hooks.slack.com/") },
    ]);
  });

  it.each([
    [{ kind: "discord", url: "https://hooks.slack.com/services/T/B/X" }, "kind", "Choose Slack or Microsoft Teams."],
    [{ kind: "slack", url: "   " }, "url", "Paste the channel's webhook URL."],
    [{ kind: "slack" }, "url", "Paste the channel's webhook URL."],
    [{ kind: "slack", url: `https://hooks.slack.com/${"x".repeat(2000)}` }, "url", "The URL can be at most 2000 characters."],
  ])("refuses %j with a clear message", (input, field, issue) => {
    expect(issues(input)).toContainEqual({ field, issue });
  });

  it("reads the form's fields", () => {
    const form = new FormData();
    form.set("kind", "teams");
    form.set("url", "https://x.logic.azure.com/w");
    expect(chatChannelFormToInput(form)).toEqual({ kind: "teams", url: "https://x.logic.azure.com/w" });
    expect(chatChannelFormToInput(new FormData())).toEqual({ kind: "", url: "" });
  });
});
