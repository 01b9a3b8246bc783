import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "./migrate";
import type { Database } from "./open";
import { createTestDatabase } from "@/lib/testing/database";

// The migrator on a database with no schema yet (createTestDatabase migrates, so drop what it made).
let db: Database;
let dir: string;

const writeMigration = (name: string, sql: string) => {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
};
const history = () =>
  db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
    `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
  );

beforeEach(async () => {
  db = await createTestDatabase();
  await db.sql.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-migrations-"));
});
afterEach(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("migrate", () => {
  it("applies migrations in name order and records them as Prisma does", async () => {
    writeMigration("20260102000000_second", `ALTER TABLE "thing" ADD COLUMN "size" INTEGER;`);
    writeMigration("20260101000000_first", `CREATE TABLE "thing" ("id" SERIAL PRIMARY KEY);\nCREATE INDEX "thing_id_idx" ON "thing"("id");`);
    expect(await migrate(db.sql, dir)).toEqual(["20260101000000_first", "20260102000000_second"]);
    const rows = await history();
    expect(rows.map((r) => r.migration_name)).toEqual(["20260101000000_first", "20260102000000_second"]);
    const sha = createHash("sha256")
      .update(fs.readFileSync(path.join(dir, "20260101000000_first", "migration.sql")))
      .digest("hex");
    expect(rows[0]).toMatchObject({ checksum: sha, applied_steps_count: 1, finished_at: expect.any(Date) });
    expect(await db.sql.query(`SELECT size FROM thing`)).toEqual([]);
  });

  it("does nothing the second time, and applies only what is new", async () => {
    writeMigration("20260101000000_first", `CREATE TABLE "thing" ("id" SERIAL PRIMARY KEY);`);
    await migrate(db.sql, dir);
    expect(await migrate(db.sql, dir)).toEqual([]);
    writeMigration("20260103000000_third", `CREATE TABLE "other" ("id" SERIAL PRIMARY KEY);`);
    expect(await migrate(db.sql, dir)).toEqual(["20260103000000_third"]);
    expect(await history()).toHaveLength(2);
  });

  it("refuses to run when an applied migration's file has changed", async () => {
    writeMigration("20260101000000_first", `CREATE TABLE "thing" ("id" SERIAL PRIMARY KEY);`);
    await migrate(db.sql, dir);
    writeMigration("20260101000000_first", `CREATE TABLE "thing" ("id" BIGSERIAL PRIMARY KEY);`);
    writeMigration("20260102000000_second", `CREATE TABLE "other" ("id" SERIAL PRIMARY KEY);`);
    await expect(migrate(db.sql, dir)).rejects.toThrow(/20260101000000_first 已应用，但其 migration.sql 之后被修改过/);
    expect(await history()).toHaveLength(1);
  });

  it("rolls back a failing migration whole and records nothing for it", async () => {
    writeMigration("20260101000000_first", `CREATE TABLE "thing" ("id" SERIAL PRIMARY KEY);`);
    writeMigration("20260102000000_broken", `CREATE TABLE "half" ("id" INTEGER);\nSELECT * FROM "no_such_table";`);
    await expect(migrate(db.sql, dir)).rejects.toThrow(/no_such_table/);
    expect((await history()).map((r) => r.migration_name)).toEqual(["20260101000000_first"]);
    expect(await db.sql.query(`SELECT to_regclass('half') AS t`)).toEqual([{ t: null }]);
  });

  it("reads the project's migrations with their checksums", () => {
    const files = readMigrations();
    expect(files.length).toBeGreaterThan(0);
    expect(files[0]!.name).toMatch(/^\d{14}_/);
    expect(files[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});
