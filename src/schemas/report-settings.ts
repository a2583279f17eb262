import { z } from "zod";

const wholeNumber = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v),
    z
      .number({ error: `Choose ${label}.` })
      .int(`Choose ${label}.`)
      .min(min, `Choose ${label}.`)
      .max(max, `Choose ${label}.`),
  );

export const reportScheduleSchema = z.object({
  reportWeekday: wholeNumber("the weekday of the reports", 1, 7),
  reportHour: wholeNumber("the hour of the reports", 0, 23),
  pulseWeekday: wholeNumber("the voting day", 1, 7),
});

/** "Send me this preview": which team, for a team report (absent for the org-wide kinds). */
export const reportSendSchema = z.object({ team: z.string().optional() });
