import next from "next";
import { serveGracefully } from "./graceful-server";
import { shutdownGraceMs } from "./shutdown-settings";

/**
 * The HTTP server `npm start` runs (lib/cli/start.ts spawns it with `node --import tsx/esm`): Next's request handler
 * on a server that stops properly (graceful-server.ts) — `next start` answers SIGTERM by exiting 143 without closing
 * the database or stopping the scheduler. Next's start-up hook (instrumentation.ts) still runs on `prepare`.
 */
const port = Number(process.env.PORT || 3000);
const graceMs = shutdownGraceMs(process.env.PTT_SHUTDOWN_GRACE);

const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
await app.prepare();
serveGracefully(app.getRequestHandler(), { port, graceMs, close: () => app.close() });
console.log(`✓ 服务已启动：http://localhost:${port}（PID ${process.pid}，停止时最多等待进行中的请求 ${graceMs / 1000} 秒）`);
