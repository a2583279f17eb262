#!/usr/bin/env node
// Fails (exit 1) with a message that says how to fix it when package-lock.json is incomplete or
// out of step with package.json. Runs before `npm ci` in .ci/run and first in `npm test`.
//
// Plain JavaScript on purpose: .ci/run calls it with the machine's own Node (20 or later) before
// anything is installed, so it may use nothing but Node's built-ins.
//
//   node scripts/check-lockfile.mjs            # every check
//   node scripts/check-lockfile.mjs --offline  # skip the check that asks the npm registry
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const offline = process.argv.includes("--offline");

const FIX = [
  "How to fix: regenerate the lockfile from scratch with the machine's own npm, then check it:",
  "",
  "    rm -rf node_modules package-lock.json && npm install && node scripts/check-lockfile.mjs",
  "",
  "and commit package-lock.json.",
].join("\n");

/** The problems of a parsed lockfile on its own (no registry needed). Exported for the tests. */
export function lockfileProblems(lock, pkg) {
  const problems = [];
  if (lock.lockfileVersion !== 3) {
    problems.push(`lockfileVersion is ${lock.lockfileVersion}; npm 7 and later write 3.`);
  }
  const packages = lock.packages ?? {};
  const rootEntry = packages[""];
  if (!rootEntry) {
    problems.push('the lockfile has no root entry (packages[""]).');
  } else {
    for (const field of ["dependencies", "devDependencies", "optionalDependencies"]) {
      const want = pkg[field] ?? {};
      const have = rootEntry[field] ?? {};
      for (const [name, range] of Object.entries(want)) {
        if (have[name] !== range) {
          problems.push(`package.json ${field} has ${name}@${range}, the lockfile ${have[name] ? `${name}@${have[name]}` : "does not"}.`);
        }
      }
      for (const name of Object.keys(have)) {
        if (!(name in want)) problems.push(`the lockfile lists ${field} ${name}, package.json does not.`);
      }
    }
  }
  for (const [path, entry] of Object.entries(packages)) {
    if (path === "" || entry.link) continue;
    const missing = ["version", "integrity"].filter((field) => !entry[field]);
    if (missing.length > 0) problems.push(`${path} has no ${missing.join(", ")}.`);
  }
  // Every platform binary npm lists as an optional dependency must have its own entry, or npm ci
  // installs nothing for that OS and CPU (a macOS user would be left without the compiler).
  for (const [path, entry] of Object.entries(packages)) {
    if (path === "" || entry.link) continue;
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      if (!resolves(packages, path, name)) {
        problems.push(`${path} lists the optional dependency ${name}, which has no entry in the lockfile.`);
      }
    }
  }
  return problems;
}

/** Node's lookup: path/node_modules/name, then each enclosing node_modules, then the top. */
function resolves(packages, fromPath, name) {
  let dir = fromPath;
  for (;;) {
    if (packages[posix.join(dir, "node_modules", name)]) return true;
    const at = dir.lastIndexOf("/node_modules/");
    if (at < 0) return Boolean(packages[posix.join("node_modules", name)]);
    dir = dir.slice(0, at);
  }
}

/** Whether npm, asked to update the lockfile for package.json, would write anything else. */
function npmWouldRewrite() {
  const dir = mkdtempSync(join(tmpdir(), "mistvine-lock-"));
  try {
    cpSync(join(root, "package.json"), join(dir, "package.json"));
    cpSync(join(root, "package-lock.json"), join(dir, "package-lock.json"));
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    try {
      execFileSync(npm, ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"], {
        cwd: dir,
        stdio: ["ignore", "ignore", "pipe"],
      });
    } catch (error) {
      const stderr = String(error.stderr ?? "")
        .trim()
        .split("\n")
        .slice(-5)
        .join("\n");
      return `npm install --package-lock-only failed on this lockfile:\n${stderr}`;
    }
    const before = readFileSync(join(root, "package-lock.json"), "utf8");
    const after = readFileSync(join(dir, "package-lock.json"), "utf8");
    return before === after ? null : "npm install --package-lock-only --ignore-scripts changes the lockfile.";
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let lock;
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  } catch (error) {
    console.error(`check-lockfile: cannot read package.json or package-lock.json: ${error.message}\n\n${FIX}`);
    process.exit(1);
  }
  const problems = lockfileProblems(lock, pkg);
  if (problems.length === 0 && !offline) {
    const rewrite = npmWouldRewrite();
    if (rewrite) problems.push(rewrite);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).map((p) => `  - ${p}`);
    if (problems.length > 20) shown.push(`  … and ${problems.length - 20} more`);
    console.error(`check-lockfile: package-lock.json is incomplete or out of step with package.json:\n${shown.join("\n")}\n\n${FIX}`);
    process.exit(1);
  }
  const count = Object.keys(lock.packages).length - 1;
  console.log(`check-lockfile: package-lock.json is complete (${count} packages) and in step with package.json.`);
}
