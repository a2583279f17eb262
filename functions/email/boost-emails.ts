import { possessive } from "../../src/domain/possessive";
import { html } from "./html";
import { EMAIL_COLORS, emailButton, emailHeading, emailParagraph, renderEmailFrame } from "./layout";
import type { BuiltEmail } from "./scorecard-report";

/** What every boost email says about the request; all user text, escaped by `html`. */
export interface BoostEmailContext {
  orgName: string;
  /** Absolute link to the boost's page. */
  url: string;
  fromTeam: string;
  /** The team asked, or null for "any team". */
  toTeam: string | null;
  need: string;
  /** "27 Nov 2026". */
  neededBy: string;
  /** "objective “…”" or "PPP problem “…” (open 2 weeks)"; empty when unknown. */
  unblocks: string;
  /** The recipient's team, for the footer. */
  recipientTeam: string;
}

export interface BoostEmailParts {
  subject: string;
  heading: string;
  intro: string;
  /** Quoted text under the intro: a reason or a message. */
  quote?: { label: string; text: string };
  button: string;
}

function boostEmail(ctx: BoostEmailContext, parts: BoostEmailParts): BuiltEmail {
  const subject = `${parts.subject} · ${ctx.orgName}`;
  const quote = (label: string, text: string) =>
    html`<p style="margin:12px 0 4px 0;font-weight:700;">${label}</p><blockquote style="margin:0 0 12px 0;padding:8px 12px;border-left:3px solid ${EMAIL_COLORS.accent};background:${EMAIL_COLORS.bg};white-space:pre-wrap;">${text}</blockquote>`;
  const body = html`${emailHeading(parts.heading, 1)}
${emailParagraph(parts.intro)}
${parts.quote ? quote(parts.quote.label, parts.quote.text) : ""}
${quote("What is needed", ctx.need)}
${emailParagraph(html`Needed by <strong>${ctx.neededBy}</strong>.${ctx.unblocks ? html` It unblocks ${ctx.unblocks}.` : ""}`)}
${emailButton(ctx.url, parts.button)}`;
  const footer = `You get this because you lead ${ctx.recipientTeam} in ${ctx.orgName} on Mistvine, and this boost request involves your team.`;
  const text = [
    parts.heading,
    "",
    parts.intro,
    ...(parts.quote ? ["", `${parts.quote.label}:`, parts.quote.text] : []),
    "",
    "What is needed:",
    ctx.need,
    "",
    boostNeededByText(ctx),
    "",
    `${parts.button}: ${ctx.url}`,
    "",
    "--",
    footer,
  ].join("\n");
  return { subject, html: renderEmailFrame({ title: subject, preheader: parts.intro, body, footer: html`${footer}` }), text };
}

/** The request's words, shared by its email and its post in the asked team's chat channel. */
export function boostRequestParts(ctx: Pick<BoostEmailContext, "fromTeam" | "toTeam">): BoostEmailParts {
  const asked = ctx.toTeam ? ctx.toTeam : "any team";
  return {
    subject: `${ctx.fromTeam} asks ${asked} for a boost`,
    heading: `${ctx.fromTeam} asks ${ctx.toTeam ? "your team" : "any team"} for help`,
    intro: ctx.toTeam
      ? `${ctx.fromTeam} asked ${ctx.toTeam} for a boost. Accept it, decline it with a reason, or ask a question first.`
      : `${ctx.fromTeam} asked every team for a boost; the first team to accept helps. Accept it, decline it with a reason, or ask a question first.`,
    button: "Open the request",
  };
}

/** "Needed by 27 Nov 2026. It unblocks …": the line under what is needed. */
export function boostNeededByText(ctx: Pick<BoostEmailContext, "neededBy" | "unblocks">): string {
  return `Needed by ${ctx.neededBy}.${ctx.unblocks ? ` It unblocks ${ctx.unblocks}.` : ""}`;
}

export function buildBoostRequestEmail(ctx: BoostEmailContext): BuiltEmail {
  return boostEmail(ctx, boostRequestParts(ctx));
}

export function buildBoostAcceptedEmail(ctx: BoostEmailContext, helperTeam: string, acceptedBy: string): BuiltEmail {
  return boostEmail(ctx, {
    subject: `${helperTeam} accepted your boost request`,
    heading: `${helperTeam} will help`,
    intro: `${acceptedBy} accepted ${possessive(ctx.fromTeam)} request for ${helperTeam}. Agree the details in the thread, and mark the request resolved once you are unblocked.`,
    button: "Open the request",
  });
}

export function buildBoostDeclinedEmail(ctx: BoostEmailContext, decliningTeam: string, declinedBy: string, reason: string): BuiltEmail {
  return boostEmail(ctx, {
    subject: `${decliningTeam} declined your boost request`,
    heading: `${decliningTeam} cannot help this time`,
    intro: ctx.toTeam
      ? `${declinedBy} declined the request for ${decliningTeam}. You can ask another team, or any team.`
      : `${declinedBy} said ${decliningTeam} cannot take it on. The request stays open for the other teams.`,
    quote: { label: "Their reason", text: reason },
    button: "Open the request",
  });
}

export function buildBoostMessageEmail(ctx: BoostEmailContext, authorName: string, authorTeam: string, message: string): BuiltEmail {
  return boostEmail(ctx, {
    subject: `${authorName} (${authorTeam}) wrote on ${possessive(ctx.fromTeam)} boost request`,
    heading: `A new message from ${authorTeam}`,
    intro: `${authorName} wrote in the thread of ${possessive(ctx.fromTeam)} boost request.`,
    quote: { label: `${authorName} wrote`, text: message },
    button: "Reply in the thread",
  });
}

export function buildBoostResolvedEmail(ctx: BoostEmailContext, resolvedBy: string, helped: boolean): BuiltEmail {
  return boostEmail(ctx, {
    subject: `${ctx.fromTeam} marked their boost request resolved`,
    heading: helped ? `${ctx.fromTeam} is unblocked` : `${ctx.fromTeam} no longer needs this`,
    intro: helped
      ? `${resolvedBy} marked the request resolved. Thank you for the help.`
      : `${resolvedBy} closed the request: nothing more is needed from your team.`,
    button: "See the request",
  });
}
