import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { loadSheetScope } from "@/lib/sheets/sheet-scope";
import { assertMonthOpen } from "@/lib/progress/month-open";
import { loadScope, writeSheet } from "@/lib/sheets/write-sheet";
import { FILE_TX_OPTIONS, lockContent, removeIfUnreferenced } from "./content-lock";
import { auditShape, type EvidenceFileView, evidenceSelect, toEvidenceView } from "./evidence-view";
import { idOf } from "@/lib/input";

/**
 * 删除佐证资料: the sheet's assigned lead removes a file while its month is open for reporting
 * (assertMonthOpen, as for progress). The stored bytes go only when no other row refers to the same content.
 */
export async function deleteEvidence(prisma: PrismaClient, actor: Actor, input: { id: number }, options: { now?: Date } = {}): Promise<EvidenceFileView> {
  const id = parseInput(idOf("佐证资料编号有误"), input.id, "佐证资料编号有误");
  const found = await prisma.evidenceFile.findUnique({ where: { id }, select: { sheetId: true, month: true, sha256: true } });
  if (!found) throw new AppError("NOT_FOUND", "找不到该佐证资料");
  const sheet = await loadSheetScope(prisma, found.sheetId);
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该佐证资料");
  authorize(actor, { type: "evidence.write", sheet });

  const now = options.now ?? new Date();
  const deleted = await writeSheet(
    prisma,
    actor,
    { sheetId: found.sheetId, action: "evidence.write", load: loadScope },
    async (_sheet, { tx, audit }) => {
      await lockContent(tx, found.sha256);
      await assertMonthOpen(tx, found.sheetId, found.month, now, "删除佐证资料");
      const row = await tx.evidenceFile.findUnique({ where: { id }, select: evidenceSelect });
      if (!row) throw new AppError("NOT_FOUND", "找不到该佐证资料"); // deleted meanwhile
      await tx.evidenceFile.delete({ where: { id } });
      await audit({ action: "evidence.delete", entityType: "EvidenceFile", entityId: id, before: auditShape(row), after: null });
      return toEvidenceView(row);
    },
    { now, limits: FILE_TX_OPTIONS },
  );

  // After the commit, under the hash's lock again: a concurrent upload of the same content either
  // committed first (the file stays) or waits and puts the file back in place itself.
  await removeIfUnreferenced(prisma, deleted.sha256);
  return deleted;
}
