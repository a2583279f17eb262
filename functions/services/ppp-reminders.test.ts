import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "../../tests/support/org-fixtures";
import worker from "../worker";
import { saveOrgSettings } from "./org-settings";
import { savePpp } from "./ppp-save";
import { queuePppReminders } from "./ppp-reminders";

const BASE = "https://mistvine.test";

/** The reminders in the outbox for this org's leads: [address, week in the key]. */
async function reminders(org: TestOrg): Promise<string[][]> {
  const { results } = await env.DB.prepare(
    "SELECT to_address, idempotency_key, subject, text FROM outbox WHERE kind = 'ppp_reminder' AND idempotency_key LIKE ?1 ORDER BY to_address, idempotency_key",
  )
    .bind(`ppp-reminder:${org.admin.org.id}:%`)
    .all<{ to_address: string; idempotency_key: string }>();
  return results.map((r) => [r.to_address, r.idempotency_key.split(":").pop() ?? ""]);
}

describe("the PPP due reminder", () => {
  it("goes once to each lead whose team has not submitted by the due day, however often the job runs", async () => {
    const org = await createTestOrg(env.DB, { teams: 3, timeZone: "Europe/Berlin" });
    const [posted, drafted, silent] = org.leads;
    await savePpp(
      env.DB,
      posted,
      org.teamIds[0],
      "2026-11-16",
      { progress: [{ text: "Done" }] },
      "submit",
      new Date("2026-11-19T10:00:00Z"),
    );
    await savePpp(
      env.DB,
      drafted,
      org.teamIds[1],
      "2026-11-16",
      { progress: [{ text: "Half" }] },
      "draft",
      new Date("2026-11-19T10:00:00Z"),
    );

    // Thursday, and Friday 08:30 in Berlin (07:30 UTC): not due yet.
    await queuePppReminders(env.DB, BASE, new Date("2026-11-19T12:00:00Z"));
    await queuePppReminders(env.DB, BASE, new Date("2026-11-20T07:30:00Z"));
    expect(await reminders(org)).toEqual([]);

    // Friday 09:00 Berlin, twice, then again on Saturday: one reminder each for the two teams not posted.
    await queuePppReminders(env.DB, BASE, new Date("2026-11-20T08:00:00Z"));
    await queuePppReminders(env.DB, BASE, new Date("2026-11-20T08:00:00Z"));
    await queuePppReminders(env.DB, BASE, new Date("2026-11-21T15:00:00Z"));
    expect(await reminders(org)).toEqual([drafted.viewer.email, silent.viewer.email].sort().map((to) => [to, "2026-11-16"]));

    const { results } = await env.DB.prepare(
      "SELECT to_address, subject, text FROM outbox WHERE kind = 'ppp_reminder' AND idempotency_key LIKE ?1",
    )
      .bind(`ppp-reminder:${org.admin.org.id}:%`)
      .all<{ to_address: string; subject: string; text: string }>();
    const draftMail = results.find((r) => r.to_address === drafted.viewer.email);
    expect(draftMail?.subject).toBe(`Team 2's PPP for the week of 16 Nov is due · ${org.admin.org.name}`);
    expect(draftMail?.text).toContain("draft");
    expect(draftMail?.text).toContain(`${BASE}/o/${org.admin.org.slug}/teams/${org.teamIds[1]}/ppp?week=2026-11-16`);

    // The next week starts over: Friday 27 Nov, nobody has posted.
    await queuePppReminders(env.DB, BASE, new Date("2026-11-27T09:00:00Z"));
    expect((await reminders(org)).filter(([, week]) => week === "2026-11-23").map(([to]) => to)).toEqual(
      [posted.viewer.email, drafted.viewer.email, silent.viewer.email].sort(),
    );
  });

  it("follows each org's time zone and due day", async () => {
    const tokyo = await createTestOrg(env.DB, { teams: 1, timeZone: "Asia/Tokyo" });
    const losAngeles = await createTestOrg(env.DB, { teams: 1, timeZone: "America/Los_Angeles" });
    const mondays = await createTestOrg(env.DB, { teams: 1, timeZone: "UTC" });
    await saveOrgSettings(env.DB, mondays.admin, { name: "Mondays", timeZone: "UTC", pppDueWeekday: "1" });

    // Friday 00:30 UTC: 09:30 Friday in Tokyo (due), 16:30 Thursday in Los Angeles (not yet); Monday-due org: due since Monday.
    await queuePppReminders(env.DB, BASE, new Date("2026-11-20T00:30:00Z"));
    expect(await reminders(tokyo)).toEqual([[tokyo.leads[0].viewer.email, "2026-11-16"]]);
    expect(await reminders(losAngeles)).toEqual([]);
    expect(await reminders(mondays)).toEqual([[mondays.leads[0].viewer.email, "2026-11-16"]]);

    // Friday 17:00 UTC is 09:00 Friday in Los Angeles.
    await queuePppReminders(env.DB, BASE, new Date("2026-11-20T17:00:00Z"));
    expect(await reminders(losAngeles)).toEqual([[losAngeles.leads[0].viewer.email, "2026-11-16"]]);
  });

  it("runs from the hourly cron, and the same run sends them", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    for (let run = 0; run < 2; run++) {
      const ctx = createExecutionContext();
      worker.scheduled(createScheduledController({ cron: "0 * * * *", scheduledTime: new Date("2026-11-20T10:00:00Z") }), env, ctx);
      await waitOnExecutionContext(ctx);
    }
    const { results } = await env.DB.prepare("SELECT status, attempts FROM outbox WHERE idempotency_key LIKE ?1")
      .bind(`ppp-reminder:${org.admin.org.id}:%`)
      .all();
    expect(results).toEqual([{ status: "sent", attempts: 1 }]);
  });
});
