import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { buildOrgReportEmail, buildTeamReportEmail } from "../email/weekly-reports";
import { createTestOrg } from "../../tests/support/org-fixtures";
import { jobAccess } from "./access";
import { createBoost } from "./boosts";
import { orgReportModel, readReportData, teamReportModel } from "./weekly-reports";

const NOW = new Date("2026-11-21T10:00:00Z"); // Saturday: this week's PPP (due Friday) is late

describe("weekly reports open with the recipient's own open items", () => {
  it("gives the admin the org's items and each lead their team's, each with its link", async () => {
    const org = await createTestOrg(env.DB, { teams: 2, now: new Date("2026-11-02T09:00:00Z") });
    const boost = await createBoost(
      env.DB,
      org.leads[0],
      { toTeamId: org.teamIds[1], need: "Review our event schema", neededBy: "2026-11-27", objectiveId: org.teamObjectiveIds[0] },
      "https://mistvine.test",
      new Date("2026-11-20T09:00:00Z"),
    );
    const data = await readReportData(env.DB, jobAccess(org.admin.org), NOW);
    const origin = "https://mistvine.test";

    const orgEmail = buildOrgReportEmail(orgReportModel(data, org.admin.org, origin)!, `${origin}/u/x`);
    const orgText = orgEmail.text;
    expect(orgText.startsWith("WAITING FOR YOU (")).toBe(true);
    expect(orgText).toContain("Team 2 has not posted this week's PPP");
    expect(orgText.indexOf("WAITING FOR YOU")).toBeLessThan(orgText.indexOf("ORG OBJECTIVES"));

    const teamEmail = buildTeamReportEmail(
      teamReportModel(data, org.admin.org, org.teamIds[1], origin, { ppp: null, boosts: [] })!,
      `${origin}/u/y`,
    );
    expect(teamEmail.text.split("\n").slice(0, 2).join("\n")).toMatch(/^WAITING FOR YOU \(\d+\)\n- Urgent: /);
    expect(teamEmail.text).toContain(`Team 1 asks you for a boost`);
    expect(teamEmail.text).toContain(`${origin}/o/${org.admin.org.slug}/boosts/${boost.id}`);
    expect(teamEmail.html).toContain(`href="${origin}/o/${org.admin.org.slug}/teams/${org.teamIds[1]}/ppp"`);
    // The first lead's report has the first lead's items, not the second's.
    const first = buildTeamReportEmail(
      teamReportModel(data, org.admin.org, org.teamIds[0], origin, { ppp: null, boosts: [] })!,
      `${origin}/u/z`,
    );
    expect(first.text).not.toContain("asks you for a boost");
  });
});
