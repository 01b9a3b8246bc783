import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open";
import { readMigrations } from "@/lib/db/migrate";
import { beginShutdown } from "@/lib/db/shutdown";
import { createTestDatabase } from "@/lib/testing/database";
import { checkHealth, type HealthProbes } from "./check-health";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const program = readMigrations().map(({ name }) => ({ name }));
const probes = (over: Partial<HealthProbes> = {}): HealthProbes => ({
  database: async () => db,
  migrations: () => program,
  storage: async () => {},
  ...over,
});

describe("checkHealth (GET /api/health)", () => {
  it("is ok on a migrated database with writable storage", async () => {
    const report = await checkHealth(probes());
    expect(report).toMatchObject({
      status: "ok",
      shuttingDown: false,
      checks: { database: { ok: true }, migrations: { ok: true, pending: [], unknown: [], failed: [] }, storage: { ok: true } },
    });
  });

  it("is unavailable when this program has a migration the database lacks, and names how to fix it", async () => {
    const report = await checkHealth(probes({ migrations: () => [...program, { name: "29991231000000_next" }] }));
    expect(report.status).toBe("unavailable");
    expect(report.checks.migrations).toMatchObject({ ok: false, pending: ["29991231000000_next"], reason: "数据库缺少 1 个迁移：请先运行 npm run db:migrate" });
  });

  it("stays ok when the database is ahead (a rolling upgrade migrated it first)", async () => {
    const report = await checkHealth(probes({ migrations: () => program.slice(0, -1) }));
    expect(report.status).toBe("ok");
    expect(report.checks.migrations.unknown).toEqual([program.at(-1)!.name]);
  });

  it("is unavailable without a database or writable storage, saying which in plain words without the error's detail", async () => {
    const down = await checkHealth(
      probes({
        database: () => Promise.reject(new Error("connect ECONNREFUSED 10.1.2.3:5432")),
        storage: () => Promise.reject(new Error("EACCES: /srv/ptt/uploads")),
      }),
    );
    expect(down.status).toBe("unavailable");
    expect(down.checks.database).toMatchObject({ ok: false, reason: "无法连接数据库" });
    expect(down.checks.migrations).toMatchObject({ ok: false, reason: "数据库不可用，无法检查迁移" });
    expect(down.checks.storage).toMatchObject({ ok: false, reason: "佐证资料存储不可写" });
    expect(JSON.stringify(down)).not.toMatch(/10\.1\.2\.3|\/srv/);
  });

  it("answers unavailable while the process is stopping", async () => {
    beginShutdown();
    expect(await checkHealth(probes())).toMatchObject({ status: "unavailable", shuttingDown: true });
  });
});
