import http from "node:http";
import { beginShutdown, runShutdownHooks } from "../db/shutdown";

/**
 * An HTTP server that stops properly (lib/cli/serve.ts runs Next's handler on it). On SIGTERM or SIGINT:
 *
 * 1. the process is marked as stopping (lib/db/shutdown.ts): GET /api/health answers 503, and answers carry
 *    `Connection: close`, so a kept-alive connection ends with its answer;
 * 2. the server stops accepting connections and waits for the requests in flight, at most `graceMs`, then cuts
 *    the rest;
 * 3. `close` runs (Next's own), then the shutdown hooks (the reminder scheduler stops and gives up its lease, the
 *    database closes: PGlite flushes and releases DATA_DIR's lock, the pg pool ends), each within `hooksTimeoutMs`;
 * 4. the process exits 0 — or 1 when requests had to be cut or something failed to close, so a supervisor shows it.
 *
 * A second signal while stopping is ignored: a terminal's Ctrl+C reaches both `npm start` and this process.
 * No app module here (it runs outside Next's react-server condition).
 */

export interface GracefulServerOptions {
  port: number;
  graceMs: number;
  hooksTimeoutMs?: number;
  /** Closes the framework after the drain, before the shutdown hooks. */
  close?: () => Promise<void>;
  log?: (line: string) => void;
  exit?: (code: number) => void;
}

export function serveGracefully(handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>, options: GracefulServerOptions): http.Server {
  const { graceMs, hooksTimeoutMs = 10_000, close, log = console.log, exit = (code) => process.exit(code) } = options;
  let stopping = false;
  let inFlight = 0;
  let onIdle: (() => void) | null = null;

  const server = http.createServer((req, res) => {
    inFlight++;
    res.on("close", () => {
      inFlight--;
      if (inFlight === 0) onIdle?.();
    });
    if (stopping) res.setHeader("Connection", "close");
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("服务器内部错误");
    });
  });

  const drained = (): Promise<boolean> =>
    new Promise((resolve) => {
      if (inFlight === 0) return resolve(true);
      const timer = setTimeout(() => resolve(false), graceMs);
      onIdle = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });

  async function stop(signal: NodeJS.Signals) {
    if (stopping) return;
    stopping = true;
    beginShutdown();
    log(`收到 ${signal}：不再接收新请求，等待 ${inFlight} 个进行中的请求完成（最多 ${graceMs / 1000} 秒）…`);
    server.close();
    server.closeIdleConnections();
    const clean = await drained();
    if (!clean) {
      log(`仍有 ${inFlight} 个请求未完成，已强制断开`);
      server.closeAllConnections();
    }
    const failures: { name: string; error: unknown }[] = [];
    if (close) {
      const closed = await within(close(), hooksTimeoutMs).catch((error: unknown) => error);
      if (closed !== undefined) failures.push({ name: "next", error: closed });
    }
    const hooks = await within(runShutdownHooks(), hooksTimeoutMs);
    failures.push(...(hooks === "timeout" ? [{ name: "hooks", error: "timeout" }] : hooks));
    for (const { name, error } of failures) {
      const why = error === "timeout" ? `超过 ${hooksTimeoutMs / 1000} 秒未完成` : error instanceof Error ? error.message : String(error);
      log(`停止时 ${name} 出错：${why}`);
    }
    const ok = clean && failures.length === 0;
    log(ok ? "已停止：请求已处理完，数据库已关闭" : "已停止（有未完成的请求或关闭时出错，见上）");
    exit(ok ? 0 : 1);
  }

  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop(signal));
  server.listen(options.port);
  return server;
}

function within<T>(work: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
