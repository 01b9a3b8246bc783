import "server-only";
import { z } from "zod";
import { idOf, versionSchema } from "@/lib/input";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { assertVersion, bumpSheetVersion, loadSheetForChange } from "./load-sheet";
import { hasLintErrors, lintErrors, lintProblems, lintStoredSheet } from "./sheet-lint";

export const publishSheetSchema = z.object({ sheetId: idOf("绩效目标表编号无效"), version: versionSchema });
export type PublishSheetInput = z.input<typeof publishSheetSchema>;

export interface PublishSheetResult {
  version: number;
  /** The lead who drafted the sheet and was made its LEAD by publishing, if any. */
  assignedLead: string | null;
}

/**
 * 审核通过并发布: an admin or the department's manager publishes a draft or a submitted draft,
 * → PUBLISHED. Refused while the lint finds errors. From then on its targets change only through
 * adjust-target.ts.
 *
 * A sheet drafted by a lead is assigned to that lead (SheetAssignment LEAD) here, so they report on
 * it through the year; audited as `assignment.create` like an admin's assignment.
 * Audit `sheet.publish`.
 */
export async function publishSheet(prisma: PrismaClient, actor: Actor, input: PublishSheetInput): Promise<PublishSheetResult> {
  const data = parseInput(publishSheetSchema, input);
  return writeSheet(prisma, actor, { sheetId: data.sheetId, action: "sheet.publish", load: loadSheetForChange }, async (sheet, { tx, audit }) => {
    if (sheet.status === "PUBLISHED") throw new AppError("CONFLICT", "绩效目标表已发布");
    assertVersion(sheet.version, data.version);
    const lint = await lintStoredSheet(tx, sheet.id);
    if (hasLintErrors(lint.issues)) throw new AppError("INVALID", "绩效目标表还有错误，不能发布", lintProblems(lintErrors(lint.issues), lint.sheet));
    const version = await bumpSheetVersion(tx, sheet.id, data.version, { status: "PUBLISHED" });
    await audit({
      action: "sheet.publish",
      entityType: "TargetSheet",
      entityId: sheet.id,
      before: { sheetId: sheet.id, status: sheet.status },
      after: { sheetId: sheet.id, status: "PUBLISHED" },
    });

    let assignedLead: string | null = null;
    if (sheet.authorId !== null) {
      const author = await tx.user.findUnique({ where: { id: sheet.authorId }, select: { id: true, role: true, active: true, displayName: true } });
      if (author?.role === "LEAD" && author.active && !sheet.scope.leadIds.includes(author.id)) {
        const created = await tx.sheetAssignment.create({ data: { sheetId: sheet.id, userId: author.id, role: "LEAD" }, select: { id: true } });
        await audit({
          action: "assignment.create",
          entityType: "SheetAssignment",
          entityId: created.id,
          after: { id: created.id, sheetId: sheet.id, sheet: sheet.name, userId: author.id, user: author.displayName, role: "LEAD" },
        });
        assignedLead = author.displayName;
      }
    }
    return { version, assignedLead };
  });
}
