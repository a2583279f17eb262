import { formatDay } from "../../src/domain/calendar";
import type { HeatMap } from "../../src/domain/pulse/heatmap";
import { textBar } from "./layout";
import { emailHeatTable, heatRowLines, textHeatTable } from "./heat-table";
import type { ChatMessage } from "../../src/domain/chat/messages";
import { html, type SafeHtml } from "./html";
import { emailBarTable, emailButton, emailHeading, emailList, emailParagraph, renderEmailFrame } from "./layout";
import type { BuiltEmail } from "./scorecard-report";

/**
 * The weekly org report (to admins) and team report (to each lead). Every figure comes
 * already suppressed from the services; these builders only lay it out, HTML and text alike.
 */

export interface ProgressLine {
  label: string;
  progress: number | null;
  /** Expected progress today, 0–100: counted from the day its key results were written. */
  expected: number;
  status: string;
}

export interface PppSection {
  posted: string[];
  missing: string[];
  oldestProblems: { team: string; text: string; weeksOpen: number }[];
}

export interface BoostLine {
  from: string;
  to: string;
  what: string;
  ageDays: number;
}

/** One of the recipient's open items from the Action Center. */
export interface ActionLine {
  title: string;
  reason: string;
  urgency: "high" | "medium" | "low";
  ageDays: number;
  url: string;
}

export interface OrgReportModel {
  orgName: string;
  boardUrl: string;
  actionsUrl: string;
  /** The recipient's own open items: the report opens with them. */
  actions: ActionLine[];
  k: number;
  wave: { name: string; startsOn: string; endsOn: string; daysRemaining: number; expected: number };
  objectives: ProgressLine[];
  heat: HeatMap | null;
  drops: string[];
  divergences: string[];
  ppp: PppSection | null;
  boosts: BoostLine[] | null;
  helpLine: string;
}

export interface TeamReportModel {
  orgName: string;
  teamName: string;
  teamUrl: string;
  actionsUrl: string;
  actions: ActionLine[];
  k: number;
  wave: { name: string; daysRemaining: number; expected: number };
  objectives: ProgressLine[];
  heat: HeatMap | null;
  lastWeekPlans: { text: string; done: boolean | null }[] | null;
  boostsTo: BoostLine[] | null;
  boostsFrom: BoostLine[] | null;
}

const STATUS: Record<string, string> = { ahead: "ahead", "on-track": "on track", behind: "behind", "no-key-results": "no key results" };
const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);
const daysLeft = (n: number) => (n === 0 ? "ended" : n === 1 ? "last day" : `${n} days left`);

function progressRows(lines: readonly ProgressLine[]) {
  return lines.map((l) => ({
    label: l.label,
    value: Math.round(l.progress ?? 0),
    note: l.progress === null ? "no key results" : `${STATUS[l.status] ?? l.status} (${Math.round(l.expected)}% expected)`,
  }));
}

function progressText(lines: readonly ProgressLine[]): string[] {
  return lines.map(
    (l) =>
      `${l.label}\n  ${textBar(l.progress ?? 0)} ${l.progress === null ? "no key results" : `${Math.round(l.progress)}%, ${STATUS[l.status] ?? l.status} (${Math.round(l.expected)}% expected)`}`,
  );
}

const URGENCY: Record<ActionLine["urgency"], string> = { high: "Urgent", medium: "Soon", low: "When you can" };
const ageOf = (n: number) => (n <= 0 ? "new today" : `for ${days(n)}`);

/** The report's first section: what waits for the recipient, each with the link that resolves it. */
function actionsHtml(lines: readonly ActionLine[], url: string): SafeHtml {
  if (!lines.length)
    return html`${emailHeading("Waiting for you")}${emailParagraph(html`Nothing is waiting for you. <a href="${url}">Open your Action Center</a>.`)}`;
  return html`${emailHeading(`Waiting for you (${lines.length})`)}<ul style="margin:0 0 12px 0;padding-left:20px;">${lines.map((l) => html`<li style="margin:0 0 8px 0;"><strong>${URGENCY[l.urgency]}:</strong> <a href="${l.url}">${l.title}</a> <span style="color:#5b6475;">(${ageOf(l.ageDays)})</span><br>${l.reason}</li>`)}</ul>${emailParagraph(html`<a href="${url}">Open your Action Center</a>`)}`;
}

function actionsText(lines: readonly ActionLine[], url: string): string[] {
  if (!lines.length) return ["WAITING FOR YOU", "Nothing is waiting for you.", ""];
  return [
    `WAITING FOR YOU (${lines.length})`,
    ...lines.map((l) => `- ${URGENCY[l.urgency]}: ${l.title} (${ageOf(l.ageDays)})\n  ${l.reason}\n  ${l.url}`),
    `Your Action Center: ${url}`,
    "",
  ];
}

function unsubscribeFooter(what: string, orgName: string, url: string): { html: SafeHtml; text: string } {
  return {
    html: html`You get ${what} as a member of ${orgName} on Mistvine. <a href="${url}" style="color:#5b6475;">Unsubscribe</a> with one click; it takes effect immediately.`,
    text: `You get ${what} as a member of ${orgName} on Mistvine. Unsubscribe (one click, immediate): ${url}`,
  };
}

function orgReportSubject(m: Pick<OrgReportModel, "orgName" | "wave">): string {
  return `Weekly report · ${m.orgName}: ${m.wave.name}, ${daysLeft(m.wave.daysRemaining)}`;
}

/**
 * The org report's summary for the org's chat channel: the same figures as the email (already
 * suppressed: hidden cells say "fewer than k"), without the recipient's own Action Center items,
 * the PPP lists and the boost list, and with the link to the board.
 */
export function orgReportChatMessage(m: OrgReportModel): ChatMessage {
  return {
    title: orgReportSubject(m),
    lines: [
      `${formatDay(m.wave.startsOn)} – ${formatDay(m.wave.endsOn, true)}. ${Math.round(m.wave.expected)}% of the wave has passed, so that is the progress expected today.`,
      `Where to offer help this week: ${m.helpLine}`,
      "Org objectives:",
      ...(m.objectives.length
        ? m.objectives.map(
            (l) =>
              `• ${l.label}: ${l.progress === null ? "no key results" : `${Math.round(l.progress)}%, ${STATUS[l.status] ?? l.status} (${Math.round(l.expected)}% expected)`}`,
          )
        : ["No org objectives in this wave yet."]),
      ...(m.heat
        ? [
            `Confidence, team by team (weeks of ${m.heat.weeks.map((w) => formatDay(w)).join(", ")}):`,
            ...heatRowLines(m.heat, m.k).map((l) => `• ${l}`),
          ]
        : ["Confidence, team by team: no pulse votes yet this wave."]),
      `Averages of anonymous weekly votes, 1 (Struggling) to 5 (Exceeding). Cells with fewer than ${m.k} people stay hidden.`,
      ...(m.drops.length ? [`Confidence dropped: ${m.drops.join(", ")}.`] : []),
      ...(m.divergences.length ? ["Key results, lead and votes disagree:", ...m.divergences.map((d) => `• ${d}`)] : []),
    ],
    link: { label: "Open the board", url: m.boardUrl },
  };
}

export function buildOrgReportEmail(m: OrgReportModel, unsubscribeUrl: string): BuiltEmail {
  const subject = orgReportSubject(m);
  const footer = unsubscribeFooter("this weekly report", m.orgName, unsubscribeUrl);
  const body = html`${actionsHtml(m.actions, m.actionsUrl)}
${emailHeading(`${m.wave.name}: ${daysLeft(m.wave.daysRemaining)}`, 1)}
${emailParagraph(`${formatDay(m.wave.startsOn)} – ${formatDay(m.wave.endsOn, true)}. ${Math.round(m.wave.expected)}% of the wave has passed, so that is the progress expected today.`)}
${emailParagraph(html`<strong>Where to offer help this week:</strong> ${m.helpLine}`)}
${emailHeading("Org objectives")}
${m.objectives.length ? emailBarTable(progressRows(m.objectives)) : emailParagraph("No org objectives in this wave yet.")}
${emailHeading("Confidence, team by team")}
${m.heat ? emailHeatTable(m.heat, m.k, "Team") : emailParagraph("No pulse votes yet this wave.")}
${emailParagraph(html`<span style="color:#5b6475;font-size:13px;">Averages of anonymous weekly votes, 1 (Struggling) to 5 (Exceeding). Cells with fewer than ${m.k} people stay hidden.</span>`)}
${m.drops.length ? emailParagraph(html`<strong>Confidence dropped:</strong> ${m.drops.join(", ")}.`) : ""}
${m.divergences.length ? html`${emailParagraph(html`<strong>Key results, lead and votes disagree:</strong>`)}${emailList(m.divergences)}` : ""}
${m.ppp ? html`${emailHeading("Weekly PPP")}${emailParagraph(html`<strong>Posted:</strong> ${m.ppp.posted.join(", ") || "nobody yet"}. <strong>Missing:</strong> ${m.ppp.missing.join(", ") || "nobody"}.`)}${m.ppp.oldestProblems.length ? emailList(m.ppp.oldestProblems.map((p) => `${p.team}: ${p.text} (open ${p.weeksOpen} ${p.weeksOpen === 1 ? "week" : "weeks"})`)) : ""}` : ""}
${m.boosts ? html`${emailHeading("Open boost requests")}${m.boosts.length ? emailList(m.boosts.map((b) => `${b.from} → ${b.to}: ${b.what} (open ${days(b.ageDays)})`)) : emailParagraph("None open.")}` : ""}
${emailButton(m.boardUrl, "Open the board")}`;

  const text = [
    ...actionsText(m.actions, m.actionsUrl),
    `${m.wave.name}: ${daysLeft(m.wave.daysRemaining)}`,
    `${formatDay(m.wave.startsOn)} – ${formatDay(m.wave.endsOn, true)}. ${Math.round(m.wave.expected)}% of the wave has passed, so that is the progress expected today.`,
    "",
    `WHERE TO OFFER HELP THIS WEEK: ${m.helpLine}`,
    "",
    "ORG OBJECTIVES",
    ...(m.objectives.length ? progressText(m.objectives) : ["No org objectives in this wave yet."]),
    "",
    "CONFIDENCE, TEAM BY TEAM",
    ...(m.heat ? textHeatTable(m.heat, m.k) : ["No pulse votes yet this wave."]),
    `Averages of anonymous weekly votes, 1 (Struggling) to 5 (Exceeding). Cells with fewer than ${m.k} people stay hidden.`,
    ...(m.drops.length ? [`Confidence dropped: ${m.drops.join(", ")}.`] : []),
    ...(m.divergences.length ? ["Key results, lead and votes disagree:", ...m.divergences.map((d) => `- ${d}`)] : []),
    ...(m.ppp
      ? [
          "",
          "WEEKLY PPP",
          `Posted: ${m.ppp.posted.join(", ") || "nobody yet"}. Missing: ${m.ppp.missing.join(", ") || "nobody"}.`,
          ...m.ppp.oldestProblems.map((p) => `- ${p.team}: ${p.text} (open ${p.weeksOpen} ${p.weeksOpen === 1 ? "week" : "weeks"})`),
        ]
      : []),
    ...(m.boosts
      ? [
          "",
          "OPEN BOOST REQUESTS",
          ...(m.boosts.length ? m.boosts.map((b) => `- ${b.from} → ${b.to}: ${b.what} (open ${days(b.ageDays)})`) : ["None open."]),
        ]
      : []),
    "",
    `Open the board: ${m.boardUrl}`,
    "",
    "--",
    footer.text,
  ].join("\n");
  return { subject, html: renderEmailFrame({ title: subject, preheader: m.helpLine, body, footer: footer.html }), text };
}

export function buildTeamReportEmail(m: TeamReportModel, unsubscribeUrl: string): BuiltEmail {
  const subject = `Weekly report · ${m.orgName}: ${m.teamName}, ${daysLeft(m.wave.daysRemaining)} in ${m.wave.name}`;
  const footer = unsubscribeFooter("this weekly team report", m.orgName, unsubscribeUrl);
  const boostList = (lines: BoostLine[] | null, empty: string) =>
    lines && lines.length ? emailList(lines.map((b) => `${b.from} → ${b.to}: ${b.what} (open ${days(b.ageDays)})`)) : emailParagraph(empty);
  const body = html`${actionsHtml(m.actions, m.actionsUrl)}
${emailHeading(`${m.teamName} this week`, 1)}
${emailParagraph(`${m.wave.name}, ${daysLeft(m.wave.daysRemaining)}: ${Math.round(m.wave.expected)}% of the wave has passed.`)}
${emailHeading("Your objectives")}
${m.objectives.length ? emailBarTable(progressRows(m.objectives)) : emailParagraph("The team has no objectives in this wave yet.")}
${emailHeading("Your team's confidence")}
${m.heat ? emailHeatTable(m.heat, m.k, "Objective") : emailParagraph("No pulse votes yet this wave.")}
${emailParagraph(html`<span style="color:#5b6475;font-size:13px;">Anonymous weekly votes; cells with fewer than ${m.k} votes stay hidden, exactly as on the board.</span>`)}
${m.lastWeekPlans ? html`${emailHeading("Last week's plans")}${m.lastWeekPlans.length ? emailList(m.lastWeekPlans.map((p) => `${p.done === true ? "Done: " : p.done === false ? "Postponed: " : ""}${p.text}`)) : emailParagraph("No plans were posted last week.")}` : ""}
${m.boostsTo ? html`${emailHeading("Boosts you asked for")}${boostList(m.boostsTo, "None open.")}` : ""}
${m.boostsFrom ? html`${emailHeading("Boosts asked of you")}${boostList(m.boostsFrom, "None open.")}` : ""}
${emailButton(m.teamUrl, `Open ${m.teamName}`)}`;
  const text = [
    ...actionsText(m.actions, m.actionsUrl),
    `${m.teamName} this week`,
    `${m.wave.name}, ${daysLeft(m.wave.daysRemaining)}: ${Math.round(m.wave.expected)}% of the wave has passed.`,
    "",
    "YOUR OBJECTIVES",
    ...(m.objectives.length ? progressText(m.objectives) : ["The team has no objectives in this wave yet."]),
    "",
    "YOUR TEAM'S CONFIDENCE",
    ...(m.heat ? textHeatTable(m.heat, m.k) : ["No pulse votes yet this wave."]),
    `Anonymous weekly votes; cells with fewer than ${m.k} votes stay hidden, exactly as on the board.`,
    ...(m.lastWeekPlans
      ? [
          "",
          "LAST WEEK'S PLANS",
          ...(m.lastWeekPlans.length
            ? m.lastWeekPlans.map((p) => `- ${p.done === true ? "Done: " : p.done === false ? "Postponed: " : ""}${p.text}`)
            : ["No plans were posted last week."]),
        ]
      : []),
    ...(m.boostsTo
      ? [
          "",
          "BOOSTS YOU ASKED FOR",
          ...(m.boostsTo.length ? m.boostsTo.map((b) => `- ${b.from} → ${b.to}: ${b.what} (open ${days(b.ageDays)})`) : ["None open."]),
        ]
      : []),
    ...(m.boostsFrom
      ? [
          "",
          "BOOSTS ASKED OF YOU",
          ...(m.boostsFrom.length ? m.boostsFrom.map((b) => `- ${b.from} → ${b.to}: ${b.what} (open ${days(b.ageDays)})`) : ["None open."]),
        ]
      : []),
    "",
    `Open ${m.teamName}: ${m.teamUrl}`,
    "",
    "--",
    footer.text,
  ].join("\n");
  return {
    subject,
    html: renderEmailFrame({
      title: subject,
      preheader: `${m.teamName}: ${m.objectives.length} objectives, ${daysLeft(m.wave.daysRemaining)}.`,
      body,
      footer: footer.html,
    }),
    text,
  };
}
