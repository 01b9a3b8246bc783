import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Actor, actorId } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { loadSheetScope } from "@/lib/sheets/sheet-scope";
import { assertMonthOpen } from "@/lib/progress/month-open";
import { loadScope, writeSheet } from "@/lib/sheets/write-sheet";
import { FILE_TX_OPTIONS, lockContent, removeIfUnreferenced } from "./content-lock";
import { assertRoomFor, lockUploaderQuota } from "./evidence-limits";
import { auditShape, type EvidenceFileView, evidenceSelect, toEvidenceView } from "./evidence-view";
import { idOf, monthSchema } from "@/lib/input";
import { checkEvidenceFile } from "./file-type";
import { commitStaged, discardStaged, stageContent, type StagedContent } from "./storage";

export interface UploadEvidenceInput {
  sheetId: number;
  /** 1–12. */
  month: number;
  /** The indicator the file backs (must belong to the sheet); omitted or null for the month as a whole. */
  indicatorId?: number | null;
  file: {
    /** As the browser sent it; sanitised before it is kept. */
    name: string;
    /** The Content-Type the browser declared: informative only, the stored type comes from the content. */
    type?: string;
    bytes: Uint8Array;
  };
}

const inputSchema = z.object({
  sheetId: idOf("绩效目标表编号有误"),
  month: monthSchema,
  indicatorId: idOf("指标编号有误").nullish(),
});

/**
 * 上传佐证资料: the sheet's assigned lead attaches a file to a month (optionally to one indicator) while
 * that month is open for reporting (assertMonthOpen, as for progress), within the store's limits (the sheet's and
 * the uploader's quotas, the disk's free space: evidence-limits.ts). The bytes are stored once per content under
 * DATA_DIR/uploads; a refusal at any step leaves no file and no row.
 */
export async function uploadEvidence(prisma: PrismaClient, actor: Actor, input: UploadEvidenceInput, options: { now?: Date } = {}): Promise<EvidenceFileView> {
  const { sheetId, month, indicatorId } = parseInput(inputSchema, input, "上传信息有误");
  const now = options.now ?? new Date();
  const sheet = await loadSheetScope(prisma, sheetId);
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  authorize(actor, { type: "evidence.write", sheet });
  // Early, so a locked month is refused before 20 MB are written; checked again under lock below.
  await assertMonthOpen(prisma, sheetId, month, now, "上传佐证资料");

  const check = checkEvidenceFile(input.file.name, input.file.bytes);
  if (!check.ok) throw new AppError("INVALID", check.message, [{ path: "file", message: check.message }]);
  if (indicatorId != null && !(await prisma.indicator.findFirst({ where: { id: indicatorId, sheetId }, select: { id: true } }))) {
    throw new AppError("INVALID", "该指标不属于此绩效目标表", [{ path: "indicatorId", message: "该指标不属于此绩效目标表" }]);
  }
  // Before a byte is written; again under the locks below, where parallel uploads queue.
  const room = { sheetId, userId: actorId(actor), name: check.name, size: input.file.bytes.length };
  await assertRoomFor(prisma, room);

  const staged: StagedContent = await stageContent(input.file.bytes);
  let created = false;
  try {
    return await writeSheet(
      prisma,
      actor,
      { sheetId, action: "evidence.write", load: loadScope },
      async (_sheet, { tx, audit }) => {
        if (room.userId !== null) await lockUploaderQuota(tx, room.userId);
        await assertRoomFor(tx, room);
        await lockContent(tx, staged.sha256);
        await assertMonthOpen(tx, sheetId, month, now, "上传佐证资料");
        ({ created } = await commitStaged(staged, input.file.bytes.length));
        const row = await tx.evidenceFile.create({
          data: {
            sheetId,
            month,
            indicatorId: indicatorId ?? null,
            sha256: staged.sha256,
            originalName: check.name,
            mimeType: check.mime,
            sizeBytes: input.file.bytes.length,
            uploadedById: actorId(actor),
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
    await discardStaged(staged);
  }
}
