import { possessive } from "../../src/domain/possessive";
import { html } from "./html";
import { emailButton, emailHeading, emailParagraph, renderEmailFrame } from "./layout";
import type { BuiltEmail } from "./scorecard-report";

export interface PppReminderContext {
  orgName: string;
  teamName: string;
  leadName: string;
  /** "week of 16 Nov". */
  week: string;
  /** "Friday". */
  dueDay: string;
  /** Absolute link to the team's PPP form for the week. */
  url: string;
  hasDraft: boolean;
  /** One-click unsubscribe link of this lead's PPP reminders. */
  unsubscribeUrl: string;
}

/** The one reminder a lead gets when the team's PPP is not posted by the org's due day. */
export function buildPppReminderEmail(ctx: PppReminderContext): BuiltEmail {
  const subject = `${possessive(ctx.teamName)} PPP for the ${ctx.week} is due · ${ctx.orgName}`;
  const intro = ctx.hasDraft
    ? `Your draft of ${possessive(ctx.teamName)} PPP for the ${ctx.week} is saved but not submitted yet. Leadership sees it once you submit it.`
    : `${ctx.teamName} has not posted its PPP for the ${ctx.week} yet. Five minutes: what moved, what is next, what is in the way.`;
  const why = `PPPs in ${ctx.orgName} are due on ${ctx.dueDay}; your admins set the day. You get one reminder per week, and only when the PPP is not posted.`;
  const button = ctx.hasDraft ? "Finish and submit" : "Write the PPP";
  const body = html`${emailHeading(`Hi ${ctx.leadName}, your PPP is due`, 1)}
${emailParagraph(intro)}
${emailParagraph("Last week's plans come back in the form: mark each done or carried over, and problems that stay open show how long they have been open.")}
${emailButton(ctx.url, button)}`;
  const text = [
    `Hi ${ctx.leadName}, your PPP is due`,
    "",
    intro,
    "",
    `${button}: ${ctx.url}`,
    "",
    "--",
    why,
    `Unsubscribe from these reminders: ${ctx.unsubscribeUrl}`,
  ].join("\n");
  const footer = html`${why} <a href="${ctx.unsubscribeUrl}" style="color:#5b6475;">Unsubscribe</a> from these reminders.`;
  return { subject, html: renderEmailFrame({ title: subject, preheader: intro, body, footer }), text };
}
