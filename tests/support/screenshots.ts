/**
 * Screenshots for looking at pages as a user would: every path at 360 px and 1280 px, saved
 * to .tmp/screens (ignored by git). Reports any page wider than its viewport.
 *   npm run screenshots -- [--base http://localhost:8787] [--signin admin@northwind.example] [--no-js] [--viewport] /path /other
 */
import { mkdirSync } from "node:fs";
import { launchBrowser, newContext } from "./browser.ts";
import { signIn } from "./browser-flows.ts";

const args = process.argv.slice(2);
const take = (flag: string) => {
  const i = args.indexOf(flag);
  return i === -1 ? undefined : args.splice(i, 2)[1];
};
const base = take("--base") ?? "http://localhost:8787";
const signInAs = take("--signin");
const flag = (name: string) => (args.includes(name) ? (args.splice(args.indexOf(name), 1), true) : false);
const noJs = flag("--no-js");
/** Only the first screenful, not the whole page: for looking at headers and navigation. */
const viewportOnly = flag("--viewport");
const paths = args.length ? args : ["/", "/scorecard"];
const dir = ".tmp/screens";
mkdirSync(dir, { recursive: true });

const browser = await launchBrowser();
for (const width of [360, 1280]) {
  const context = await newContext(browser, { width, javaScriptEnabled: !noJs });
  const page = await context.newPage();
  if (signInAs) await signIn(page, base, signInAs);
  for (const path of paths) {
    await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
    if (!viewportOnly) {
      // Scroll through the page a screen at a time so islands that wait to be seen draw.
      const height = await page.evaluate(() => document.body.scrollHeight);
      for (let y = 0; y < height; y += 600) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await page.waitForTimeout(120);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    const overflow = await page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > vw + 1).slice(0, 5);
      return {
        scroll: document.documentElement.scrollWidth,
        vw,
        culprits: wide.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`),
      };
    });
    const name = `${path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}${noJs ? "-nojs" : ""}-${width}${viewportOnly ? "-top" : ""}`;
    await page.screenshot({ path: `${dir}/${name}.png`, fullPage: !viewportOnly });
    console.log(
      `${name}.png${overflow.scroll > overflow.vw ? `  OVERFLOW ${overflow.scroll}px > ${overflow.vw}px: ${overflow.culprits.join(", ")}` : ""}`,
    );
  }
  await context.close();
}
await browser.close();
