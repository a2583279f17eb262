import { env } from "cloudflare:workers";
import { it } from "vitest";
import { requireOrgAccess } from "../access";
import { getActions } from "../actions";
import { seedDemo } from "./index";

it("probe", async () => {
  const now = new Date("2026-12-01T15:00:00Z");
  await seedDemo(env.DB, now);
  for (const email of ["admin@northwind.example", "priya@northwind.example", "tom@northwind.example", "mei@northwind.example", "jonas@northwind.example", "sam@northwind.example"]) {
    const p = await env.DB.prepare("SELECT id, email, name FROM people WHERE email = ?1").bind(email).first<{ id: string; email: string; name: string }>();
    const a = await requireOrgAccess(env.DB, { personId: p!.id, email: p!.email, name: p!.name }, "northwind");
    const v = await getActions(env.DB, a, now);
    console.log(email, JSON.stringify(v.items.map((i) => [i.kind, i.urgency, i.ageDays, i.title, i.reason])));
  }
});
