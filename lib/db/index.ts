import "server-only";
import { dbTarget } from "./config";
import { type Database, DatabaseUnavailableError, openDatabase } from "./open";
import { isShuttingDown, onShutdown, SHUTDOWN_ORDER } from "./shutdown";

export type { Database } from "./open";
export { DatabaseUnavailableError } from "./open";
export { DataDirLockedError } from "./lock";

// One database per server process, kept on globalThis because `next dev` re-evaluates modules and a
// second PGlite on the same directory would corrupt it.
const holder = globalThis as typeof globalThis & { __ptt_db?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  if (holder.__ptt_db) return holder.__ptt_db;
  if (isShuttingDown()) return Promise.reject(new DatabaseUnavailableError("服务正在停止，数据库已关闭"));
  const opening = openDatabase(dbTarget());
  holder.__ptt_db = opening;
  opening.then(
    // A stopping server closes it after the last request (lib/cli/serve.ts): PGlite flushes and gives up DATA_DIR's lock.
    (db) =>
      onShutdown("database", {
        order: SHUTDOWN_ORDER.database,
        run: async () => {
          if (holder.__ptt_db === opening) holder.__ptt_db = undefined;
          await db.close();
        },
      }),
    () => {
      if (holder.__ptt_db === opening) holder.__ptt_db = undefined;
    },
  );
  return opening;
}

export const getPrisma = async () => (await getDatabase()).prisma;
