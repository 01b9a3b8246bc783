import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsCurrent } from "./build-current";
import { runSetup } from "./start-setup";

/**
 * `npm start`: build if the sources changed since the last build, bring the database up to date (and
 * seed an empty one), then serve on PORT (default 3000). The setup runs in this process and closes the
 * database before the server opens it: an embedded database admits one process at a time.
 */

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = process.cwd();
const next = path.join(root, "node_modules", ".bin", "next");

if (!buildIsCurrent(root)) {
  console.log("正在构建（首次启动或源码有变更，约需一两分钟）…");
  const build = spawnSync(next, ["build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await runSetup();

const port = process.env.PORT || "3000";
const server = spawn(next, ["start", "-p", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
