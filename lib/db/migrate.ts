import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlDriver } from "./sql-driver";

/**
 * Applies prisma/migrations/<name>/migration.sql in order, each in its own transaction, and records
 * them in `_prisma_migrations` exactly as Prisma does, so `prisma migrate deploy` agrees with us
 * wherever its engine is available.
 */

export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

// The same key Prisma's migrate takes, so our migrator and Prisma's never run at once.
const ADVISORY_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  override name = "MigrationError";
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

function checkHistory(files: MigrationFile[], applied: AppliedRow[]): void {
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const row of applied) {
    const file = byName.get(row.migration_name);
    if (!row.finished_at) {
      throw new MigrationError(`迁移 ${row.migration_name} 上次执行失败，数据库需要人工检查后才能继续迁移。`);
    }
    if (!file) throw new MigrationError(`数据库已应用迁移 ${row.migration_name}，但本地找不到该迁移文件。`);
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `迁移 ${row.migration_name} 已应用，但其 migration.sql 之后被修改过（校验和不符）。已应用的迁移不得修改：请恢复原文件，另建新迁移。`,
      );
    }
  }
}

const SELECT_APPLIED = `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`;

/**
 * Returns the names of the migrations it applied (empty when the database was up to date). `only` limits them
 * (a restore first builds the schema its backup was taken at).
 */
export async function migrate(driver: SqlDriver, dir = DEFAULT_MIGRATIONS_DIR, options: { only?: (name: string) => boolean } = {}): Promise<string[]> {
  const files = readMigrations(dir);
  await driver.exec(CREATE_MIGRATIONS_TABLE);
  const before = await driver.query<AppliedRow>(SELECT_APPLIED);
  checkHistory(files, before);
  const done = new Set(before.map((row) => row.migration_name));
  const appliedNow: string[] = [];
  for (const file of files.filter((f) => !done.has(f.name) && (options.only?.(f.name) ?? true))) {
    const applied = await driver.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [ADVISORY_LOCK_KEY]);
      // Another process may have applied it while we waited for the lock.
      const history = await tx.query<AppliedRow>(SELECT_APPLIED);
      checkHistory(files, history);
      if (history.some((row) => row.migration_name === file.name)) return false;
      const id = randomUUID();
      await tx.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`, [id, file.checksum, file.name]);
      await tx.exec(file.sql);
      await tx.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
      return true;
    });
    if (applied) appliedNow.push(file.name);
  }
  return appliedNow;
}

/** How the database's applied migrations compare with this program's (GET /api/health). */
export interface MigrationStatus {
  /** The program's migrations the database has not applied: this instance must not serve it (run db:migrate). */
  pending: string[];
  /** Applied migrations this program does not know: a newer version migrated the database (a rolling upgrade). */
  unknown: string[];
  /** Migrations that started and never finished: the database needs a person. */
  failed: string[];
}

/** Compares the applied migrations with `files` (read once by the caller: they do not change while a server runs). */
export async function migrationStatus(driver: SqlDriver, files: readonly Pick<MigrationFile, "name">[]): Promise<MigrationStatus> {
  const applied = await driver.query<AppliedRow>(SELECT_APPLIED).catch((error: unknown) => {
    // No table yet: nothing applied (a database nobody migrated).
    if ((error as { code?: string }).code === "42P01") return [] as AppliedRow[];
    throw error;
  });
  const known = new Set(files.map((file) => file.name));
  const done = new Set(applied.filter((row) => row.finished_at).map((row) => row.migration_name));
  return {
    pending: files.map((file) => file.name).filter((name) => !done.has(name)),
    unknown: [...done].filter((name) => !known.has(name)),
    failed: applied.filter((row) => !row.finished_at).map((row) => row.migration_name),
  };
}
