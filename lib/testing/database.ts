import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { type Database, openPglite, openPostgres } from "@/lib/db/open";

/**
 * A fresh, migrated database for one integration test file: in-memory PGlite, or — when DATABASE_URL
 * is set — a throwaway database on that PostgreSQL server, dropped on close.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    const db = await openPglite(null);
    await migrate(db.sql);
    return db;
  }
  const throwaway = await throwawayDatabase(serverUrl);
  const db = await openPostgres(throwaway.url);
  await migrate(db.sql);
  return {
    ...db,
    async close() {
      await db.close();
      await throwaway.drop();
    },
  };
}

/**
 * Environment for a command-line process under test: a fresh DATA_DIR for PGlite (a process cannot
 * share an in-memory database), or a throwaway PostgreSQL database when DATABASE_URL is set.
 */
export async function createCliEnvironment(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-cli-"));
    return { env: { DATA_DIR: dir, DATABASE_URL: "" }, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const throwaway = await throwawayDatabase(serverUrl);
  return { env: { DATABASE_URL: throwaway.url }, cleanup: throwaway.drop };
}

/** A new, empty database on the PostgreSQL server at `serverUrl`: its URL, and how to drop it. */
async function throwawayDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ptt_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropDatabase(serverUrl, name) };
}

/**
 * Plain DROP, not WITH (FORCE): PostgreSQL cancels an autovacuum worker in the database by itself, while
 * FORCE must signal it and a non-superuser role (as in CI) may not. A connection still closing gets a
 * few retries; only then FORCE, for a test that leaked its own connections.
 */
async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}"`));
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== OBJECT_IN_USE) throw error;
      if (attempt === 4) break;
      await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
    }
  }
  await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

const OBJECT_IN_USE = "55006";

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
