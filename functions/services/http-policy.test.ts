import { describe, expect, it } from "vitest";
import staticHeaders from "../../public/_headers?raw";
import { securityHeaders } from "./http-policy";

/** The header lines of public/_headers under its `/*` rule, as name → value. */
function parseCatchAllRule(text: string): Record<string, string> {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.trim() === "/*");
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (!/^\s+\S/.test(line)) break;
    const [name, ...rest] = line.trim().split(":");
    out[name] = rest.join(":").trim();
  }
  return out;
}

describe("security headers of static assets", () => {
  it("public/_headers gives the prerendered pages exactly the headers the Worker gives its HTML", () => {
    expect(parseCatchAllRule(staticHeaders)).toEqual(securityHeaders("text/html"));
  });
});
