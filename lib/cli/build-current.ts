import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * Whether `.next` was built from the sources as they are now: `npm start` builds only when a source is newer than
 * the last build, and the benchmarks that serve the real app (bench:writes) reuse a current build the same way.
 */

/** What a build is made from: a change to any of these (recursively) calls for a new build. */
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.js",
  "proxy.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

/** Never part of the build: tests, their helpers and the benchmarks (production code never imports them). */
const NOT_BUILT = [/\.test\.tsx?$/, /^lib\/(testing|bench)(\/|$)/];

function newestSourceMtime(root: string, entry: string): number {
  const full = path.join(root, entry);
  if (!fs.existsSync(full) || full.includes(`${path.sep}generated`) || NOT_BUILT.some((p) => p.test(entry.split(path.sep).join("/")))) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(full).map((child) => newestSourceMtime(root, path.join(entry, child))));
}

/** True when `root/.next` exists and no source changed since it was built. */
export function buildIsCurrent(root: string = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  return Math.max(...SOURCES.map((entry) => newestSourceMtime(root, entry))) <= fs.statSync(buildId).mtimeMs;
}
