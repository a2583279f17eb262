import { possessive } from "../../src/domain/possessive";
import { anonymityPromise } from "../../src/domain/anonymity";
import { html } from "./html";
import { emailButton, emailHeading, emailList, emailParagraph, renderEmailFrame } from "./layout";
import type { BuiltEmail } from "./scorecard-report";

export interface PulseReminderInput {
  orgName: string;
  teamName: string;
  weekLabel: string;
  objectives: readonly string[];
  pulseUrl: string;
  /** True: the link is this recipient's own for this week (the team runs on personal links). */
  personal?: boolean;
  k: number;
  unsubscribeUrl: string;
}

/** Voting day: the team's pulse link, to everyone on the team's list (who voted is never known). */
export function buildPulseReminderEmail(r: PulseReminderInput): BuiltEmail {
  const subject = `${r.teamName}: this week's pulse · ${r.orgName}`;
  const promise = anonymityPromise(r.k);
  const linkNote = r.personal
    ? "This link is yours alone, for this week: it counts once, and nobody can see which link a vote came from. Please do not forward it."
    : "This is the team's shared link: anyone who has it can vote, so the answers can include your lead's own.";
  const body = html`${emailHeading(`How is ${r.teamName} doing this week?`, 1)}
${emailParagraph(`Rate each of the team's objectives from 1 (Struggling) to 5 (Exceeding). It takes under a minute, on your phone too. Week of ${r.weekLabel}.`)}
${emailList(r.objectives)}
${emailButton(r.pulseUrl, "Rate this week")}
${emailParagraph(html`<span style="color:#5b6475;font-size:13px;">${promise} ${linkNote} Everyone on the team's list gets this email, whether they voted or not: nobody knows who voted.</span>`)}`;
  const footer = html`You get this because ${possessive(r.teamName)} lead added your address to the team's pulse list in ${r.orgName}. <a href="${r.unsubscribeUrl}" style="color:#5b6475;">Unsubscribe</a> from these reminders.`;
  const text = [
    `How is ${r.teamName} doing this week?`,
    "",
    `Rate each of the team's objectives from 1 (Struggling) to 5 (Exceeding). It takes under a minute. Week of ${r.weekLabel}.`,
    ...r.objectives.map((o) => `- ${o}`),
    "",
    `Rate this week: ${r.pulseUrl}`,
    "",
    promise,
    linkNote,
    "Everyone on the team's list gets this email, whether they voted or not: nobody knows who voted.",
    "",
    "--",
    `You get this because ${possessive(r.teamName)} lead added your address to the team's pulse list in ${r.orgName}.`,
    `Unsubscribe: ${r.unsubscribeUrl}`,
  ].join("\n");
  return {
    subject,
    html: renderEmailFrame({
      title: subject,
      preheader: `Rate ${possessive(r.teamName)} objectives for the week of ${r.weekLabel}.`,
      body,
      footer,
    }),
    text,
  };
}
