import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { writeBackup } from "@/lib/backup/write-backup";
import type { Database } from "@/lib/db/open";
import { openDatabase } from "@/lib/db/open";
import { s3Store } from "@/lib/storage/s3-store";
import type { DemoActor, DemoUsername } from "@/lib/testing/demo-actors";
import { pdfOfSize, samples } from "@/lib/testing/evidence-samples";
import { readAll, storedFiles } from "@/lib/testing/evidence";
import { SEED_SHEET_NAMES, seededTestDatabase, sheetIdsByName } from "@/lib/testing/factory";
import { type S3TestServer, startS3Server } from "@/lib/testing/s3-server";
import { deleteEvidence } from "./delete-evidence";
import { setEvidenceLimits } from "./set-evidence-limits";
import { DEFAULT_EVIDENCE_LIMITS } from "./storage-limits";
import { MAX_EVIDENCE_BYTES } from "./limits";
import { readEvidence } from "./read-evidence";
import { uploadEvidence } from "./upload-evidence";
import { UploadTooLargeError } from "./upload-request";

// The evidence use cases and the backup with EVIDENCE_STORE=s3, against a real S3-protocol server (s3rver): the
// same behaviour as on the local directory (evidence.int.test.ts), the bytes in the bucket.

let db: Database;
let actors: Record<DemoUsername, DemoActor>;
let sheetId: number;
let server: S3TestServer;
let work: string;
const saved: Record<string, string | undefined> = {};

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const bucket = () => s3Store(server.settings);

async function* inChunks(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const streamed = (name: string, bytes: Uint8Array) => ({ name, type: "application/pdf", stream: inChunks(bytes), sizeHint: bytes.length });

beforeAll(async () => {
  server = await startS3Server();
  work = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-evidence-s3-"));
  for (const [key, value] of Object.entries({ ...server.env, DATA_DIR: path.join(work, "data") })) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
  ({ db, actors } = await seededTestDatabase());
  sheetId = (await sheetIdsByName(db.prisma))(SEED_SHEET_NAMES.liangqu);
}, 120_000);

afterAll(async () => {
  await db?.close();
  await server?.stop();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  fs.rmSync(work, { recursive: true, force: true });
});

beforeEach(async () => {
  await db.prisma.evidenceFile.deleteMany();
  await db.prisma.sheetMonth.deleteMany();
});

describe("evidence in S3-compatible storage", () => {
  it("streams an upload into the bucket, serves it whole and by range, stores equal content once and deletes it", async () => {
    const bytes = pdfOfSize(300_000);
    const file = await uploadEvidence(db.prisma, actors.lead, { sheetId, month: 7, file: streamed("7月 资料.pdf", bytes) });
    expect(file).toMatchObject({ sha256: sha(bytes), sizeBytes: bytes.length, mimeType: "application/pdf" });
    expect(await bucket().stat(sha(bytes))).toEqual({ size: bytes.length });
    expect(storedFiles(process.env.DATA_DIR!)).toEqual([]); // nothing on the local disk

    const whole = await readEvidence(db.prisma, actors.manager, { id: file.id });
    expect(whole.range).toBeNull();
    expect(await readAll(whole.stream)).toEqual(Buffer.from(bytes));
    const part = await readEvidence(db.prisma, actors.manager, { id: file.id, range: "bytes=1000-1999" });
    expect(part).toMatchObject({ size: bytes.length, range: { start: 1000, end: 1999 } });
    expect(await readAll(part.stream)).toEqual(Buffer.from(bytes.subarray(1000, 2000)));

    const again = await uploadEvidence(db.prisma, actors.lead, { sheetId, month: 7, file: streamed("副本.pdf", bytes) });
    await deleteEvidence(db.prisma, actors.lead, { id: file.id });
    expect(await bucket().stat(sha(bytes))).toEqual({ size: bytes.length });
    await deleteEvidence(db.prisma, actors.lead, { id: again.id });
    expect(await bucket().stat(sha(bytes))).toBeNull();
  });

  it("refuses a stream past the limit or of the wrong type, storing nothing", async () => {
    const big = pdfOfSize(MAX_EVIDENCE_BYTES + 100_000);
    const error = await uploadEvidence(db.prisma, actors.lead, { sheetId, month: 7, file: { name: "大.pdf", stream: inChunks(big) } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadTooLargeError);
    expect((error as Error).message).toBe("文件「大.pdf」超过上限 20 MB");
    const disguised = await uploadEvidence(db.prisma, actors.lead, { sheetId, month: 7, file: streamed("setup.pdf", samples.exe) }).catch((e: unknown) => e);
    expect(disguised).toMatchObject({ code: "INVALID", message: "文件「setup.pdf」类型不支持：仅支持 PDF、图片、Office 文档和 zip 压缩包" });
    expect(await db.prisma.evidenceFile.count()).toBe(0);
    expect(await bucket().isEmpty()).toBe(true);
  });

  it("applies the quotas but no disk-space limit (object storage has no disk to fill)", async () => {
    await setEvidenceLimits(db.prisma, actors.admin, { ...DEFAULT_EVIDENCE_LIMITS, sheetQuotaMb: 1, minFreeMb: 10 * 1024 * 1024, version: 0 });
    try {
      await uploadEvidence(db.prisma, actors.lead, { sheetId, month: 7, file: streamed("a.pdf", pdfOfSize(600_000)) });
      const refused = await uploadEvidence(db.prisma, actors.lead, { sheetId, month: 7, file: streamed("b.pdf", pdfOfSize(600_000, 0x21)) }).catch(
        (e: unknown) => e,
      );
      expect(refused).toMatchObject({ code: "STORAGE_FULL", message: expect.stringContaining("超出每张绩效目标表的佐证资料配额 1 MB") });
    } finally {
      await db.prisma.evidenceLimits.deleteMany();
    }
  });

  it("backs up the bucket's files and restores them into an empty bucket, refusing one that is not empty", { timeout: 600_000 }, async () => {
    const bytes = pdfOfSize(2 * 1024 * 1024 + 5);
    await uploadEvidence(db.prisma, actors.lead, { sheetId, month: 7, file: streamed("备份.pdf", bytes) });
    const archive = path.join(work, "s3.tar.gz");
    const { manifest } = await writeBackup(db, archive);
    expect(manifest.files).toEqual([{ entry: `uploads/${sha(bytes).slice(0, 2)}/${sha(bytes)}`, size: bytes.length, sha256: sha(bytes) }]);

    // Refused before anything is read or written: this bucket holds evidence.
    await expect(restoreBackup(archive, { engine: "pglite", dataDir: path.join(work, "refused") }, { store: bucket() })).rejects.toThrow(
      /佐证资料存储（S3 对象存储 .* 存储桶 evidence-test）不是空的：恢复只写入空的存储/,
    );
    expect(fs.existsSync(path.join(work, "refused", "pgdata"))).toBe(false);

    const other = await startS3Server({ bucket: "restored" });
    try {
      const empty = s3Store(other.settings);
      const dataDir = path.join(work, "restored");
      await restoreBackup(archive, { engine: "pglite", dataDir }, { store: empty });
      expect(await readAll((await empty.open(sha(bytes)))!.stream)).toEqual(Buffer.from(bytes));
      const restored = await openDatabase({ engine: "pglite", dataDir });
      expect(await restored.prisma.evidenceFile.findMany({ select: { sha256: true } })).toEqual([{ sha256: sha(bytes) }]);
      await restored.close();
    } finally {
      await other.stop();
    }
  });
});
