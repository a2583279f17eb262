import { html } from "./html";
import { emailButton, emailHeading, emailParagraph, renderEmailFrame } from "./layout";
import type { BuiltEmail } from "./scorecard-report";

const EXPIRY_NOTE = "The link works once and expires in 15 minutes.";
const IGNORE_NOTE = "If you did not ask for this, ignore this email: nothing happens without the link.";

function linkEmail(subject: string, heading: string, intro: string, url: string, button: string): BuiltEmail {
  const body = html`${emailHeading(heading, 1)}
${emailParagraph(intro)}
${emailButton(url, button)}
${emailParagraph(html`<span style="color:#5b6475;font-size:13px;">${EXPIRY_NOTE} If the button does not work, paste this address into your browser:<br><a href="${url}" style="color:#2f6f5e;word-break:break-all;">${url}</a></span>`)}`;
  const text = [heading, "", intro, "", `${button}: ${url}`, "", EXPIRY_NOTE, IGNORE_NOTE].join("\n");
  return {
    subject,
    html: renderEmailFrame({ title: subject, preheader: `${intro} ${EXPIRY_NOTE}`, body, footer: html`${IGNORE_NOTE}` }),
    text,
  };
}

export function buildSignInEmail(url: string): BuiltEmail {
  return linkEmail("Your Mistvine sign-in link", "Sign in to Mistvine", "Use the button below to sign in.", url, "Sign in");
}

export function buildCreateOrgEmail(orgName: string, url: string): BuiltEmail {
  return linkEmail(
    `Confirm ${orgName} on Mistvine`,
    `Create ${orgName} on Mistvine`,
    `Confirm your address to create ${orgName} and sign in as its first admin.`,
    url,
    `Create ${orgName}`,
  );
}

export function buildInviteEmail(orgName: string, teamName: string, inviterName: string, url: string): BuiltEmail {
  return linkEmail(
    `${inviterName} invited you to lead ${teamName} in ${orgName} on Mistvine`,
    `Lead ${teamName} in ${orgName}`,
    `${inviterName} invited you to Mistvine as the lead of ${teamName}: you will write the team's objectives, check in on key results and share the team's anonymous pulse link.`,
    url,
    "Accept and sign in",
  );
}
