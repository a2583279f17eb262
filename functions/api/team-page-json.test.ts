import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createTestOrg } from "../../tests/support/org-fixtures";
import { createBoost } from "../services/boosts";
import { connectTeamChannel } from "../services/chat-channels";
import { checkIn, saveReflection } from "../services/objectives";
import { getTeamPage } from "../services/team-page";
import { teamPageJson } from "./team-page-json";

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

describe("teamPageJson", () => {
  it("shows the team page in camelCase: check-ins, reflections, waves, boosts and the lead's settings", async () => {
    const now = new Date("2026-11-24T10:00:00Z"); // the wave's last week, so a reflection is taken
    const org = await createTestOrg(env.DB, { teams: 2 });
    const kr = (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1")
      .bind(org.teamObjectiveIds[0])
      .first<{ id: string }>())!;
    await checkIn(env.DB, org.leads[0], kr.id, { value: 5, note: "First step" }, now);
    await saveReflection(env.DB, org.leads[0], org.waveId, org.teamIds[0], { worked: "Short loops.", change: "Start earlier." }, now);
    await createBoost(
      env.DB,
      org.leads[0],
      { toTeamId: org.teamIds[1], need: "A review of the schema", neededBy: "2026-11-27", objectiveId: org.teamObjectiveIds[0] },
      "https://mistvine.test",
      now,
    );

    const json = teamPageJson(await getTeamPage(env.DB, org.leads[0], org.teamIds[0], null, now));
    expect(json.team.declaredSize).toBe(6);
    expect(json.wave?.startsOn).toBe("2026-11-02");
    expect(json.checkIns[0]).toMatchObject({ keyResultId: kr.id, value: 5, note: "First step" });
    expect(json.reflections[0]).toMatchObject({ wave: { id: org.waveId, name: "Wave 1" }, worked: "Short loops." });
    expect(json.help.boosts[0]).toMatchObject({
      fromTeam: { id: org.teamIds[0] },
      toTeam: { id: org.teamIds[1] },
      need: "A review of the schema",
    });
    expect(json.settings).not.toBeNull();
    expect(json.settings?.chat).toBeNull();
    expect(keysOf(JSON.parse(JSON.stringify(json))).filter((k) => k.includes("_"))).toEqual([]);
  });

  it("shows the lead the team's chat channel, read in the page's one batch, by host only", async () => {
    const now = new Date("2026-11-20T10:00:00Z");
    const org = await createTestOrg(env.DB, { teams: 2 });
    await connectTeamChannel(
      env.DB,
      org.leads[0],
      org.teamIds[0],
      { kind: "slack", url: "https://hooks.slack.com/services/T/B/secret" },
      now,
    );
    const json = teamPageJson(await getTeamPage(env.DB, org.leads[0], org.teamIds[0], null, now));
    expect(json.settings?.chat).toEqual({
      scope: "team",
      team: { id: org.teamIds[0], name: "Team 1" },
      kind: "slack",
      host: "hooks.slack.com",
      lastPostedAt: null,
      lastError: null,
      lastErrorAt: null,
    });
    expect(JSON.stringify(json)).not.toContain("secret");
    // Another team's lead sees no settings at all, the channel included.
    expect(teamPageJson(await getTeamPage(env.DB, org.leads[1], org.teamIds[0], null, now)).settings).toBeNull();
  });

  it("keeps the lead's settings (link, reminder list) from another team's lead", async () => {
    const org = await createTestOrg(env.DB, { teams: 2 });
    const json = teamPageJson(await getTeamPage(env.DB, org.leads[1], org.teamIds[0], null, new Date("2026-11-20T10:00:00Z")));
    expect(json.canEdit).toBe(false);
    expect(json.settings).toBeNull();
  });
});
