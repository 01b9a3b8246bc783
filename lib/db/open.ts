import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { type DbTarget, redactUrl } from "./config";
import { acquireDataDirLock } from "./lock";
import { pgDriver, pgliteDriver, type SqlDriver } from "./sql-driver";

export interface Database {
  prisma: PrismaClient;
  /** Raw SQL for the migrator and maintenance; application code uses `prisma`. */
  sql: SqlDriver;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/** An embedded database in `dataDir`, or in memory when `dataDir` is null (tests). */
export async function openPglite(dataDir: string | null): Promise<Database> {
  let release = () => {};
  if (dataDir) {
    // PGlite creates no parent folders.
    fs.mkdirSync(dataDir, { recursive: true });
    release = acquireDataDirLock(dataDir);
  }
  try {
    const pglite = dataDir ? new PGlite(path.join(dataDir, "pgdata")) : new PGlite();
    await pglite.waitReady;
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      prisma,
      sql: pgliteDriver(pglite),
      async close() {
        await prisma.$disconnect();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops (restart, failover, a test database dropped WITH (FORCE)) emits
  // an error on the pool; unhandled it would crash the process. The pool opens a new one when needed.
  pool.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "57P01") console.error(`PostgreSQL 连接中断：${error.message}`);
  });
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(`无法连接 PostgreSQL（${redactUrl(url)}）：${(error as Error).message}`);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    sql: pgDriver(pool),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

export const openDatabase = (target: DbTarget): Promise<Database> => (target.engine === "postgres" ? openPostgres(target.url) : openPglite(target.dataDir));
