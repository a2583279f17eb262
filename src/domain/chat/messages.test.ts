import { describe, expect, it } from "vitest";
import { escapeSlackMrkdwn, slackMessage, teamsMessage, type ChatMessage } from "./messages";

const reminder: ChatMessage = {
  title: "How is Platform doing this week?",
  lines: ["Rate each objective from 1 to 5. Week of 30 Nov 2026.", "- Ship the billing API"],
  link: { label: "Rate this week", url: "https://mistvine.example/p/abc123" },
};

describe("slackMessage", () => {
  it("is a mrkdwn section with the bold title and lines, then an actions block with a url button", () => {
    expect(slackMessage(reminder)).toEqual({
      text: "How is Platform doing this week?: https://mistvine.example/p/abc123",
      blocks: [
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "*How is Platform doing this week?*\nRate each objective from 1 to 5. Week of 30 Nov 2026.\n- Ship the billing API",
          },
        },
        {
          type: "actions",
          elements: [{ type: "button", text: { type: "plain_text", text: "Rate this week" }, url: "https://mistvine.example/p/abc123" }],
        },
      ],
    });
  });

  it("has no actions block without a link", () => {
    expect(slackMessage({ title: "Weekly report", lines: ["Nothing new"] })).toEqual({
      text: "Weekly report",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "*Weekly report*\nNothing new" } }],
    });
  });

  it.each([
    ["<!channel> R&D", "&lt;!channel&gt; R&amp;D"],
    ["<https://evil.example|click>", "&lt;https://evil.example|click&gt;"],
    ["a > b & c < d", "a &gt; b &amp; c &lt; d"],
    ["&amp; stays visible", "&amp;amp; stays visible"],
    ["plain", "plain"],
  ])("escapes user text %s in the title, the lines and the fallback", (raw, escaped) => {
    const p = slackMessage({ title: raw, lines: [raw] });
    expect(p.text).toBe(escaped);
    expect(p.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: `*${escaped}*\n${escaped}` } });
    expect(escapeSlackMrkdwn(raw)).toBe(escaped);
  });

  it("keeps the section within Slack's 3000 characters and the button within 75", () => {
    const p = slackMessage({ title: "T", lines: ["x".repeat(5000)], link: { label: "y".repeat(100), url: "https://a.example/" } });
    const section = p.blocks[0];
    const actions = p.blocks[1];
    if (section.type !== "section" || actions?.type !== "actions") throw new Error("unexpected blocks");
    expect(section.text.text).toHaveLength(3000);
    expect(section.text.text.endsWith("…")).toBe(true);
    expect(actions.elements[0].text.text).toHaveLength(75);
  });
});

describe("teamsMessage", () => {
  it("is a message with one Adaptive Card 1.4: TextBlocks and an Action.OpenUrl", () => {
    expect(teamsMessage(reminder)).toEqual({
      type: "message",
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.adaptive",
          contentUrl: null,
          content: {
            $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
            type: "AdaptiveCard",
            version: "1.4",
            body: [
              { type: "TextBlock", text: "How is Platform doing this week?", wrap: true, weight: "Bolder", size: "Medium" },
              { type: "TextBlock", text: "Rate each objective from 1 to 5. Week of 30 Nov 2026.", wrap: true },
              { type: "TextBlock", text: "- Ship the billing API", wrap: true },
            ],
            actions: [{ type: "Action.OpenUrl", title: "Rate this week", url: "https://mistvine.example/p/abc123" }],
          },
        },
      ],
    });
  });

  it("has no actions without a link", () => {
    expect(teamsMessage({ title: "Weekly report", lines: [] }).attachments[0].content.actions).toEqual([]);
  });

  it("passes user text as plain text, not HTML- or mrkdwn-escaped, and JSON encodes it safely", () => {
    const raw = `<b>R&D</b> "quoted" \\ done`;
    const p = teamsMessage({ title: raw, lines: [raw] });
    expect(p.attachments[0].content.body.map((b) => b.text)).toEqual([raw, raw]);
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});
