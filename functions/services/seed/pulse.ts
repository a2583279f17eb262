import { addDays, localDate } from "../../../src/domain/calendar";
import { isWeekOver } from "../../../src/domain/pulse/publication";
import { waveWeeks } from "../../../src/domain/pulse/weeks";
import type { OrgAccess } from "../access";
import { submitVotes } from "../pulse";
import { regeneratePulseLink } from "../pulse-links";
import { seededRandom } from "./random";

/**
 * Pulse profile per demo team: how many people vote in each of three weeks and the average
 * they lean to. A week shows once it is over everywhere (src/domain/pulse/publication.ts), so
 * the profile's last week goes to the latest week that is over, the one before to the week
 * before, and the running week gets the last week's profile again (it shows next Monday). Payments is steady, Onboarding drops, Platform votes
 * struggling while its key results are on track (the divergence alert), and Data, three
 * people, stays below the threshold throughout. Mobile (five voters, four in week 2) is the
 * next-smallest team whenever Data is hidden, so it is hidden with it: the demo shows
 * complementary suppression at work. Every team declares more people than vote (a few have
 * not voted this week), so a newcomer opening a demo link can still vote.
 */
const PROFILES: Record<string, { voters: number[]; lean: number[]; comments?: string[] }> = {
  Payments: {
    voters: [7, 8, 7],
    lean: [3.6, 3.8, 4.0],
    comments: [
      "Retries are paying off; the card-update copy still confuses people.",
      "Pairing with Support helped a lot this week.",
      "We need Data's churn score to prioritise outreach.",
      "Good momentum.",
      "The test cards in staging keep expiring and cost us a day.",
    ],
  },
  Onboarding: {
    voters: [6, 6, 6],
    lean: [3.9, 3.6, 2.2],
    comments: [
      "The template picker is slower than we thought.",
      "We are waiting on Platform for the preview environments.",
      "Hard week: two people out.",
      "Research sessions were eye-opening.",
      "Not sure the day-one target is realistic any more.",
    ],
  },
  Platform: { voters: [8, 9, 8], lean: [3.2, 2.6, 1.8] },
  Mobile: { voters: [5, 4, 5], lean: [3.4, 3.0, 3.1] },
  Data: { voters: [3, 2, 3], lean: [4.2, 4.0, 3.8] },
};

export async function seedPulse(
  db: D1Database,
  admin: OrgAccess,
  teams: Record<string, { id: string }>,
  waveStart: string,
  now: Date,
): Promise<void> {
  const random = seededRandom(7);
  const today = localDate(now, admin.org.time_zone);
  for (const [name, team] of Object.entries(teams)) {
    const profile = PROFILES[name];
    if (!profile) continue;
    const path = await regeneratePulseLink(db, admin, team.id, new Date(Date.parse(`${waveStart}T08:00:00Z`)));
    const token = path.split("/").pop() as string;
    const people: string[][] = Array.from({ length: Math.max(...profile.voters) }, () => []);
    const weeks = waveWeeks(waveStart, addDays(waveStart, 27), today);
    const over = weeks.filter((week) => isWeekOver(week, now)).length;
    for (let i = 0; i < weeks.length; i++) {
      const week = weeks[i];
      const w = i < over ? profile.voters.length - over + i : profile.voters.length - 1;
      if (w < 0) continue;
      const wednesday = addDays(week, 2);
      const at = new Date(Date.parse(`${wednesday > today ? today : wednesday}T12:00:00Z`));
      const objectives = await db
        .prepare(
          "SELECT o.id FROM objectives o JOIN waves w ON w.id = o.wave_id AND w.state = 'active' WHERE o.team_id = ?1 ORDER BY o.created_at",
        )
        .bind(team.id)
        .all<{ id: string }>();
      for (let p = 0; p < profile.voters[w]; p++) {
        const votes = objectives.results.map((o, j) => {
          const score = Math.min(5, Math.max(1, Math.round(profile.lean[w] + (random() - 0.5) * 1.6)));
          const comment =
            profile.comments && p < profile.comments.length && j === 0 && w === profile.voters.length - 1 && i < over
              ? profile.comments[p]
              : undefined;
          return { objectiveId: o.id, score, comment };
        });
        const outcome = await submitVotes(db, token, people[p], { submissionId: `seed-${name}-${i}-${p}-0000`, votes }, at);
        people[p] = [outcome.credential];
      }
    }
  }
}
