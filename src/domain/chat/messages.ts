/**
 * Chat messages, pure: one neutral message (a title, a few lines, at most one link button)
 * rendered for a Slack incoming webhook (Block Kit) or a Microsoft Teams Workflows webhook
 * (an Adaptive Card 1.4 in a message attachment). No I/O. The caller passes only what the
 * matching email carries (see docs/ANONYMITY.md); these builders add nothing.
 */

export interface ChatLink {
  label: string;
  /** Absolute https URL, like the email's links. */
  url: string;
}

export interface ChatMessage {
  title: string;
  lines: readonly string[];
  link?: ChatLink;
}

/** Slack's limits: a section's text 3000 characters, a button's text 75. */
const SLACK_SECTION_MAX = 3000;
const SLACK_BUTTON_MAX = 75;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Slack mrkdwn treats &, < and > as control characters (`<!channel>` pings everyone,
 * `<https://x|y>` is a link), so user text is escaped; nothing else is HTML-encoded.
 */
export function escapeSlackMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export interface SlackPayload {
  text: string;
  blocks: Array<
    | { type: "section"; text: { type: "mrkdwn"; text: string } }
    | { type: "actions"; elements: Array<{ type: "button"; text: { type: "plain_text"; text: string }; url: string }> }
  >;
}

/** Block Kit: one mrkdwn section (bold title, then the lines), then an actions block with the link button. */
export function slackMessage(m: ChatMessage): SlackPayload {
  const title = escapeSlackMrkdwn(m.title);
  const lines = m.lines.map(escapeSlackMrkdwn);
  const blocks: SlackPayload["blocks"] = [
    { type: "section", text: { type: "mrkdwn", text: clip([`*${title}*`, ...lines].join("\n"), SLACK_SECTION_MAX) } },
  ];
  if (m.link) {
    blocks.push({
      type: "actions",
      elements: [{ type: "button", text: { type: "plain_text", text: clip(m.link.label, SLACK_BUTTON_MAX) }, url: m.link.url }],
    });
  }
  // `text` is the notification's fallback; Slack parses it as mrkdwn too.
  const fallback = m.link ? `${title}: ${escapeSlackMrkdwn(m.link.url)}` : title;
  return { text: fallback, blocks };
}

export interface TeamsTextBlock {
  type: "TextBlock";
  text: string;
  wrap: true;
  weight?: "Bolder";
  size?: "Medium";
}

export interface TeamsPayload {
  type: "message";
  attachments: Array<{
    contentType: "application/vnd.microsoft.card.adaptive";
    contentUrl: null;
    content: {
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
      type: "AdaptiveCard";
      version: "1.4";
      body: TeamsTextBlock[];
      actions: Array<{ type: "Action.OpenUrl"; title: string; url: string }>;
    };
  }>;
}

/**
 * A TextBlock renders a CommonMark subset (bold, italic, lists, [links](url)) and expands
 * {{DATE(…)}} / {{TIME(…)}}, so every character that can start one of those is
 * backslash-escaped: a team name or a boost message shows as typed and cannot become a link,
 * a list, a heading or emphasis. `&` too, so an entity (`&#91;`) stays as typed. Parentheses
 * and other punctuation stay bare: without `[`, nothing they can make is a link.
 */
export function escapeTeamsMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .replace(/[\\`*_~[\]<>&{}]/g, (c) => `\\${c}`)
        // A line that starts like a list item or a heading would become one.
        .replace(/^(\s*)([-+#])/, "$1\\$2")
        .replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2"),
    )
    .join("\n");
}

/**
 * Adaptive Card 1.4: the title as a bold TextBlock, one wrapping TextBlock per line, the link as
 * Action.OpenUrl. Text is Markdown-escaped (escapeTeamsMarkdown) and JSON-encoded, never
 * HTML-encoded; the button's title is plain text already.
 */
export function teamsMessage(m: ChatMessage): TeamsPayload {
  const body: TeamsTextBlock[] = [
    { type: "TextBlock", text: escapeTeamsMarkdown(m.title), wrap: true, weight: "Bolder", size: "Medium" },
    ...m.lines.map((line): TeamsTextBlock => ({ type: "TextBlock", text: escapeTeamsMarkdown(line), wrap: true })),
  ];
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body,
          actions: m.link ? [{ type: "Action.OpenUrl", title: m.link.label, url: m.link.url }] : [],
        },
      },
    ],
  };
}
