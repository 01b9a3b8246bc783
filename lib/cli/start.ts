import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsCurrent } from "./build-current";
import { checkStartSettings, runSetup } from "./start-setup";

/**
 * `npm start`: refuse settings the server cannot run with (checkStartSettings), build if the sources changed since
 * the last build, bring the database up to date (and seed an empty one), then serve on PORT (default 3000) through
 * lib/cli/serve.ts. The setup runs in this process and closes the database before the server opens it: an embedded
 * database admits one process at a time. SIGTERM/SIGINT to this process stop the server properly (docs/deploy.md).
 */

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = process.cwd();
const next = path.join(root, "node_modules", ".bin", "next");

checkStartSettings();

if (!buildIsCurrent(root)) {
  console.log("正在构建（首次启动或源码有变更，约需一两分钟）…");
  const build = spawnSync(next, ["build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await runSetup();

// The server is lib/cli/serve.ts: Next's handler on a server that drains its requests and closes the database when
// stopped. Its own process, outside this one's react-server condition (Next's server resolves React itself); tsx's
// ESM hook loads the TypeScript and leaves Next's CommonJS alone.
const server = spawn(process.execPath, ["--import", "tsx/esm", path.join(root, "lib", "cli", "serve.ts")], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
// Passed on, and this process waits for the server's own exit: it drains, closes, and exits 0 when all went well.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
