import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import { auditMark } from "@/lib/testing/audit";
import type { DemoUsername } from "@/lib/testing/demo-actors";
import { outcome, refusal } from "@/lib/testing/errors";
import { storedFiles, useTempDataDir } from "@/lib/testing/evidence";
import { pdfOfSize } from "@/lib/testing/evidence-samples";
import { SEED_SHEET_NAMES, seededTestDatabase, sheetIdsByName } from "@/lib/testing/factory";
import { AFTER_2025 } from "@/lib/testing/progress-fixtures";
import { evidenceDiskSpace } from "./evidence-limits";
import { getEvidenceSettings } from "./get-evidence-settings";
import { setEvidenceLimits } from "./set-evidence-limits";
import { DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits } from "./storage-limits";
import { uploadEvidence } from "./upload-evidence";

/**
 * The limits of the evidence store (issue 11), on a real database and a temporary DATA_DIR: a quota per sheet, a
 * quota per uploader, a refusal when the disk would be nearly full — each refusal naming its limit, leaving no row,
 * no stored file and no staged file behind — and the admin's settings that set them.
 */

let db: Database;
let actors: Record<DemoUsername, UserActor>;
let data: ReturnType<typeof useTempDataDir>;
let liangqu: number;
let peitao: number;
const KB = 1024;

beforeAll(async () => {
  ({ db, actors } = await seededTestDatabase());
  const idOf = await sheetIdsByName(db.prisma);
  liangqu = idOf(SEED_SHEET_NAMES.liangqu);
  peitao = idOf(SEED_SHEET_NAMES.peitao);
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  data = useTempDataDir();
  await db.prisma.evidenceFile.deleteMany();
  await db.prisma.evidenceLimits.deleteMany();
});
afterEach(() => data.restore());

/** Sets the limits as the admin would (the defaults for what is not given). */
async function limit(changes: Partial<EvidenceLimits>) {
  const { version } = await getEvidenceSettings(db.prisma, actors.admin);
  await setEvidenceLimits(db.prisma, actors.admin, { ...DEFAULT_EVIDENCE_LIMITS, ...changes, version });
}

let fill = 0x21;
/** A new PDF of `kb` KB (each one different content). */
const pdf = (kb: number) => pdfOfSize(kb * KB, fill++);
const upload = (sheetId: number, bytes: Uint8Array, name = "工作资料.pdf") =>
  uploadEvidence(db.prisma, actors.lead, { sheetId, month: 7, file: { name, bytes } }, { now: AFTER_2025 });

async function expectNothingStoredBeyond(rows: number) {
  expect(await db.prisma.evidenceFile.count()).toBe(rows);
  // The stored files, and nothing left in uploads/.incoming.
  expect(storedFiles(data.dir).filter((f) => f.startsWith(".incoming"))).toEqual([]);
  expect(storedFiles(data.dir)).toHaveLength(rows);
}

describe("the quota per sheet", () => {
  it("refuses the upload that would pass it, naming the quota and what the sheet already uses, and stores nothing of it", async () => {
    await limit({ sheetQuotaMb: 1 });
    await upload(liangqu, pdf(600));
    const error = await refusal(upload(liangqu, pdf(600), "第二份.pdf"));
    expect(error.code).toBe("STORAGE_FULL");
    expect(error.message).toBe(
      "文件「第二份.pdf」（0.6 MB）超出每张绩效目标表的佐证资料配额 1 MB：本表已用 0.6 MB。请删除不再需要的文件，或请管理员在系统管理中调整配额",
    );
    expect(error.problems).toEqual([{ path: "file", message: error.message }]);
    await expectNothingStoredBeyond(1);
    // Another sheet of the same lead still has room.
    await upload(peitao, pdf(600));
    await expectNothingStoredBeyond(2);
  });

  it("holds when uploads race: of two that fit alone but not together, one is stored", async () => {
    await limit({ sheetQuotaMb: 1 });
    const results = await Promise.all([outcome(upload(liangqu, pdf(600), "甲.pdf")), outcome(upload(liangqu, pdf(600), "乙.pdf"))]);
    expect(results.sort()).toEqual(["OK", "STORAGE_FULL"]);
    await expectNothingStoredBeyond(1);
  });
});

describe("the quota per user", () => {
  it("counts the uploader's files on every sheet", async () => {
    await limit({ userQuotaMb: 1 });
    await upload(liangqu, pdf(700));
    const error = await refusal(upload(peitao, pdf(400), "配套.pdf"));
    expect(error).toMatchObject({
      code: "STORAGE_FULL",
      message: "文件「配套.pdf」（0.4 MB）超出每位用户的佐证资料配额 1 MB：您已上传 0.7 MB。请删除不再需要的文件，或请管理员在系统管理中调整配额",
    });
    await expectNothingStoredBeyond(1);
  });
});

describe("a nearly full disk", () => {
  it("refuses when the upload would leave less than the free space set, before writing a byte", async () => {
    await limit({ minFreeMb: 10 * 1024 * 1024, minFreePercent: 0 });
    const error = await refusal(upload(liangqu, pdf(10)));
    expect(error.code).toBe("STORAGE_FULL");
    expect(error.message).toMatch(
      /^服务器磁盘空间不足，文件「工作资料\.pdf」未上传：上传后剩余空间将低于 10240 GB 或磁盘的 0%（当前剩余 [\d.]+ [MG]B）。请联系管理员清理磁盘或调整阈值$/,
    );
    await expectNothingStoredBeyond(0);
  });

  it("refuses when the upload would leave less than the share of the disk set", async () => {
    const disk = (await evidenceDiskSpace())!;
    const freePercent = (disk.freeBytes / disk.totalBytes) * 100;
    // One point above what is free now (when the disk is nearly empty, this case cannot be made: the unit tests cover the rule).
    if (freePercent >= 99) return;
    await limit({ minFreeMb: 0, minFreePercent: Math.floor(freePercent) + 1 });
    expect(await refusal(upload(liangqu, pdf(10)))).toMatchObject({ code: "STORAGE_FULL" });
    await expectNothingStoredBeyond(0);
    await limit({ minFreeMb: 0, minFreePercent: Math.max(0, Math.floor(freePercent) - 1) });
    await upload(liangqu, pdf(10));
    await expectNothingStoredBeyond(1);
  });

  it("lets uploads through under the defaults", async () => {
    await upload(liangqu, pdf(100));
    await expectNothingStoredBeyond(1);
  });
});

describe("the settings (系统管理)", () => {
  it("are the defaults until an admin saves, and then theirs, audited", async () => {
    expect(await getEvidenceSettings(db.prisma, actors.admin)).toMatchObject({ limits: DEFAULT_EVIDENCE_LIMITS, version: 0 });
    const mark = await auditMark(db.prisma);
    await limit({ sheetQuotaMb: 300, userQuotaMb: 2048 });
    const settings = await getEvidenceSettings(db.prisma, actors.admin);
    expect(settings).toMatchObject({ limits: { ...DEFAULT_EVIDENCE_LIMITS, sheetQuotaMb: 300, userQuotaMb: 2048 }, version: 1 });
    expect(settings.disk?.totalBytes).toBeGreaterThan(0);
    const [entry] = await mark();
    expect(entry).toMatchObject({ action: "settings.evidence", entityType: "EvidenceLimits", entityId: "1" });
    expect(entry!.after).toEqual({ ...DEFAULT_EVIDENCE_LIMITS, sheetQuotaMb: 300, userQuotaMb: 2048 });
  });

  it("are the admin's alone, refuse a stale save and bad numbers by field", async () => {
    for (const who of ["manager", "lead", "evaluator"] as const) {
      expect(await outcome(getEvidenceSettings(db.prisma, actors[who]))).toBe("FORBIDDEN");
      expect(await outcome(setEvidenceLimits(db.prisma, actors[who], { ...DEFAULT_EVIDENCE_LIMITS, version: 0 }))).toBe("FORBIDDEN");
    }
    await limit({ sheetQuotaMb: 100 });
    expect(await refusal(setEvidenceLimits(db.prisma, actors.admin, { ...DEFAULT_EVIDENCE_LIMITS, version: 0 }))).toMatchObject({ code: "CONFLICT" });
    const bad = await refusal(
      setEvidenceLimits(db.prisma, actors.admin, { sheetQuotaMb: "0", userQuotaMb: "五百", minFreeMb: "-1", minFreePercent: "100", version: 1 }),
    );
    expect(bad.code).toBe("INVALID");
    expect(bad.problems.map((p) => p.path)).toEqual(["sheetQuotaMb", "userQuotaMb", "minFreeMb", "minFreePercent"]);
    expect((await getEvidenceSettings(db.prisma, actors.admin)).limits.sheetQuotaMb).toBe(100);
  });
});
