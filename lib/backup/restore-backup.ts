import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createGunzip } from "node:zlib";
import type { DbTarget } from "@/lib/db/config";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { type Database, openDatabase } from "@/lib/db/open";
import { dataDir } from "@/lib/db/config";
import { evidenceStore, putVerified } from "@/lib/storage/evidence-store";
import type { EvidenceStore } from "@/lib/storage/port";
import { type BackupManifest, MANIFEST_NAME, manifestSchema } from "./manifest";
import { insertLines, listTables, loadTables } from "./table-data";
import { readTar, type TarEntry } from "./tar";
import { BackupError } from "./write-backup";

/**
 * `db:restore`: an archive of writeBackup into an empty data directory / empty database. The archive is read
 * twice. The first pass checks everything before anything is written to the database: the manifest, that this
 * program knows every migration the backup was taken at (same names, same checksums), and every entry's size and
 * sha256; evidence files are unpacked into a scratch folder meanwhile. The second pass creates the schema as it
 * was at the backup (those migrations only), loads the tables in one transaction, then applies this program's
 * newer migrations, and puts the files into the evidence store configured now (lib/storage: the local directory or
 * S3 — a backup taken on one restores onto either), each checked against its hash again on the way in.
 */

export interface RestoreResult {
  manifest: BackupManifest;
  rows: number;
  files: number;
  /** Migrations of this program newer than the backup, applied after the load. */
  upgraded: string[];
}

const MAX_MANIFEST = 64 << 20;
const BATCH = 1000;

function archiveError(file: string, error: unknown): unknown {
  if (!/^Z_/.test(String((error as NodeJS.ErrnoException).code))) return error;
  return new BackupError(`${path.basename(file)} 不是完整的 .tar.gz 文件（${(error as Error).message}）：不是本系统的备份文件，或已损坏`);
}

async function* guarded<T>(file: string, items: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (error) {
    throw archiveError(file, error);
  }
}

/** The archive's entries; a file that is not gzip, or is damaged or cut short, is refused in words. */
async function* archiveEntries(file: string): AsyncGenerator<TarEntry> {
  for await (const entry of guarded(file, readTar(fs.createReadStream(file).pipe(createGunzip())))) {
    yield { ...entry, body: guarded(file, entry.body) };
  }
}

async function readManifest(entries: AsyncGenerator<TarEntry>): Promise<BackupManifest> {
  const first = await entries.next();
  if (first.done || first.value.name !== MANIFEST_NAME) throw new BackupError(`这不是本系统的备份文件：第一项应为 ${MANIFEST_NAME}`);
  if (first.value.size > MAX_MANIFEST) throw new BackupError(`${MANIFEST_NAME} 过大，备份文件已损坏`);
  const chunks: Buffer[] = [];
  for await (const chunk of first.value.body) chunks.push(Buffer.from(chunk));
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new BackupError(`${MANIFEST_NAME} 不是有效的 JSON，备份文件已损坏`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    throw new BackupError(`${MANIFEST_NAME} 的内容不符合备份格式：${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** The backup's migrations must be the first ones of this program, unchanged. */
function checkMigrations(manifest: BackupManifest): void {
  const local = readMigrations();
  manifest.migrations.forEach((migration, i) => {
    const mine = local[i];
    if (!mine || mine.name !== migration.name) {
      const known = local.some((m) => m.name === migration.name);
      throw new BackupError(
        known
          ? `备份的数据库结构与本程序不一致：第 ${i + 1} 个迁移是 ${migration.name}，本程序为 ${mine?.name ?? "（无）"}`
          : `备份来自更新版本的程序（含本程序没有的迁移 ${migration.name}）：请先升级程序再恢复`,
      );
    }
    if (mine.checksum !== migration.checksum) throw new BackupError(`迁移 ${migration.name} 的内容与备份时不同（校验和不符），不能恢复到本程序`);
  });
}

function expectedEntries(manifest: BackupManifest): Map<string, { size: number; sha256: string }> {
  const expected = new Map<string, { size: number; sha256: string }>();
  for (const item of [...manifest.tables, ...manifest.files]) {
    if (expected.has(item.entry)) throw new BackupError(`${MANIFEST_NAME} 重复列出 ${item.entry}，备份文件已损坏`);
    expected.set(item.entry, { size: item.size, sha256: item.sha256 });
  }
  for (const file of manifest.files)
    if (file.entry !== `uploads/${file.sha256.slice(0, 2)}/${file.sha256}`) throw new BackupError(`${MANIFEST_NAME} 中的文件名 ${file.entry} 与其校验值不符`);
  return expected;
}

/** Consumes an entry's body, hashing it (and writing it to `copyTo`), and checks size and hash. */
async function checkEntry(entry: TarEntry, expected: { size: number; sha256: string }, copyTo?: string): Promise<void> {
  if (entry.size !== expected.size) throw new BackupError(`备份中 ${entry.name} 的大小与清单不符，备份文件已损坏`);
  const hash = createHash("sha256");
  const out = copyTo ? await fs.promises.open(copyTo, "wx", 0o640) : null;
  try {
    for await (const chunk of entry.body) {
      hash.update(chunk);
      if (out) await out.write(chunk);
    }
    if (out) await out.sync();
  } finally {
    await out?.close();
  }
  if (hash.digest("hex") !== expected.sha256) throw new BackupError(`备份中 ${entry.name} 的 sha256 与清单不符，备份文件已损坏`);
}

/** Pass one: the manifest, every entry checked, the evidence files unpacked into `scratch`. */
async function verifyArchive(file: string, scratch: string): Promise<BackupManifest> {
  const entries = archiveEntries(file);
  const manifest = await readManifest(entries);
  checkMigrations(manifest);
  const expected = expectedEntries(manifest);
  const seen = new Set<string>();
  for await (const entry of entries) {
    const item = expected.get(entry.name);
    if (!item || seen.has(entry.name)) throw new BackupError(`备份中有清单之外的条目 ${entry.name}，备份文件已损坏`);
    seen.add(entry.name);
    await checkEntry(entry, item, entry.name.startsWith("uploads/") ? path.join(scratch, path.basename(entry.name)) : undefined);
  }
  const missing = [...expected.keys()].filter((name) => !seen.has(name));
  if (missing.length > 0) throw new BackupError(`备份不完整，缺少 ${missing.slice(0, 3).join("、")}${missing.length > 3 ? ` 等 ${missing.length} 项` : ""}`);
  return manifest;
}

async function* lines(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<string> {
  let rest = "";
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for await (const chunk of body) {
    const text = rest + decoder.decode(chunk, { stream: true });
    const parts = text.split("\n");
    rest = parts.pop()!;
    yield* parts;
  }
  rest += decoder.decode();
  if (rest !== "") yield rest;
}

/** Pass two: every table's rows, in one transaction. Returns the number of rows loaded. */
async function loadArchive(db: Database, file: string, manifest: BackupManifest): Promise<number> {
  const present = await listTables(db.sql);
  const archived = manifest.tables.map((t) => t.name).sort();
  if (present.join() !== archived.join()) {
    throw new BackupError(`备份中的表（${archived.join("、")}）与按其迁移建立的表（${present.join("、")}）不一致，备份文件已损坏`);
  }
  const byEntry = new Map(manifest.tables.map((t) => [t.entry, t]));
  let total = 0;
  await loadTables(db.sql, present, async (tx) => {
    for await (const entry of archiveEntries(file)) {
      const table = byEntry.get(entry.name);
      if (!table) continue;
      let batch: string[] = [];
      let rows = 0;
      for await (const line of lines(entry.body)) {
        batch.push(line);
        if (batch.length === BATCH) {
          await insertLines(tx, table.name, batch);
          rows += batch.length;
          batch = [];
        }
      }
      await insertLines(tx, table.name, batch);
      rows += batch.length;
      if (rows !== table.rows) throw new BackupError(`表 ${table.name} 应有 ${table.rows} 行，备份中读到 ${rows} 行`);
      total += rows;
    }
  });
  return total;
}

async function refuseNonEmptyDataDir(target: DbTarget, store: EvidenceStore): Promise<void> {
  if (target.engine === "pglite") {
    const pgdata = path.join(target.dataDir, "pgdata");
    if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) {
      throw new BackupError(`数据目录 ${target.dataDir} 不是空的（已有数据库 pgdata/）：恢复只写入空的数据目录。请指定新的 DATA_DIR，或先移走原有数据`);
    }
  }
  if (!(await store.isEmpty())) {
    throw new BackupError(
      store.kind === "local"
        ? `数据目录 ${dataDir()} 不是空的（uploads/ 中已有佐证资料）：恢复只写入空的数据目录。请指定新的 DATA_DIR，或先移走原有数据`
        : `佐证资料存储（${store.location}）不是空的：恢复只写入空的存储。请换一个空的存储桶，或先清空它`,
    );
  }
}

async function refuseNonEmptyDatabase(db: Database, target: DbTarget): Promise<void> {
  const tables = await db.sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name LIMIT 5`,
  );
  if (tables.length === 0) return;
  const where = target.engine === "postgres" ? "目标 PostgreSQL 数据库" : `数据目录 ${target.dataDir} 中的数据库`;
  throw new BackupError(
    `${where}不是空的（已有表 ${tables.map((t) => t.name).join("、")}）：恢复只写入空数据库。` +
      (target.engine === "postgres" ? "请新建一个空数据库（CREATE DATABASE …），把 DATABASE_URL 指向它后再恢复" : "请指定新的 DATA_DIR"),
  );
}

export async function restoreBackup(file: string, target: DbTarget, options: { store?: EvidenceStore } = {}): Promise<RestoreResult> {
  if (!fs.existsSync(file)) throw new BackupError(`找不到备份文件 ${file}`);
  const store = options.store ?? evidenceStore();
  await refuseNonEmptyDataDir(target, store);
  const scratch = path.join(dataDir(), `restore-tmp-${randomBytes(6).toString("hex")}`);
  await fs.promises.mkdir(scratch, { recursive: true });
  const createdPgdata = target.engine === "pglite" && !fs.existsSync(path.join(target.dataDir, "pgdata"));
  let db: Database | undefined;
  let loaded = false;
  try {
    const manifest = await verifyArchive(file, scratch);
    db = await openDatabase(target);
    await refuseNonEmptyDatabase(db, target);
    const names = new Set(manifest.migrations.map((m) => m.name));
    await migrate(db.sql, undefined, { only: (name) => names.has(name) });
    const rows = await loadArchive(db, file, manifest);
    const upgraded = await migrate(db.sql);
    loaded = true;
    for (const { sha256 } of manifest.files) {
      const unpacked = path.join(scratch, sha256);
      await putVerified(store, sha256, fs.createReadStream(unpacked));
      await fs.promises.rm(unpacked);
    }
    return { manifest, rows, files: manifest.files.length, upgraded };
  } finally {
    await db?.close().catch(() => undefined);
    await fs.promises.rm(scratch, { recursive: true, force: true });
    // A failed restore into a fresh data directory leaves it as it found it, so it can simply be run again.
    if (!loaded && createdPgdata && target.engine === "pglite") await fs.promises.rm(path.join(target.dataDir, "pgdata"), { recursive: true, force: true });
  }
}
