import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { listTeams } from "../../db/teams";
import { getPulseLink } from "../pulse-links";
import { getPulsePage, submitVotes } from "../pulse";
import { seedDemoOrg } from "./demo-org";

describe("the demo pulse", () => {
  it("lets a newcomer vote on every demo team's link", async () => {
    const now = new Date("2026-11-20T10:00:00Z");
    const admin = (await seedDemoOrg(env.DB, now))!;
    const teams = await listTeams(env.DB, admin.org.id);
    // Six teams: five with objectives in the active wave and a link, and Support, which has no
    // objective yet (an Action Center item) and so no pulse link to share either.
    expect(teams).toHaveLength(6);
    for (const team of teams) {
      const link = await getPulseLink(env.DB, admin, team.id);
      if (team.name === "Support") {
        expect(link).toBeNull();
        continue;
      }
      const token = link!.split("/").pop()!;
      const page = await getPulsePage(env.DB, token, [], now);
      expect({ team: team.name, full: page.full, closed: page.closed }).toEqual({ team: team.name, full: false, closed: null });
      const objectiveId = page.objectives.find((o) => !o.voted)!.id;
      const outcome = await submitVotes(env.DB, token, [], { submissionId: `newcomer-${team.id}`, votes: [{ objectiveId, score: 4 }] }, now);
      expect(outcome.recorded).toBe(true);
    }
  });
});
