import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ACTION_KINDS } from "../../../src/domain/actions/model";
import { requireOrgAccess } from "../access";
import { getActions } from "../actions";
import { seedDemo } from "./index";

describe("the demo orgs' Action Center", () => {
  it("gives the admin and the leads the items the demo's story implies, at least one of each kind", async () => {
    const now = new Date("2026-11-18T15:00:00Z"); // a Wednesday afternoon
    await seedDemo(env.DB, now);
    const kindsOf = async (email: string, org = "northwind") => {
      const p = (await env.DB.prepare("SELECT id, email, name FROM people WHERE email = ?1")
        .bind(email)
        .first<{ id: string; email: string; name: string }>())!;
      const access = await requireOrgAccess(env.DB, { personId: p.id, email: p.email, name: p.name }, org);
      return (await getActions(env.DB, access, now)).items.map((i) => [i.kind, i.title]);
    };
    const admin = await kindsOf("admin@northwind.example");
    expect(admin).toEqual([
      ["team-no-objective", "Support has no objective in Wave 7: Self-serve growth"],
      ["team-needs-support", "Mobile needs support"],
      ["ppp-missing", "Support did not post last week's PPP"],
      ["boost-unanswered", "Onboarding's boost is waiting for any team"],
      ["team-needs-support", "Onboarding needs support"],
      ["team-needs-support", "Platform needs support"],
      ["campaign-ready", "Scorecard · Wave 7: Self-serve growth has enough answers to close"],
      ["invite-pending", "Kai Mensah has not accepted the invitation to lead Support"],
    ]);
    const tom = await kindsOf("tom@northwind.example");
    expect(tom).toContainEqual([
      "problem-ageing",
      "Problem open 3 weeks: “No staging environment that mirrors production: we test sign-up changes on real customers”",
    ]);
    expect(tom).toContainEqual(["boost-reply", "Mobile declined on your boost"]);
    const sam = await kindsOf("sam@northwind.example");
    expect(sam.map(([k]) => k)).toEqual(["boost-to-answer", "problem-ageing", "pulse-hidden", "plans-review", "ppp-due"]);
    const jonas = await kindsOf("jonas@northwind.example");
    expect(jonas.map(([k]) => k)).toEqual(["stale-key-result", "pulse-hidden"]);
    const lena = await kindsOf("lena@northwind.example");
    expect(lena.map(([k]) => k)).toEqual(["no-objective", "boost-to-answer"]);
    const priya = await kindsOf("priya@northwind.example");
    expect(priya).toContainEqual(["boost-reply", "Data wrote on your boost"]);

    // Southwind, at the end of its wave with no next one drafted, has the items of a wave's last days.
    const rosa = await kindsOf("admin@southwind.example", "southwind");
    expect(rosa.map(([k]) => k)).toContain("wave-ending-no-draft");
    const noor = await kindsOf("noor@southwind.example", "southwind");
    expect(noor).toContainEqual(["reflection-due", "Write your team's reflection on Wave 1: First launch"]);

    const seen = new Set([admin, tom, sam, jonas, lena, priya, await kindsOf("mei@northwind.example"), rosa, noor].flat().map(([k]) => k));

    expect(ACTION_KINDS.filter((k) => !seen.has(k))).toEqual([]);
  }, 30_000); // seeds the whole demo
});
