import "server-only";
import { dbTarget } from "./config";
import { type Database, openDatabase } from "./open";

export type { Database } from "./open";
export { DatabaseUnavailableError } from "./open";
export { DataDirLockedError } from "./lock";

// One database per server process, kept on globalThis because `next dev` re-evaluates modules and a
// second PGlite on the same directory would corrupt it.
const holder = globalThis as typeof globalThis & { __ptt_db?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  holder.__ptt_db ??= openDatabase(dbTarget()).catch((error: unknown) => {
    holder.__ptt_db = undefined;
    throw error;
  });
  return holder.__ptt_db;
}

export const getPrisma = async () => (await getDatabase()).prisma;
