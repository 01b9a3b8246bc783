import "server-only";
import { z } from "zod";
import { idOf, TEXT_MAX, textOf, versionSchema } from "@/lib/input";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { assertVersion, bumpSheetVersion, loadSheetForChange, STATUS_LABEL } from "./load-sheet";

export const returnDraftSchema = z.object({
  sheetId: idOf("绩效目标表编号无效"),
  version: versionSchema,
  comment: textOf("退回意见", { max: TEXT_MAX.reason, multiline: true }).min(1, "请填写退回意见"),
});
export type ReturnDraftInput = z.input<typeof returnDraftSchema>;

/**
 * 退回: an approver (admin, the department's manager) sends a submitted draft back to its author,
 * SUBMITTED → DRAFT, with a comment saying what to change. Audit `sheet.return` (the comment in `after`).
 */
export async function returnDraft(prisma: PrismaClient, actor: Actor, input: ReturnDraftInput): Promise<{ version: number }> {
  const data = parseInput(returnDraftSchema, input);
  return writeSheet(prisma, actor, { sheetId: data.sheetId, action: "sheet.publish", load: loadSheetForChange }, async (sheet, { tx, audit }) => {
    if (sheet.status !== "SUBMITTED") throw new AppError("CONFLICT", `绩效目标表当前为「${STATUS_LABEL[sheet.status]}」，只有待审核的可以退回`);
    assertVersion(sheet.version, data.version);
    const version = await bumpSheetVersion(tx, sheet.id, data.version, { status: "DRAFT" });
    await audit({
      action: "sheet.return",
      entityType: "TargetSheet",
      entityId: sheet.id,
      before: { sheetId: sheet.id, status: "SUBMITTED" },
      after: { sheetId: sheet.id, status: "DRAFT", comment: data.comment },
    });
    return { version };
  });
}
