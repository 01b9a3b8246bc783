import "server-only";
import { z } from "zod";
import { idOf, versionSchema } from "@/lib/input";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { assertVersion, bumpSheetVersion, loadSheetForChange, STATUS_LABEL } from "./load-sheet";
import { hasLintErrors, lintErrors, lintProblems, lintStoredSheet } from "./sheet-lint";

export const submitDraftSchema = z.object({ sheetId: idOf("绩效目标表编号无效"), version: versionSchema });
export type SubmitDraftInput = z.input<typeof submitDraftSchema>;

/**
 * 提交审核: the author of a draft (typically a lead) hands it to the approvers (admin, the
 * department's manager), DRAFT → SUBMITTED. Refused while the lint finds errors, so approvers get a
 * sheet that could be published. Audit `sheet.submit`.
 */
export async function submitDraft(prisma: PrismaClient, actor: Actor, input: SubmitDraftInput): Promise<{ version: number }> {
  const data = parseInput(submitDraftSchema, input);
  return writeSheet(prisma, actor, { sheetId: data.sheetId, action: "sheet.edit", load: loadSheetForChange }, async (sheet, { tx, audit }) => {
    if (sheet.status !== "DRAFT") throw new AppError("CONFLICT", `绩效目标表当前为「${STATUS_LABEL[sheet.status]}」，只有草稿可以提交审核`);
    assertVersion(sheet.version, data.version);
    const lint = await lintStoredSheet(tx, sheet.id);
    if (hasLintErrors(lint.issues)) throw new AppError("INVALID", "绩效目标表还有错误，请修改后再提交", lintProblems(lintErrors(lint.issues), lint.sheet));
    const version = await bumpSheetVersion(tx, sheet.id, data.version, { status: "SUBMITTED" });
    await audit({
      action: "sheet.submit",
      entityType: "TargetSheet",
      entityId: sheet.id,
      before: { sheetId: sheet.id, status: "DRAFT" },
      after: { sheetId: sheet.id, status: "SUBMITTED" },
    });
    return { version };
  });
}
