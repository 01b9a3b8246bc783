import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import { auditMark } from "@/lib/testing/audit";
import type { AuditLog, PrismaClient } from "@/lib/generated/prisma/client";
import { getProgress } from "@/lib/progress/get-progress";
import { AFTER_2025 } from "@/lib/testing/progress-fixtures";
import type { DemoActor, DemoUsername } from "@/lib/testing/demo-actors";
import { SEED_SHEET_NAMES, seededTestDatabase, sheetIdsByName } from "@/lib/testing/factory";
import { deleteEvidence } from "./delete-evidence";
import { pdfOfSize, samples } from "@/lib/testing/evidence-samples";
import { MAX_EVIDENCE_BYTES } from "./limits";
import { listEvidence } from "./list-evidence";
import { readEvidence } from "./read-evidence";
import { uploadEvidence, type UploadEvidenceInput } from "./upload-evidence";
import { readAll, storedFiles, useTempDataDir } from "@/lib/testing/evidence";

let db: Database;
let data: ReturnType<typeof useTempDataDir>;
let actors: Record<DemoUsername, DemoActor>;
/** A sheet of `lead` (冯先生), with its first two indicators, and a sheet of `lead2`. */
let sheetId: number;
let indicatorIds: number[];
let otherSheetId: number;
let auditSince: () => Promise<AuditLog[]>;

// One seeded database per file (seeding is the slow part); each test starts with no evidence, no month
// rows and an empty DATA_DIR, and looks only at the audit entries appended since it started.
beforeAll(async () => {
  ({ db, actors } = await seededTestDatabase());
  const idOf = await sheetIdsByName(db.prisma);
  sheetId = idOf(SEED_SHEET_NAMES.liangqu);
  indicatorIds = (await db.prisma.indicator.findMany({ where: { sheetId }, orderBy: { position: "asc" }, select: { id: true } })).map((i) => i.id);
  otherSheetId = idOf(SEED_SHEET_NAMES.kepu);
});

afterAll(async () => {
  await db?.close();
});

beforeEach(async () => {
  data = useTempDataDir();
  await db.prisma.evidenceFile.deleteMany();
  await db.prisma.sheetMonth.deleteMany();
  auditSince = await auditMark(db.prisma);
});

afterEach(() => {
  data.restore();
});

const upload = (actor: Actor, overrides: Partial<UploadEvidenceInput> = {}, prisma: PrismaClient = db.prisma) =>
  uploadEvidence(prisma, actor, { sheetId, month: 7, file: { name: "2025年7月 工作资料.pdf", type: "application/pdf", bytes: samples.pdf }, ...overrides });

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const evidenceAudit = async () => (await auditSince()).filter((a) => a.entityType === "EvidenceFile");
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );

/** Nothing was stored: no row, no audit entry, no file (temporary files included). */
async function expectNothingStored() {
  expect(await db.prisma.evidenceFile.count()).toBe(0);
  expect(await evidenceAudit()).toHaveLength(0);
  expect(storedFiles(data.dir)).toEqual([]);
}

describe("the assigned lead", () => {
  it("uploads, lists, downloads and deletes a file, each change audited once", async () => {
    const file = await upload(actors.lead, { indicatorId: indicatorIds[0] });
    expect(file).toMatchObject({
      sheetId,
      month: 7,
      indicatorId: indicatorIds[0],
      originalName: "2025年7月 工作资料.pdf",
      mimeType: "application/pdf",
      sizeBytes: samples.pdf.length,
      sha256: sha(samples.pdf),
      uploadedBy: { id: actors.lead.id, displayName: "冯先生" },
    });
    const hash = sha(samples.pdf);
    expect(storedFiles(data.dir)).toEqual([path.join(hash.slice(0, 2), hash)]);
    expect(fs.readFileSync(path.join(data.dir, "uploads", hash.slice(0, 2), hash))).toEqual(Buffer.from(samples.pdf));

    expect(await listEvidence(db.prisma, actors.lead, { sheetId })).toEqual([file]);
    expect(await listEvidence(db.prisma, actors.lead, { sheetId, month: 7, indicatorId: indicatorIds[0] })).toEqual([file]);
    expect(await listEvidence(db.prisma, actors.lead, { sheetId, month: 6 })).toEqual([]);
    expect(await listEvidence(db.prisma, actors.lead, { sheetId, indicatorId: null })).toEqual([]);
    expect(await canEdit(actors.lead, 7)).toBe(true);

    const download = await readEvidence(db.prisma, actors.lead, { id: file.id });
    expect(download.file).toEqual(file);
    expect(download.size).toBe(samples.pdf.length);
    expect(await readAll(download.stream)).toEqual(Buffer.from(samples.pdf));

    expect(await deleteEvidence(db.prisma, actors.lead, { id: file.id })).toEqual(file);
    expect(await db.prisma.evidenceFile.count()).toBe(0);
    expect(storedFiles(data.dir)).toEqual([]);
    await expect(readEvidence(db.prisma, actors.lead, { id: file.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteEvidence(db.prisma, actors.lead, { id: file.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const audit = await evidenceAudit();
    expect(audit.map((a) => [a.action, a.entityId, a.actorId])).toEqual([
      ["evidence.upload", String(file.id), file.uploadedBy!.id],
      ["evidence.delete", String(file.id), file.uploadedBy!.id],
    ]);
    const shape = {
      id: file.id,
      sheetId,
      month: 7,
      indicatorId: indicatorIds[0],
      originalName: file.originalName,
      mimeType: "application/pdf",
      sizeBytes: samples.pdf.length,
      sha256: hash,
    };
    expect([audit[0]!.before, audit[0]!.after]).toEqual([null, shape]);
    expect([audit[1]!.before, audit[1]!.after]).toEqual([shape, null]);
  });

  it("keeps the sanitised original name and types the file by its content", async () => {
    const file = await upload(actors.lead, { file: { name: "C:\\fakepath\\现场\u202E照片.JPG", type: "application/octet-stream", bytes: samples.png } });
    expect(file.originalName).toBe("现场照片.JPG");
    expect(file.mimeType).toBe("image/png");
    expect(file.indicatorId).toBeNull();
  });

  it("stores one file for the same content uploaded twice; deleting one row keeps it, deleting both removes it", async () => {
    const first = await upload(actors.lead, { month: 6 });
    const second = await upload(actors.lead, { month: 7, file: { name: "副本.pdf", bytes: samples.pdf } });
    expect(second.sha256).toBe(first.sha256);
    expect(storedFiles(data.dir)).toHaveLength(1);
    expect(await db.prisma.evidenceFile.count()).toBe(2);

    await deleteEvidence(db.prisma, actors.lead, { id: first.id });
    expect(storedFiles(data.dir)).toHaveLength(1);
    expect(await readAll((await readEvidence(db.prisma, actors.lead, { id: second.id })).stream)).toEqual(Buffer.from(samples.pdf));

    await deleteEvidence(db.prisma, actors.lead, { id: second.id });
    expect(storedFiles(data.dir)).toEqual([]);
    expect((await evidenceAudit()).map((a) => a.action)).toEqual(["evidence.upload", "evidence.upload", "evidence.delete", "evidence.delete"]);
  });

  it("keeps rows and stored files together when uploads and deletes of the same content race", async () => {
    for (let round = 0; round < 8; round++) {
      const first = await upload(actors.lead);
      const [, second] = await Promise.all([deleteEvidence(db.prisma, actors.lead, { id: first.id }), upload(actors.lead, { month: 8 })]);
      expect(await db.prisma.evidenceFile.findMany({ select: { id: true } })).toEqual([{ id: second.id }]);
      expect(await readAll((await readEvidence(db.prisma, actors.lead, { id: second.id })).stream)).toEqual(Buffer.from(samples.pdf));
      await deleteEvidence(db.prisma, actors.lead, { id: second.id });
      expect(storedFiles(data.dir)).toEqual([]);
    }
  });

  it("creates DATA_DIR/uploads when it is missing", async () => {
    fs.rmSync(data.dir, { recursive: true, force: true });
    await upload(actors.lead);
    expect(storedFiles(data.dir)).toHaveLength(1);
  });
});

describe("refusals store nothing", () => {
  it("refuses an oversized file", async () => {
    const e = await refusal(upload(actors.lead, { file: { name: "big.pdf", bytes: pdfOfSize(Math.round(25.3 * 1024 * 1024)) } }));
    expect(e).toMatchObject({ code: "INVALID", message: "文件「big.pdf」大小 25.3 MB，超过上限 20 MB" });
    await expectNothingStored();
    expect((await upload(actors.lead, { file: { name: "max.pdf", bytes: pdfOfSize(MAX_EVIDENCE_BYTES) } })).sizeBytes).toBe(MAX_EVIDENCE_BYTES);
  });

  it.each([
    ["a PE program named .pdf", "报告.pdf", samples.exe],
    ["an ELF program named .pdf", "报告.pdf", samples.elf],
    ["an .exe", "x.exe", samples.exe],
    ["html named .png", "图.png", samples.html],
  ])("refuses %s", async (_, name, bytes) => {
    const e = await refusal(upload(actors.lead, { file: { name, type: "application/pdf", bytes } }));
    expect(e).toMatchObject({ code: "INVALID", message: `文件「${name}」类型不支持：仅支持 PDF、图片、Office 文档和 zip 压缩包` });
    await expectNothingStored();
  });

  it("refuses an empty file, a bad month, an indicator of another sheet, a missing sheet", async () => {
    expect(await refusal(upload(actors.lead, { file: { name: "空.pdf", bytes: new Uint8Array() } }))).toMatchObject({
      code: "INVALID",
      message: "文件「空.pdf」是空文件，请选择有内容的文件",
    });
    expect(await refusal(upload(actors.lead, { month: 13 }))).toMatchObject({ code: "INVALID" });
    expect(await refusal(upload(actors.lead, { month: Number.NaN }))).toMatchObject({ code: "INVALID" });
    const foreign = await db.prisma.indicator.findFirstOrThrow({ where: { sheetId: otherSheetId } });
    expect(await refusal(upload(actors.lead, { indicatorId: foreign.id }))).toMatchObject({ code: "INVALID", message: "该指标不属于此绩效目标表" });
    expect(await refusal(upload(actors.lead, { sheetId: 999_999 }))).toMatchObject({ code: "NOT_FOUND" });
    await expectNothingStored();
  });

  it("refuses upload and delete in a submitted or approved month, allows them in a returned one", async () => {
    const kept = await upload(actors.lead, { month: 7 });
    const before = storedFiles(data.dir);
    await db.prisma.sheetMonth.create({ data: { sheetId, month: 7, status: "SUBMITTED" } });
    const other = { name: "另一份.png", bytes: samples.png };
    expect(await refusal(upload(actors.lead, { file: other }))).toMatchObject({ code: "LOCKED", message: "2025年7月已提交，不能再上传佐证资料" });
    expect(await refusal(deleteEvidence(db.prisma, actors.lead, { id: kept.id }))).toMatchObject({
      code: "LOCKED",
      message: "2025年7月已提交，不能再删除佐证资料",
    });
    expect(await canEdit(actors.lead, 7)).toBe(false);

    await db.prisma.sheetMonth.update({ where: { sheetId_month: { sheetId, month: 7 } }, data: { status: "APPROVED" } });
    expect(await refusal(upload(actors.lead, { file: other }))).toMatchObject({ code: "LOCKED", message: "2025年7月已审核通过，不能再上传佐证资料" });
    expect(await refusal(deleteEvidence(db.prisma, actors.lead, { id: kept.id }))).toMatchObject({
      code: "LOCKED",
      message: "2025年7月已审核通过，不能再删除佐证资料",
    });
    expect(await db.prisma.evidenceFile.count()).toBe(1);
    expect(storedFiles(data.dir)).toEqual(before);
    expect(await evidenceAudit()).toHaveLength(1);

    // Other months stay open; a returned month is open again.
    expect((await upload(actors.lead, { month: 8, file: other })).month).toBe(8);
    await db.prisma.sheetMonth.update({ where: { sheetId_month: { sheetId, month: 7 } }, data: { status: "RETURNED" } });
    await deleteEvidence(db.prisma, actors.lead, { id: kept.id });
    expect(await canEdit(actors.lead, 7)).toBe(true);
  });

  it("removes a file it put in place when the database write fails, but not one another row uses", async () => {
    const failing = failingAudit(db.prisma);
    const other = { name: "新的.png", bytes: samples.png };
    await expect(upload(actors.lead, { file: other }, failing)).rejects.toThrow("audit down");
    await expectNothingStored();

    const kept = await upload(actors.lead);
    await expect(upload(actors.lead, { month: 8 }, failing)).rejects.toThrow("audit down");
    expect(await db.prisma.evidenceFile.findMany({ select: { id: true } })).toEqual([{ id: kept.id }]);
    expect(storedFiles(data.dir)).toHaveLength(1);
  });
});

describe("who may do what", () => {
  it("refuses upload to everyone but the sheet's assigned lead, storing nothing", async () => {
    for (const name of ["lead2", "manager", "evaluator", "admin"] as const) {
      expect(await refusal(upload(actors[name])), name).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(
      await refusal(uploadEvidence(db.prisma, actors.lead, { sheetId: otherSheetId, month: 7, file: { name: "a.pdf", bytes: samples.pdf } })),
    ).toMatchObject({
      code: "FORBIDDEN",
    });
    await expectNothingStored();
  });

  it("lets managers, evaluators and admins list and download, but not delete; refuses another lead", async () => {
    const file = await upload(actors.lead);
    for (const name of ["manager", "evaluator", "admin"] as const) {
      expect(await listEvidence(db.prisma, actors[name], { sheetId, month: 7 }), name).toEqual([file]);
      expect(await readAll((await readEvidence(db.prisma, actors[name], { id: file.id })).stream), name).toEqual(Buffer.from(samples.pdf));
      expect(await refusal(deleteEvidence(db.prisma, actors[name], { id: file.id })), name).toMatchObject({ code: "FORBIDDEN" });
      expect(await canEdit(actors[name], 7), name).toBe(false);
    }
    expect(await refusal(listEvidence(db.prisma, actors.lead2, { sheetId }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(readEvidence(db.prisma, actors.lead2, { id: file.id }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(deleteEvidence(db.prisma, actors.lead2, { id: file.id }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(listEvidence(db.prisma, actors.lead, { sheetId: 999_999 }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.prisma.evidenceFile.count()).toBe(1);
    expect(storedFiles(data.dir)).toHaveLength(1);
  });

  it("refuses a manager of another department", async () => {
    const file = await upload(actors.lead);
    const department = await db.prisma.department.create({ data: { name: "其他局" } });
    const other = await db.prisma.user.create({
      data: { username: "m2", displayName: "李科长", passwordHash: "x", role: "MANAGER", departmentId: department.id },
    });
    const actor: Actor = { kind: "user", id: other.id, role: "MANAGER", departmentId: department.id, displayName: other.displayName };
    expect(await refusal(listEvidence(db.prisma, actor, { sheetId }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(readEvidence(db.prisma, actor, { id: file.id }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers NOT_FOUND for a file whose stored content is missing", async () => {
    const file = await upload(actors.lead);
    fs.rmSync(path.join(data.dir, "uploads"), { recursive: true });
    expect(await refusal(readEvidence(db.prisma, actors.lead, { id: file.id }))).toMatchObject({
      code: "NOT_FOUND",
      message: "佐证资料「2025年7月 工作资料.pdf」的文件已丢失，请重新上传",
    });
  });
});

/** The same client, except that writing the audit log fails inside transactions. */
function failingAudit(prisma: PrismaClient): PrismaClient {
  return new Proxy(prisma, {
    get(target, prop, receiver) {
      if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
      return (fn: (tx: unknown) => Promise<unknown>, options?: object) =>
        target.$transaction(
          (tx) =>
            fn(
              new Proxy(tx, {
                get(t, p, r) {
                  const down = () => Promise.reject(new Error("audit down"));
                  if (p === "auditLog") return { create: down, createMany: down };
                  // A write's audit batch is one raw INSERT (lib/audit/append-audit.ts).
                  if (p === "$executeRaw") {
                    return (sql: TemplateStringsArray, ...values: unknown[]) =>
                      sql.join("").includes('INTO "audit_log"') ? down() : (t as PrismaClient).$executeRaw(sql, ...values);
                  }
                  return Reflect.get(t, p, r);
                },
              }),
            ),
          options,
        );
    },
  });
}

/** The progress page's upload and delete controls: shown exactly when the progress form may be edited. */
const canEdit = async (actor: Actor, month: number, now = AFTER_2025) => (await getProgress(db.prisma, actor, { sheetId, month }, { now })).permissions.edit;

describe("the month must be open for reporting, as for progress", () => {
  const july = new Date("2025-07-15T04:00:00Z");
  const file = { name: "工作资料.pdf", type: "application/pdf", bytes: samples.pdf };

  it("refuses upload and delete in a month that has not begun", async () => {
    const kept = await uploadEvidence(db.prisma, actors.lead, { sheetId, month: 12, file }, { now: AFTER_2025 });
    expect(await refusal(uploadEvidence(db.prisma, actors.lead, { sheetId, month: 12, file }, { now: july }))).toMatchObject({
      code: "INVALID",
      message: "2025年12月尚未到来，还不能上传佐证资料",
    });
    expect(await refusal(deleteEvidence(db.prisma, actors.lead, { id: kept.id }, { now: july }))).toMatchObject({
      code: "INVALID",
      message: "2025年12月尚未到来，还不能删除佐证资料",
    });
    expect(await canEdit(actors.lead, 12, july)).toBe(false);
    expect(await db.prisma.evidenceFile.count()).toBe(1);
    expect(await evidenceAudit()).toHaveLength(1);

    // The current month is open.
    expect(await canEdit(actors.lead, 7, july)).toBe(true);
    expect((await uploadEvidence(db.prisma, actors.lead, { sheetId, month: 7, file }, { now: july })).month).toBe(7);
  });

  it("refuses upload and delete on a sheet that is not published", async () => {
    const kept = await upload(actors.lead);
    await db.prisma.targetSheet.update({ where: { id: sheetId }, data: { status: "DRAFT" } });
    try {
      expect(await refusal(upload(actors.lead, { file }))).toMatchObject({ code: "INVALID", message: "该绩效目标表尚未发布，发布后才能上传佐证资料" });
      expect(await refusal(deleteEvidence(db.prisma, actors.lead, { id: kept.id }))).toMatchObject({
        code: "INVALID",
        message: "该绩效目标表尚未发布，发布后才能删除佐证资料",
      });
      // A draft is its author's, the department's managers' and admins': not even readable by the lead assigned to it.
      expect(await refusal(canEdit(actors.lead, 7))).toMatchObject({ code: "FORBIDDEN" });
      expect(await db.prisma.evidenceFile.count()).toBe(1);
      expect(await evidenceAudit()).toHaveLength(1);
    } finally {
      await db.prisma.targetSheet.update({ where: { id: sheetId }, data: { status: "PUBLISHED" } });
    }
  });
});
