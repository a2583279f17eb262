import { describeGap, heldBackNote, type CampaignResult } from "../../src/domain/scorecard/campaign-result";
import { DIMENSIONS } from "../../src/domain/scorecard/statements";
import { html } from "./html";
import { emailBarTable, emailButton, emailHeading, emailList, emailParagraph, renderEmailFrame, textBar } from "./layout";
import type { BuiltEmail } from "./scorecard-report";

/**
 * The Scorecard campaign report, sent to admins when a campaign closes: the result page's
 * content from the same suppressed model, so nothing shows that the page would hide.
 */
export function buildCampaignReportEmail(r: CampaignResult, orgName: string, resultUrl: string, unsubscribeUrl: string): BuiltEmail {
  const subject = `Scorecard result · ${orgName}: ${r.campaign.name}`;
  const footerText = `You get Scorecard campaign reports as an admin of ${orgName} on Mistvine.`;
  const footer = html`${footerText} <a href="${unsubscribeUrl}" style="color:#5b6475;">Unsubscribe</a> with one click; it takes effect immediately.`;
  const everyone = r.everyone;
  if (everyone.state !== "shown" || !r.reading) {
    const line = `${r.campaign.name} closed. Fewer than ${r.k} people answered, so there is no result to show: with so few answers, any figure could point at someone.`;
    const body = html`${emailHeading(`${r.campaign.name}: closed`, 1)}${emailParagraph(line)}${emailButton(resultUrl, "Open the result page")}`;
    const text = [
      `${r.campaign.name}: closed`,
      "",
      line,
      "",
      `Result page: ${resultUrl}`,
      "",
      "--",
      footerText,
      `Unsubscribe: ${unsubscribeUrl}`,
    ].join("\n");
    return { subject, html: renderEmailFrame({ title: subject, preheader: line, body, footer }), text };
  }
  const { band, quadrant, advice, weakest } = r.reading;
  const scores = everyone.scores;
  const split = r.split.state === "shown" ? r.split : null;
  const weakestName = DIMENSIONS.find((d) => d.id === weakest)?.name ?? "";
  const rows = DIMENSIONS.map((d) => ({
    label: d.name,
    value: scores.dimensions[d.id],
    note: split ? `leaders ${split.leaders.scores.dimensions[d.id]} · others ${split.rest.scores.dimensions[d.id]}` : undefined,
  }));
  const trend = r.trend
    .filter((t) => t.everyone.state === "shown")
    .map((t) => `${t.name}: ${t.everyone.state === "shown" ? t.everyone.scores.overall : ""}/100`);
  const held = heldBackNote(r);
  const gapLine = split ? describeGap(split.gap) : `Leaders and everyone else are compared once each group has at least ${r.k} answers.`;

  const body = html`${emailHeading(`${orgName} reads as ${band.name}`, 1)}
${emailParagraph(html`<strong>${scores.overall} out of 100</strong> from ${everyone.n} people, ${r.campaign.name}. ${r.reading.diagnosis.headline}`)}
${held ? emailParagraph(held) : ""}
${emailHeading("The four dimensions")}
${emailBarTable(rows)}
${emailParagraph(html`<strong>Leaders and everyone else:</strong> ${gapLine}`)}
${emailParagraph(html`Alignment ${scores.alignment} · Autonomy ${scores.autonomy}: <strong>${quadrant.name}</strong>. ${quadrant.description}`)}
${emailHeading(`Where to start: ${weakestName}`)}
${emailParagraph(html`<strong>${advice.headline}.</strong>`)}
${emailList(advice.practices)}
${trend.length > 1 ? html`${emailHeading("Across campaigns")}${emailList(trend)}` : ""}
${emailButton(resultUrl, "Open the full result")}`;
  const text = [
    `${orgName} reads as ${band.name}: ${scores.overall} out of 100 from ${everyone.n} people, ${r.campaign.name}.`,
    r.reading.diagnosis.headline,
    ...(held ? ["", held] : []),
    "",
    "THE FOUR DIMENSIONS",
    ...rows.map((row) => `${row.label.padEnd(20)} ${textBar(row.value)} ${row.value}${row.note ? ` (${row.note})` : ""}`),
    "",
    `LEADERS AND EVERYONE ELSE: ${gapLine}`,
    "",
    `Alignment ${scores.alignment}, autonomy ${scores.autonomy}: ${quadrant.name}. ${quadrant.description}`,
    "",
    `WHERE TO START: ${weakestName.toUpperCase()}`,
    `${advice.headline}.`,
    ...advice.practices.map((p) => `- ${p}`),
    ...(trend.length > 1 ? ["", "ACROSS CAMPAIGNS", ...trend.map((t) => `- ${t}`)] : []),
    "",
    `The full result: ${resultUrl}`,
    "",
    "--",
    footerText,
    `Unsubscribe: ${unsubscribeUrl}`,
  ].join("\n");
  return {
    subject,
    html: renderEmailFrame({ title: subject, preheader: `${band.name}, ${scores.overall}/100. ${gapLine}`, body, footer }),
    text,
  };
}
