import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Actor, actorId } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { evidenceStore } from "@/lib/storage/evidence-store";
import { ContentTooLargeError, type StagedContent } from "@/lib/storage/port";
import { loadSheetScope } from "@/lib/sheets/sheet-scope";
import { assertMonthOpen } from "@/lib/progress/month-open";
import { loadScope, writeSheet } from "@/lib/sheets/write-sheet";
import { FILE_TX_OPTIONS, lockContent, removeIfUnreferenced } from "./content-lock";
import { assertRoomFor, lockUploaderQuota } from "./evidence-limits";
import { auditShape, type EvidenceFileView, evidenceSelect, toEvidenceView } from "./evidence-view";
import { idOf, monthSchema } from "@/lib/input";
import { ContentSniffer, checkEvidenceContent, checkEvidenceFile, sanitiseFileName } from "./file-type";
import { EVIDENCE_TYPES, extensionOf, MAX_EVIDENCE_BYTES, messages } from "./limits";
import { UploadTooLargeError } from "./upload-request";

export interface UploadEvidenceInput {
  sheetId: number;
  /** 1–12. */
  month: number;
  /** The indicator the file backs (must belong to the sheet); omitted or null for the month as a whole. */
  indicatorId?: number | null;
  file: EvidenceUpload;
}

/** The file: its bytes at hand (tests, scripts), or a stream read once, as it arrives (the upload route). */
export type EvidenceUpload = {
  /** As the browser sent it; sanitised before it is kept. */
  name: string;
  /** The Content-Type the browser declared: informative only, the stored type comes from the content. */
  type?: string;
} & ({ bytes: Uint8Array } | { stream: AsyncIterable<Uint8Array>; sizeHint?: number });

const inputSchema = z.object({
  sheetId: idOf("绩效目标表编号有误"),
  month: monthSchema,
  indicatorId: idOf("指标编号有误").nullish(),
});

const invalidFile = (message: string) => new AppError("INVALID", message, [{ path: "file", message }]);

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * 上传佐证资料: the sheet's assigned lead attaches a file to a month (optionally to one indicator) while
 * that month is open for reporting (assertMonthOpen, as for progress), within the store's limits (the sheet's and
 * the uploader's quotas, the local disk's free space: evidence-limits.ts). The bytes stream into the evidence store's
 * staging (lib/storage), hashed, counted and type-checked on the way, and become visible under their hash only
 * inside the transaction that adds the row; a refusal at any step leaves no file and no row.
 */
export async function uploadEvidence(prisma: PrismaClient, actor: Actor, input: UploadEvidenceInput, options: { now?: Date } = {}): Promise<EvidenceFileView> {
  const { sheetId, month, indicatorId } = parseInput(inputSchema, input, "上传信息有误");
  const now = options.now ?? new Date();
  const sheet = await loadSheetScope(prisma, sheetId);
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  authorize(actor, { type: "evidence.write", sheet });
  // Early, so a locked month is refused before 20 MB are read; checked again under lock below.
  await assertMonthOpen(prisma, sheetId, month, now, "上传佐证资料");

  // What can be judged before reading: the name's extension, and the size when the bytes are at hand.
  const { file } = input;
  const name = sanitiseFileName(file.name);
  if ("bytes" in file) {
    const check = checkEvidenceFile(file.name, file.bytes);
    if (!check.ok) throw invalidFile(check.message);
  } else if (!Object.hasOwn(EVIDENCE_TYPES, extensionOf(name))) throw invalidFile(messages.unsupportedType(name));
  if (indicatorId != null && !(await prisma.indicator.findFirst({ where: { id: indicatorId, sheetId }, select: { id: true } }))) {
    throw new AppError("INVALID", "该指标不属于此绩效目标表", [{ path: "indicatorId", message: "该指标不属于此绩效目标表" }]);
  }
  // Before a byte is read, with the size announced (a stream's is an estimate); again under the locks below with
  // the size received, where parallel uploads queue.
  const announced = "bytes" in file ? file.bytes.length : file.sizeHint;
  const userId = actorId(actor);
  await assertRoomFor(prisma, { sheetId, userId, name, size: Math.min(announced ?? 0, MAX_EVIDENCE_BYTES) });

  const store = evidenceStore();
  const sniffer = new ContentSniffer();
  let staged: StagedContent;
  try {
    staged = await store.stage("bytes" in file ? once(file.bytes) : file.stream, { maxBytes: MAX_EVIDENCE_BYTES, inspect: (chunk) => sniffer.push(chunk) });
  } catch (error) {
    if (error instanceof ContentTooLargeError)
      throw new UploadTooLargeError(messages.tooLarge(name, announced !== undefined && announced > MAX_EVIDENCE_BYTES ? announced : undefined));
    throw error;
  }
  let created = false;
  try {
    const check = checkEvidenceContent(file.name, staged.size, sniffer.signature());
    if (!check.ok) throw invalidFile(check.message);
    const room = { sheetId, userId, name: check.name, size: staged.size };
    return await writeSheet(
      prisma,
      actor,
      { sheetId, action: "evidence.write", load: loadScope },
      async (_sheet, { tx, audit }) => {
        if (room.userId !== null) await lockUploaderQuota(tx, room.userId);
        await assertRoomFor(tx, room);
        await lockContent(tx, staged.sha256);
        await assertMonthOpen(tx, sheetId, month, now, "上传佐证资料");
        ({ created } = await store.commit(staged));
        const row = await tx.evidenceFile.create({
          data: {
            sheetId,
            month,
            indicatorId: indicatorId ?? null,
            sha256: staged.sha256,
            originalName: check.name,
            mimeType: check.mime,
            sizeBytes: staged.size,
            uploadedById: userId,
          },
          select: evidenceSelect,
        });
        await audit({ action: "evidence.upload", entityType: "EvidenceFile", entityId: row.id, before: null, after: auditShape(row) });
        return toEvidenceView(row);
      },
      { now, limits: FILE_TX_OPTIONS },
    );
  } catch (error) {
    // The row did not commit: a file this upload put in place goes again, unless another row uses it.
    if (created) await removeIfUnreferenced(prisma, staged.sha256).catch(() => undefined);
    throw error;
  } finally {
    await store.discard(staged);
  }
}
