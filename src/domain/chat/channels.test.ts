import { describe, expect, it } from "vitest";
import { chatChannelUrlProblem } from "./channels";

describe("chatChannelUrlProblem for Slack", () => {
  it.each([
    "https://hooks.slack.com/services/T000/B000/XXXXXXXX",
    "https://HOOKS.slack.com/services/T000/B000/XXXXXXXX",
    "https://hooks.slack.com:443/services/T000/B000/XXXX",
    "https://hooks.slack.com/triggers/T000/123/abc",
  ])("allows %s", (url) => {
    expect(chatChannelUrlProblem("slack", url)).toBeNull();
  });

  it.each([
    ["http://hooks.slack.com/services/T/B/X", "https://"],
    ["https://hooks.slack.com.evil.example/services/T/B/X", "not a Slack incoming-webhook URL"],
    ["https://evilhooks.slack.com/services/T/B/X", "not a Slack incoming-webhook URL"],
    ["https://slack.com/services/T/B/X", "not a Slack incoming-webhook URL"],
    ["https://hooks.slack.com./services/T/B/X", "not a Slack incoming-webhook URL"],
    ["https://prod-1.westus.logic.azure.com/workflows/x", "not a Slack incoming-webhook URL"],
    ["https://hooks.slack.com:8443/services/T/B/X", "port"],
    ["https://user:pw@hooks.slack.com/services/T/B/X", "passwords"],
    ["https://hooks.slack.com/", "missing its path"],
    ["hooks.slack.com/services/T/B/X", "full URL"],
    ["", "full URL"],
  ])("refuses %s", (url, says) => {
    const problem = chatChannelUrlProblem("slack", url);
    expect(problem).toContain(says);
  });

  it("says which URL it wants", () => {
    expect(chatChannelUrlProblem("slack", "https://example.com/x")).toContain("https://hooks.slack.com/");
  });
});

describe("chatChannelUrlProblem for Teams Workflows", () => {
  it.each([
    "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=xyz",
    "https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke",
    "https://default0123.ab.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke",
  ])("allows %s", (url) => {
    expect(chatChannelUrlProblem("teams", url)).toBeNull();
  });

  it.each([
    ["http://prod-1.westus.logic.azure.com/workflows/x", "https://"],
    ["https://logic.azure.com/workflows/x", "not a Teams Workflows webhook URL"],
    ["https://evil-logic.azure.com/workflows/x", "not a Teams Workflows webhook URL"],
    ["https://prod-1.logic.azure.com.evil.example/workflows/x", "not a Teams Workflows webhook URL"],
    ["https://evilpowerplatform.com/x", "not a Teams Workflows webhook URL"],
    ["https://contoso.webhook.office.com/webhookb2/x", "not a Teams Workflows webhook URL"],
    ["https://hooks.slack.com/services/T/B/X", "not a Teams Workflows webhook URL"],
    ["https://prod-1.westus.logic.azure.com:8443/workflows/x", "port"],
    ["https://prod-1.westus.logic.azure.com/", "missing its path"],
    ["not a url", "full URL"],
  ])("refuses %s", (url, says) => {
    expect(chatChannelUrlProblem("teams", url)).toContain(says);
  });

  it("says which hosts it wants", () => {
    expect(chatChannelUrlProblem("teams", "https://example.com/x")).toContain(".logic.azure.com or .powerplatform.com");
  });
});
