import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { formatTimestamp } from "@/lib/beijing-time";
import type { Database } from "@/lib/db/open";
import type { SqlDriver } from "@/lib/db/sql-driver";
import { dataDir } from "@/lib/db/config";
import { evidenceStore } from "@/lib/storage/evidence-store";
import type { EvidenceStore, HeldContent } from "@/lib/storage/port";
import { ContentMissingError } from "@/lib/storage/port";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupManifest, fileEntry, MANIFEST_NAME, tableEntry } from "./manifest";
import { listTables, tableLines } from "./table-data";
import { type TarEntry, tarStream } from "./tar";

/**
 * One consistent archive (.tar.gz) of the database and the evidence files (docs/security.md, "CSP 与备份恢复"),
 * whichever evidence store holds them (lib/storage): the archive is the same for both.
 *
 * The tables are read in one snapshot (a read-only REPEATABLE READ transaction; on PGlite, which has one
 * connection, the transaction also holds every other query back for its few seconds). Inside the same
 * transaction every evidence file the snapshot refers to is held (`EvidenceStore.hold`): the local directory
 * hard-links it into a scratch folder beside the uploads, so a file deleted afterwards keeps its bytes for the
 * archive; on S3 the object is only looked up, as objects never change under their hash. A file deleted between
 * the snapshot and its hold (another app process deleting evidence), or — on S3 — before the archive has read it,
 * starts the backup again with a fresh snapshot.
 */

export class BackupError extends Error {
  override name = "BackupError";
}

export interface BackupResult {
  manifest: BackupManifest;
  bytes: number;
}

interface Snapshot {
  migrations: { name: string; checksum: string }[];
  tables: { name: string; path: string; rows: number; size: number; sha256: string }[];
  files: ({ sha256: string } & HeldContent)[];
}

const ATTEMPTS = 3;

/** The scratch folder lives under the data directory, on the file system of the uploads, so links work. */
export const scratchRoot = () => path.join(dataDir(), "backup-tmp");

async function writeLines(lines: AsyncIterable<string>, file: string): Promise<{ rows: number; size: number; sha256: string }> {
  const hash = createHash("sha256");
  let rows = 0;
  let size = 0;
  const out = fs.createWriteStream(file);
  await pipeline(
    (async function* () {
      for await (const line of lines) {
        const bytes = Buffer.from(`${line}\n`, "utf8");
        hash.update(bytes);
        rows++;
        size += bytes.length;
        yield bytes;
      }
    })(),
    out,
  );
  return { rows, size, sha256: hash.digest("hex") };
}

class FileVanished extends Error {}

async function takeSnapshot(sql: SqlDriver, store: EvidenceStore, scratch: string): Promise<Snapshot> {
  return sql.transaction(async (tx) => {
    await tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const migrations = await tx.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const tables: Snapshot["tables"] = [];
    for (const name of await listTables(tx)) {
      const file = path.join(scratch, `${name}.jsonl`);
      tables.push({ name, path: file, ...(await writeLines(tableLines(tx, name), file)) });
    }
    const hashes = await tx.query<{ sha256: string }>(`SELECT DISTINCT sha256 FROM "evidence_file" ORDER BY sha256`);
    const files: Snapshot["files"] = [];
    for (const { sha256 } of hashes) {
      const held = await store.hold(sha256, scratch);
      if (!held) throw new FileVanished(sha256);
      files.push({ sha256, ...held });
    }
    return { migrations, tables, files };
  });
}

/** A file's bytes, checked against the hash it is stored under: a damaged file fails the backup. */
async function* verified(file: HeldContent, sha256: string, store: EvidenceStore): AsyncGenerator<Uint8Array> {
  const hash = createHash("sha256");
  try {
    for await (const chunk of file.open()) {
      hash.update(chunk);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ContentMissingError) throw new FileVanished(sha256);
    throw error;
  }
  if (hash.digest("hex") !== sha256) throw new BackupError(`佐证资料文件 ${sha256}（${store.location}）的内容与其校验值不符（文件已损坏），备份未完成`);
}

/** `绩效目标管理-备份-20261202-2305.tar.gz` (Beijing time). */
export const backupFileName = (now: Date) => `绩效目标管理-备份-${formatTimestamp(now).replace(/[-:]/g, "").replace(" ", "-")}.tar.gz`;

const fileBody = (file: string) => fs.createReadStream(file) as AsyncIterable<Uint8Array>;

/** Writes the archive to `destination` (replaced only once it is complete). */
export async function writeBackup(db: Database, destination: string, options: { now?: Date; store?: EvidenceStore } = {}): Promise<BackupResult> {
  const store = options.store ?? evidenceStore();
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeArchive(db, store, destination, options.now);
    } catch (error) {
      if (!(error instanceof FileVanished) || attempt >= ATTEMPTS) throw error;
    }
  }
}

async function writeArchive(db: Database, store: EvidenceStore, destination: string, now: Date | undefined): Promise<BackupResult> {
  await fs.promises.mkdir(scratchRoot(), { recursive: true });
  const scratch = await fs.promises.mkdtemp(path.join(scratchRoot(), "backup-"));
  const partial = `${destination}.${randomBytes(4).toString("hex")}.part`;
  try {
    const snapshot = await takeSnapshot(db.sql, store, scratch);
    if (snapshot.migrations.length === 0) throw new BackupError("数据库尚未建立（没有已应用的迁移），没有可备份的内容");
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: formatTimestamp(now ?? new Date()),
      engine: db.sql.engine,
      migrations: snapshot.migrations,
      tables: snapshot.tables.map((t) => ({ name: t.name, entry: tableEntry(t.name), rows: t.rows, size: t.size, sha256: t.sha256 })),
      files: snapshot.files.map((f) => ({ entry: fileEntry(f.sha256), size: f.size, sha256: f.sha256 })),
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8");
    const { tables, files } = snapshot;
    const entries = function* (): Generator<TarEntry> {
      yield { name: MANIFEST_NAME, size: manifestBytes.length, body: [manifestBytes] };
      for (const t of tables) yield { name: tableEntry(t.name), size: t.size, body: fileBody(t.path) };
      for (const f of files) yield { name: fileEntry(f.sha256), size: f.size, body: verified(f, f.sha256, store) };
    };
    await pipeline(Readable.from(tarStream(entries())), createGzip(), fs.createWriteStream(partial, { flags: "wx", mode: 0o600 }));
    await fs.promises.rename(partial, destination);
    return { manifest, bytes: (await fs.promises.stat(destination)).size };
  } finally {
    await fs.promises.rm(partial, { force: true });
    await fs.promises.rm(scratch, { recursive: true, force: true });
  }
}
