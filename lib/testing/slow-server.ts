import "server-only";
import { openDatabase } from "@/lib/db/open";
import { dbTarget } from "@/lib/db/config";
import { onShutdown, SHUTDOWN_ORDER } from "@/lib/db/shutdown";
import { serveGracefully } from "@/lib/cli/graceful-server";

/**
 * A server process for lib/cli/graceful-server.int.test.ts: the graceful server of `npm start` around a tiny
 * handler instead of Next, with the database opened and its close registered as lib/db/index.ts does (PGlite
 * under DATA_DIR with its lock file, or PostgreSQL). `GET /slow?ms=N` holds the request N ms, then writes a row
 * and answers `done`; stdout tells the test when it is listening and when a slow request has begun.
 */
const db = await openDatabase(dbTarget());
await db.sql.exec("CREATE TABLE IF NOT EXISTS slow_request (id serial PRIMARY KEY, finished_at timestamptz NOT NULL DEFAULT now())");
onShutdown("database", { order: SHUTDOWN_ORDER.database, run: () => db.close().then(() => console.log("database closed")) });
onShutdown("scheduler", { order: SHUTDOWN_ORDER.scheduler, run: async () => console.log("scheduler stopped") });

const server = serveGracefully(
  async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/slow") {
      console.log("slow request begun");
      await new Promise((resolve) => setTimeout(resolve, Number(url.searchParams.get("ms") ?? 1000)));
      await db.sql.query("INSERT INTO slow_request DEFAULT VALUES");
      res.end("done");
      return;
    }
    res.end("ok");
  },
  { port: Number(process.env.PORT), graceMs: Number(process.env.PTT_SHUTDOWN_GRACE ?? 5) * 1000 },
);
server.on("listening", () => console.log("listening"));
