import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { runSetup } from "./start-setup";

/**
 * `npm start`: build if the sources changed since the last build, bring the database up to date (and
 * seed an empty one), then serve on PORT (default 3000). The setup runs in this process and closes the
 * database before the server opens it: an embedded database admits one process at a time.
 */

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = process.cwd();
const next = path.join(root, "node_modules", ".bin", "next");

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

function newestSourceMtime(entry: string): number {
  const full = path.join(root, entry);
  if (!fs.existsSync(full) || full.includes(`${path.sep}generated`)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(full).map((child) => newestSourceMtime(path.join(entry, child))));
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  return Math.max(...SOURCES.map(newestSourceMtime)) <= fs.statSync(buildId).mtimeMs;
}

if (!buildIsCurrent()) {
  console.log("正在构建（首次启动或源码有变更，约需一两分钟）…");
  const build = spawnSync(next, ["build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await runSetup();

const port = process.env.PORT || "3000";
const server = spawn(next, ["start", "-p", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
