import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { type Actor, actorId } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { lintTarget } from "@/lib/lint";
import { parseInput } from "@/lib/parse-input";
import { fromTargetColumns, toTargetColumns } from "@/lib/columns/target-columns";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { formatTarget } from "@/lib/targets";
import { targetRawField } from "./fields";
import { idOf, TEXT_MAX, textOf, versionSchema } from "@/lib/input";
import { loadSheetForChange } from "./load-sheet";
import { measureTypeFor, targetOf } from "./records";

export const adjustTargetSchema = z.object({
  indicatorId: idOf("指标编号无效"),
  /** The indicator's version the form was opened at. */
  version: versionSchema,
  targetRaw: targetRawField,
  reason: textOf("调整原因", { max: TEXT_MAX.reason, multiline: true }).min(1, "请填写调整原因"),
});
export type AdjustTargetInput = z.input<typeof adjustTargetSchema>;

export interface AdjustTargetResult {
  adjustmentId: number;
  version: number;
  originalTargetRaw: string;
}

/**
 * 指标调整: the only way a published sheet's target changes. An admin or the department's manager
 * records the new 指标值 (it must parse) with a reason; they are both requester and approver of the
 * TargetAdjustment. The first adjustment keeps the published target in `originalTargetRaw`, shown at
 * year end as 调整前指标值. The measure type follows the new target unless someone had set it.
 * Bumps the indicator's and the sheet's version. Audit `target.adjust` (Indicator) with `sheetId`.
 */
export async function adjustTarget(prisma: PrismaClient, actor: Actor, input: AdjustTargetInput): Promise<AdjustTargetResult> {
  const data = parseInput(adjustTargetSchema, input, "指标调整填写有误");
  const sheetOfIndicator = async (tx: Prisma.TransactionClient): Promise<number> => {
    const found = await tx.indicator.findUnique({ where: { id: data.indicatorId }, select: { sheetId: true } });
    if (!found) throw new AppError("NOT_FOUND", "找不到该指标");
    return found.sheetId;
  };
  return writeSheet(prisma, actor, { sheetId: sheetOfIndicator, action: "target.adjust", load: loadSheetForChange }, async (sheet, { tx, audit }) => {
    const indicator = await tx.indicator.findUnique({ where: { id: data.indicatorId } });
    if (!indicator) throw new AppError("NOT_FOUND", "找不到该指标");
    if (sheet.status !== "PUBLISHED") throw new AppError("CONFLICT", "绩效目标表尚未发布：草稿直接修改即可，无需指标调整");
    if (indicator.version !== data.version) throw new AppError("CONFLICT", "该指标已被他人修改，请刷新页面后重试");

    const refused = lintTarget(data.targetRaw, 0).find((issue) => issue.level === "error");
    if (refused) throw new AppError("INVALID", refused.message, [{ path: "targetRaw", message: refused.message }]);
    const before = fromTargetColumns(indicator);
    const after = targetOf(data.targetRaw);
    if (data.targetRaw === indicator.targetRaw) {
      throw new AppError("INVALID", "新指标值与当前指标值相同", [{ path: "targetRaw", message: "新指标值与当前指标值相同" }]);
    }
    const originalTargetRaw = indicator.originalTargetRaw ?? indicator.targetRaw;
    const updated = await tx.indicator.updateMany({
      where: { id: indicator.id, version: data.version },
      data: {
        targetRaw: data.targetRaw,
        ...toTargetColumns(after),
        measureType: measureTypeFor(after, { measureType: indicator.measureType, target: before }),
        originalTargetRaw,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "该指标已被他人修改，请刷新页面后重试");
    await tx.targetSheet.update({ where: { id: sheet.id }, data: { version: { increment: 1 } } });
    const adjustment = await tx.targetAdjustment.create({
      data: {
        indicatorId: indicator.id,
        beforeTargetRaw: indicator.targetRaw,
        afterTargetRaw: data.targetRaw,
        reason: data.reason,
        requestedById: actorId(actor),
        approvedById: actorId(actor),
      },
      select: { id: true },
    });
    await audit({
      action: "target.adjust",
      entityType: "Indicator",
      entityId: indicator.id,
      before: { sheetId: sheet.id, name: indicator.name, targetRaw: indicator.targetRaw, target: formatTarget(before) },
      after: {
        sheetId: sheet.id,
        name: indicator.name,
        targetRaw: data.targetRaw,
        target: formatTarget(after),
        reason: data.reason,
        adjustmentId: adjustment.id,
        originalTargetRaw,
      },
    });
    return { adjustmentId: adjustment.id, version: data.version + 1, originalTargetRaw };
  });
}
