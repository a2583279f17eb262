import { describe, expect, it } from "vitest";

/**
 * Every page handles its POST through `handleFormActions` (form-actions.ts): that is what keeps
 * post/redirect/get, a refusal's status and messages, and the unknown-action 400 the same on
 * every form. A page that branches on the request method or reads the form itself has gone
 * around it.
 */
const sources = import.meta.glob<string>("../pages/**/*.{astro,ts}", { query: "?raw", import: "default", eager: true });
const pages = Object.entries(sources).map(([path, text]) => ({ page: path.slice("../pages/".length), text }));

describe("pages and POST", () => {
  it("finds the pages (the check below is not vacuous)", () => {
    const names = pages.map((p) => p.page);
    expect(names).toContain("signin.astro");
    expect(names).toContain("p/[token].astro");
    expect(names).toContain("o/[org]/teams/[team]/ppp.astro");
    expect(pages.length).toBeGreaterThan(25);
  });

  it("no page looks at the request method or reads a form itself", () => {
    const byHand = pages.filter(({ text }) => /\brequest\.method\b|\breadForm\b|\.formData\(\)/.test(text)).map(({ page }) => page);
    expect(byHand).toEqual([]);
  });

  it("every page with a <form method=post> runs handleFormActions", () => {
    const withForms = pages.filter(({ page, text }) => page.endsWith(".astro") && /<form\b[^>]*\bmethod="post"/i.test(text));
    expect(withForms.length).toBeGreaterThan(10);
    const without = withForms.filter(({ text }) => !/\bhandleFormActions(<[^>(]*>)?\(/.test(text)).map(({ page }) => page);
    expect(without).toEqual([]);
  });
});
