import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { listTeams } from "../../db/teams";
import { getPulseLink } from "../pulse-links";
import { getPulsePage, submitVotes } from "../pulse";
import { getBoard } from "../board";
import { getTeamPulse } from "../sentiment";
import { DEMO_ORG, seedDemoOrg } from "./demo-org";

describe("the Northwind demo's heat maps", () => {
  it.each([
    ["on a Wednesday", "2026-11-18T12:00:00Z", 2],
    ["on a Monday afternoon", "2026-11-16T13:00:00Z", 2],
    ["first thing on a Monday, before last week is over everywhere", "2026-11-16T00:30:00Z", 1],
  ])(
    "seeded %s: weeks that are over show, Data hidden and Mobile hidden with it",
    async (_when, iso, published) => {
      await env.DB.prepare("DELETE FROM orgs WHERE slug = ?1").bind(DEMO_ORG.slug).run();
      const now = new Date(iso);
      const admin = (await seedDemoOrg(env.DB, now))!;
      const view = await getBoard(env.DB, admin, now);
      const s = view.sentiment!;
      expect(s.weeks).toHaveLength(published);
      const last = (team: string) => s.org.rows.find((r) => r.label === team)!.cells[published - 1];
      expect(last("Data").state).toBe("suppressed");
      expect(last("Mobile").state).toBe("suppressed");
      expect(last("Payments").state).toBe("shown");
      if (published >= 2) {
        // Onboarding's confidence drops and Platform votes struggling while its key results are on track.
        expect(view.board!.needsSupport.find((t) => t.name === "Onboarding")?.supportReasons).toContain("confidence-drop");
        expect(
          view.board!.teams.find((t) => t.name === "Platform")?.objectives.some((o) => o.divergence === "on-track-but-struggling"),
        ).toBe(true);
        // The last published week's comments show (Payments had seven voters), shuffled and undated.
        const payments = view.board!.teams.find((t) => t.name === "Payments")!;
        const pulse = await getTeamPulse(env.DB, admin, payments.id, null, now);
        expect(pulse.comments.flatMap((c) => c.comments)).toContain("Good momentum.");
      }
    },
    30_000,
  ); // seeding the whole demo org takes a few seconds on a busy machine
});

describe("the demo pulse", () => {
  it("lets a newcomer vote on every demo team's link", async () => {
    await env.DB.prepare("DELETE FROM orgs WHERE slug = ?1").bind(DEMO_ORG.slug).run();
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
      const outcome = await submitVotes(
        env.DB,
        token,
        [],
        { submissionId: `newcomer-${team.id}`, votes: [{ objectiveId, score: 4 }] },
        now,
      );
      expect(outcome.recorded).toBe(true);
    }
  });
});
