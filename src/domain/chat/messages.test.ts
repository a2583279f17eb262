import { describe, expect, it } from "vitest";
import { escapeSlackMrkdwn, escapeTeamsMarkdown, slackMessage, teamsMessage, type ChatMessage } from "./messages";

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
              // A line of user text that looks like a list item is escaped (see escapeTeamsMarkdown).
              { type: "TextBlock", text: "\\- Ship the billing API", wrap: true },
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

  it("escapes Markdown in the title and every line, never HTML-encodes, and JSON encodes safely", () => {
    const raw = `[R&D](https://evil.example) "quoted" \\ done`;
    const p = teamsMessage({ title: raw, lines: [raw], link: { label: "[Open](x)", url: "https://a.example/" } });
    const escaped = `\\[R\\&D\\](https://evil.example) "quoted" \\\\ done`;
    expect(p.attachments[0].content.body.map((b) => b.text)).toEqual([escaped, escaped]);
    // The button's title is plain text: Teams renders it as is.
    expect(p.attachments[0].content.actions[0].title).toBe("[Open](x)");
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});

describe("escapeTeamsMarkdown", () => {
  it.each([
    ["a link", "[click](https://evil.example)", "\\[click\\](https://evil.example)"],
    ["an image", "![x](https://evil.example/a.png)", "!\\[x\\](https://evil.example/a.png)"],
    ["an autolink", "<https://evil.example>", "\\<https://evil.example\\>"],
    ["bold", "**urgent**", "\\*\\*urgent\\*\\*"],
    ["italic", "_quiet_", "\\_quiet\\_"],
    ["strike and code", "~~old~~ `x`", "\\~\\~old\\~\\~ \\`x\\`"],
    ["an entity", "&#91;x&#93;", "\\&#91;x\\&#93;"],
    ["a date function", "{{DATE(2026-11-20T10:00:00Z, SHORT)}}", "\\{\\{DATE(2026-11-20T10:00:00Z, SHORT)\\}\\}"],
    ["a bullet at the start", "- not a list", "\\- not a list"],
    ["a plus bullet", "+ not a list", "\\+ not a list"],
    ["a numbered item", "1. not a list", "1\\. not a list"],
    ["a heading", "# not a heading", "\\# not a heading"],
    ["a backslash", "C:\\temp", "C:\\\\temp"],
    ["every line of a message", "fine\n- two\r\n3) three", "fine\n\\- two\n3\\) three"],
  ])("neutralises %s", (_what, raw, escaped) => {
    expect(escapeTeamsMarkdown(raw)).toBe(escaped);
  });

  it.each(["Payments", "R&D? (2026) — 50% done!", "Team #2 - north", "3.5 out of 5", "• Ship the billing API"])(
    "leaves text without Markdown readable: %s",
    (raw) => {
      // Only the characters that could start Markdown gain a backslash; the rest is as typed.
      expect(escapeTeamsMarkdown(raw).replace(/\\(?=[&#])/g, "")).toBe(raw);
    },
  );
});

describe("Slack mrkdwn escaping", () => {
  it.each([
    ["a link with a label", "<https://evil.example|Open the board>", "&lt;https://evil.example|Open the board&gt;"],
    ["a mention", "<!here> look", "&lt;!here&gt; look"],
    ["a user mention", "<@U123>", "&lt;@U123&gt;"],
    ["an entity that would decode", "&lt;!channel&gt;", "&amp;lt;!channel&amp;gt;"],
  ])("neutralises %s in the title, the lines and the fallback text", (_what, raw, escaped) => {
    const p = slackMessage({ title: raw, lines: [raw], link: { label: "Go", url: "https://a.example/" } });
    expect(p.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: `*${escaped}*\n${escaped}` } });
    expect(p.text).toBe(`${escaped}: https://a.example/`);
  });

  it("keeps the button's label plain text, so a label cannot become a link", () => {
    const p = slackMessage({ title: "T", lines: [], link: { label: "<https://evil.example|x>", url: "https://a.example/" } });
    expect(p.blocks[1]).toEqual({
      type: "actions",
      elements: [{ type: "button", text: { type: "plain_text", text: "<https://evil.example|x>" }, url: "https://a.example/" }],
    });
  });
});
