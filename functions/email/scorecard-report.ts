import type { ScorecardReading } from "../../src/domain/scorecard/result";
import { DIMENSIONS } from "../../src/domain/scorecard/statements";
import { html } from "./html";
import { emailBarTable, emailButton, emailHeading, emailList, emailParagraph, renderEmailFrame, textBar } from "./layout";

export interface BuiltEmail {
  subject: string;
  html: string;
  text: string;
}

/** The "email me this report" message: scores, place on the spectrum, quadrant and advice. */
export function buildScorecardReportEmail(reading: ScorecardReading, resultUrl: string, startUrl: string): BuiltEmail {
  const { scores, band, quadrant, diagnosis, advice } = reading;
  const weakestName = DIMENSIONS.find((d) => d.id === reading.weakest)?.name ?? "";
  const subject = `Your Aligned Autonomy Scorecard: ${band.name} (${scores.overall}/100)`;
  const rows = DIMENSIONS.map((d) => ({ label: d.name, value: scores.dimensions[d.id] }));

  const body = html`${emailHeading(`Your organisation reads as ${band.name}`, 1)}
${emailParagraph(html`<strong>${scores.overall} out of 100.</strong> ${diagnosis.headline}`)}
${emailParagraph(diagnosis.story)}
${emailHeading("The four dimensions")}
${emailBarTable(rows)}
${emailParagraph(html`Alignment ${scores.alignment} · Autonomy ${scores.autonomy}: <strong>${quadrant.name}</strong>. ${quadrant.description}`)}
${emailHeading(`Where to start: ${weakestName}`)}
${emailParagraph(html`<strong>${advice.headline}.</strong>`)}
${emailList(advice.practices)}
${emailButton(resultUrl, "Open your full result")}
${emailHeading("Run this with your team")}
${emailParagraph("One person's view is a start. Open an anonymous campaign for your own people and compare what leaders believe with what teams feel; your own answers can count as the leader's self-assessment.")}
${emailButton(startUrl, "Run this with your team")}`;

  const footer = html`You asked for this report on the Mistvine Scorecard. We used your address to send this one email and did not keep it.`;

  const text = [
    `Your organisation reads as ${band.name}: ${scores.overall} out of 100.`,
    diagnosis.headline,
    "",
    diagnosis.story,
    "",
    "THE FOUR DIMENSIONS",
    ...rows.map((r) => `${r.label.padEnd(20)} ${textBar(r.value)} ${r.value}`),
    "",
    `Alignment ${scores.alignment}, autonomy ${scores.autonomy}: ${quadrant.name}.`,
    quadrant.description,
    "",
    `WHERE TO START: ${weakestName.toUpperCase()}`,
    `${advice.headline}.`,
    ...advice.practices.map((p) => `- ${p}`),
    "",
    `Your full result: ${resultUrl}`,
    "",
    "RUN THIS WITH YOUR TEAM",
    "Open an anonymous campaign for your own people and compare what leaders believe with what teams feel.",
    startUrl,
    "",
    "--",
    "You asked for this report on the Mistvine Scorecard. We used your address to send this one email and did not keep it.",
  ].join("\n");

  return {
    subject,
    html: renderEmailFrame({ title: subject, preheader: `${band.name}, ${scores.overall}/100. ${advice.headline}.`, body, footer }),
    text,
  };
}
