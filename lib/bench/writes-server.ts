import "server-only";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { buildIsCurrent } from "@/lib/cli/build-current";

/**
 * The real server for bench:writes: `next start` on its own port over the bench's database, as `npm start` serves it
 * (the production build, reused when current, else built once), with the reminder scheduler off (its passes would
 * share the machine with the saves) and a fixed session secret.
 */

export interface RunningServer {
  base: string;
  stop(): Promise<void>;
}

export function ensureBuild(root: string): void {
  if (buildIsCurrent(root)) return;
  console.log("building the app (.next is missing or older than the sources) …");
  // Built as `npm run build` builds it: not against the bench's database (with DATABASE_URL and no NEXTAUTH_SECRET,
  // the pages prerendered at build time refuse to start, as a server would).
  const { DATABASE_URL: _database, ...env } = process.env;
  const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    stdio: "inherit",
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error(`next build failed (${build.status})`);
}

export async function startServer(root: string, port: number, env: Record<string, string>): Promise<RunningServer> {
  const child: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), PTT_SCHEDULER: "off", NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://localhost:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode})`);
    try {
      const answer = await fetch(`${base}/login`);
      if (answer.ok) return { base, stop };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`next start did not answer on ${base} within 30 s`);
}
