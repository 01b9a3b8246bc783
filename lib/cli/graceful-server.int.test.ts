import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/open";
import { LOCK_FILE_NAME } from "@/lib/db/lock";
import { createCliEnvironment } from "@/lib/testing/database";

// SIGTERM on a real server process (lib/testing/slow-server.ts: the graceful server of `npm start` around a slow
// handler, with a real database): the request in flight is answered, new connections are refused, the shutdown
// hooks run in order, the database is closed (PGlite's lock file gone) and the process exits 0.

type Env = Awaited<ReturnType<typeof createCliEnvironment>>;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

interface Server {
  child: ChildProcessWithoutNullStreams;
  port: number;
  env: Env;
  output: () => string;
  /** Resolves once stdout has shown `line`. */
  saw: (line: string) => Promise<void>;
  exited: Promise<number | null>;
}

async function startServer(grace: number): Promise<Server> {
  const env = await createCliEnvironment();
  cleanups.push(env.cleanup);
  const port = await freePort();
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx/esm", path.join("lib", "testing", "slow-server.ts")], {
    env: { ...process.env, ...env.env, PORT: String(port), PTT_SHUTDOWN_GRACE: String(grace) },
  });
  let output = "";
  const waiters: { line: string; resolve: () => void }[] = [];
  const listen = (chunk: Buffer) => {
    output += chunk.toString();
    for (const w of waiters.filter((w) => output.includes(w.line))) w.resolve();
  };
  child.stdout.on("data", listen);
  child.stderr.on("data", listen);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  cleanups.unshift(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    await exited;
  });
  const saw = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (output.includes(line)) return resolve();
      waiters.push({ line, resolve });
      void exited.then(() => setTimeout(() => (output.includes(line) ? resolve() : reject(new Error(`exited before «${line}»:\n${output}`))), 50));
    });
  const server = { child, port, env, output: () => output, saw, exited };
  await saw("listening");
  return server;
}

const get = (port: number, pathname: string) => fetch(`http://127.0.0.1:${port}${pathname}`).then(async (r) => ({ status: r.status, body: await r.text() }));

describe("a server stopped with SIGTERM", () => {
  it("answers the request in flight, refuses new ones, closes the database and exits 0", async () => {
    const server = await startServer(10);
    expect(await get(server.port, "/")).toEqual({ status: 200, body: "ok" });

    const slow = get(server.port, "/slow?ms=1500");
    await server.saw("slow request begun");
    server.child.kill("SIGTERM");
    await server.saw("收到 SIGTERM");
    await expect(get(server.port, "/")).rejects.toThrow();
    expect(await slow).toEqual({ status: 200, body: "done" });

    expect(await server.exited).toBe(0);
    const lines = server.output();
    expect(lines.indexOf("scheduler stopped")).toBeLessThan(lines.indexOf("database closed"));
    expect(lines).toContain("已停止：请求已处理完，数据库已关闭");
    if (server.env.env.DATA_DIR) expect(fs.existsSync(path.join(server.env.env.DATA_DIR, LOCK_FILE_NAME))).toBe(false);
    // The request's write was committed before the database closed.
    const db = await openDatabase(
      server.env.env.DATABASE_URL ? { engine: "postgres", url: server.env.env.DATABASE_URL } : { engine: "pglite", dataDir: server.env.env.DATA_DIR! },
    );
    try {
      expect(await db.sql.query("SELECT count(*)::int AS n FROM slow_request")).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
    }
  });

  it("cuts a request that outlasts the grace period and exits 1, still closing the database", async () => {
    const server = await startServer(0.5);
    const slow = get(server.port, "/slow?ms=5000");
    await server.saw("slow request begun");
    server.child.kill("SIGTERM");
    await expect(slow).rejects.toThrow();
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("仍有 1 个请求未完成，已强制断开");
    expect(server.output()).toContain("database closed");
  });
});
