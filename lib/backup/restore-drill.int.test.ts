import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import type { DbTarget } from "@/lib/db/config";
import { type Database, openDatabase } from "@/lib/db/open";
import { finaliseEvaluation } from "@/lib/evaluation/finalise-evaluation";
import { saveEvaluation } from "@/lib/evaluation/save-evaluation";
import { uploadEvidence } from "@/lib/evidence/upload-evidence";
import { saveProgress } from "@/lib/progress/save-progress";
import { exportSheets, formatInterchange } from "@/lib/sheets/export-sheets";
import { createCliEnvironment } from "@/lib/testing/database";
import { createFixture, type Fixture, typedRows } from "@/lib/testing/evaluation-fixtures";
import { pdfOfSize, samples } from "@/lib/testing/evidence-samples";
import { storedFiles } from "@/lib/testing/evidence";
import { AFTER_2025 } from "@/lib/testing/progress-fixtures";
import { MANIFEST_NAME } from "./manifest";
import { restoreBackup } from "./restore-backup";
import { listTables, tableLines } from "./table-data";
import { readTar, type TarEntry, tarStream } from "./tar";
import { writeBackup } from "./write-backup";

/**
 * The restore drill (docs/security.md): a year in progress — progress entered, evidence uploaded, an evaluation
 * finalised — is backed up, restored into an empty embedded data directory (with DATABASE_URL the source is a
 * PostgreSQL database, and it is restored into an empty PostgreSQL database too), and the restored system answers
 * the same: the sheets' export, the audit log, every table row for row, and every evidence file byte for byte.
 */

let f: Fixture;
let source: string;
let work: string;
let archive: string;
const previousDataDir = process.env.DATA_DIR;

const useDataDir = (dir: string) => {
  process.env.DATA_DIR = dir;
};
const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Every table's rows as PostgreSQL writes them, in key order. */
async function allRows(db: Database): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  await db.sql.transaction(async (tx) => {
    for (const table of await listTables(tx)) {
      rows[table] = [];
      for await (const line of tableLines(tx, table)) rows[table].push(line);
    }
  });
  return rows;
}

async function collect(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const exported = async (db: Database) => formatInterchange(await exportSheets(db.prisma, SYSTEM, { year: 2025 }));
const auditLog = (db: Database) => db.prisma.auditLog.findMany({ orderBy: { id: "asc" } });
const fileHashes = (dataDir: string) => storedFiles(dataDir).map((name) => `${name} ${sha256(path.join(dataDir, "uploads", name))}`);

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-drill-"));
  source = path.join(work, "source");
  useDataDir(source);
  f = await createFixture();
  const lead = f.actors.lead;
  const rows = f.rows;
  await saveProgress(
    f.db.prisma,
    lead,
    { sheetId: f.sheetId, month: 7, rows: [{ indicatorId: rows[0]!.id, version: 0, value: "２" }], executed: { value: "1,234.50", version: 0 } },
    { now: AFTER_2025 },
  );
  await uploadEvidence(f.db.prisma, lead, {
    sheetId: f.sheetId,
    month: 7,
    indicatorId: rows[0]!.id,
    file: { name: "7月 工作资料.pdf", type: "application/pdf", bytes: samples.pdf },
  });
  await uploadEvidence(f.db.prisma, lead, {
    sheetId: f.sheetId,
    month: 7,
    file: { name: "大文件.pdf", type: "application/pdf", bytes: pdfOfSize(3 * 1024 * 1024 + 17) },
  });
  await saveEvaluation(f.db.prisma, f.actors.evaluator, {
    sheetId: f.sheetId,
    version: 0,
    executed: "1,500",
    rows: typedRows(f, { 4: { deviationReason: "指标值设定偏低，已扣分；下年度按实际能力调高" } }),
  });
  await finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1, earlyReason: "负责人未按期提交自评" });
  archive = path.join(work, "backup.tar.gz");
  await writeBackup(f.db, archive);
}, 600_000);

afterAll(async () => {
  await f?.db.close();
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  fs.rmSync(work, { recursive: true, force: true });
});

async function expectSameSystem(target: DbTarget, dataDir: string) {
  useDataDir(dataDir);
  const result = await restoreBackup(archive, target);
  expect(result.files).toBe(2);
  expect(result.upgraded).toEqual([]);
  const restored = await openDatabase(target);
  try {
    expect(await exported(restored)).toBe(await exported(f.db));
    const log = await auditLog(restored);
    expect(log.some((entry) => entry.action.startsWith("evaluation"))).toBe(true);
    expect(log).toEqual(await auditLog(f.db));
    expect(await allRows(restored)).toEqual(await allRows(f.db));
    const files = fileHashes(dataDir);
    expect(files).toHaveLength(2);
    expect(files).toEqual(fileHashes(source));
    for (const line of files) expect(line.split(" ")[0]!.split("/")[1]).toBe(line.split(" ")[1]);
    // New rows continue after the restored ids.
    const next = await restored.prisma.auditLog.create({ data: { actorId: null, action: "drill", entityType: "Drill", entityId: "1" } });
    expect(next.id).toBe(log.at(-1)!.id + 1n);
  } finally {
    await restored.close();
  }
}

describe("backup and restore", { timeout: 600_000 }, () => {
  it("the archive lists the schema, Beijing time and every entry's hash; tar reads it", async () => {
    const names: string[] = [];
    let manifest: { createdAt: string; migrations: { name: string }[]; files: unknown[] } | undefined;
    for await (const entry of readTar(fs.createReadStream(archive).pipe(createGunzip()))) {
      names.push(entry.name);
      if (entry.name === MANIFEST_NAME) manifest = JSON.parse((await collect(entry.body)).toString());
    }
    expect(names[0]).toBe(MANIFEST_NAME);
    expect(names).toContain("db/audit_log.jsonl");
    expect(names.filter((n) => n.startsWith("uploads/"))).toHaveLength(2);
    expect(manifest!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(manifest!.migrations.at(-1)!.name).toBe(
      fs
        .readdirSync("prisma/migrations")
        .filter((n) => /^\d/.test(n))
        .sort()
        .at(-1),
    );
  });

  it("restores into an empty data directory: export, audit log, rows and evidence files are identical", async () => {
    const dataDir = path.join(work, "restored");
    await expectSameSystem({ engine: "pglite", dataDir }, dataDir);
  });

  it.runIf(Boolean(process.env.DATABASE_URL?.trim()))("restores into an empty PostgreSQL database just as well", async () => {
    await expectSameSystem(await postgresTarget(), path.join(work, "restored-postgres"));
  });

  it("refuses a data directory or database that is not empty, naming it, and changes nothing", async () => {
    const dataDir = path.join(work, "restored");
    useDataDir(dataDir);
    const before = fileHashes(dataDir);
    await expect(restoreBackup(archive, { engine: "pglite", dataDir })).rejects.toThrow(/不是空的/);
    expect(fileHashes(dataDir)).toEqual(before);
  });

  it("refuses an archive whose entry changed, or from a newer schema, before writing anything", async () => {
    const altered = await rewritten("altered", (name, bytes) =>
      name === "db/audit_log.jsonl" ? Buffer.from(bytes.toString().replace("evaluation", "evaluatiom")) : bytes,
    );
    const newer = await rewritten("newer", (name, bytes) => {
      if (name !== MANIFEST_NAME) return bytes;
      const manifest = JSON.parse(bytes.toString());
      manifest.migrations.push({ name: "29991231000000_future", checksum: "0".repeat(64) });
      return Buffer.from(JSON.stringify(manifest));
    });
    for (const [file, message] of [
      [altered, /备份中 db\/audit_log\.jsonl 的 sha256 与清单不符/],
      [newer, /备份来自更新版本的程序（含本程序没有的迁移 29991231000000_future）/],
    ] as const) {
      const dataDir = path.join(work, `refused-${path.basename(file)}`);
      useDataDir(dataDir);
      await expect(restoreBackup(file, { engine: "pglite", dataDir })).rejects.toThrow(message);
      expect(fs.existsSync(path.join(dataDir, "pgdata"))).toBe(false);
      expect(storedFiles(dataDir)).toEqual([]);
    }
  });
});

/** The drill's archive with entries edited (sizes follow the new content; the manifest's hashes do not). */
async function rewritten(name: string, edit: (entry: string, bytes: Buffer) => Buffer): Promise<string> {
  const entries: TarEntry[] = [];
  for await (const entry of readTar(fs.createReadStream(archive).pipe(createGunzip()))) {
    const bytes = edit(entry.name, await collect(entry.body));
    entries.push({ name: entry.name, size: bytes.length, body: [bytes] });
  }
  const file = path.join(work, `${name}.tar.gz`);
  await pipeline(Readable.from(tarStream(entries)), createGzip(), fs.createWriteStream(file));
  return file;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function postgresTarget(): Promise<DbTarget> {
  const env = await createCliEnvironment();
  cleanups.push(env.cleanup);
  return { engine: "postgres", url: env.env.DATABASE_URL! };
}
