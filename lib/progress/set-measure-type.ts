import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { isQuantitative } from "@/lib/targets/types";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { idSchema, versionSchema } from "@/lib/input";
import { parseInput } from "@/lib/parse-input";
import { MEASURE_TYPE_LABEL } from "./labels";
import { asJson } from "@/lib/audit/as-json";
import { loadSheetData } from "./sheet-data";

export const setMeasureTypeSchema = z.object({
  indicatorId: idSchema,
  measureType: z.enum(["CUMULATIVE", "LEVEL"], { error: "计量方式应为 累计值 或 当期水平" }),
  /** The indicator's version the manager saw. */
  version: versionSchema,
});
export type SetMeasureTypeInput = z.input<typeof setMeasureTypeSchema>;

export interface SetMeasureTypeResult {
  sheetId: number;
  measureType: "CUMULATIVE" | "LEVEL";
  version: number;
}

/**
 * A manager (or admin) switches how an indicator is read in-year: a cumulative count pro-rated by time, or a
 * level (a rate) compared with the target as is. It changes the lights of every month; the audit entry keeps
 * `month: null` since it belongs to no month.
 */
export async function setMeasureType(prisma: PrismaClient, actor: Actor, input: SetMeasureTypeInput): Promise<SetMeasureTypeResult> {
  const data = parseInput(setMeasureTypeSchema, input);
  const sheetOfIndicator = async (tx: Prisma.TransactionClient): Promise<number> => {
    const found = await tx.indicator.findUnique({ where: { id: data.indicatorId }, select: { sheetId: true } });
    if (!found) throw new AppError("NOT_FOUND", "找不到该指标");
    return found.sheetId;
  };
  return writeSheet(prisma, actor, { sheetId: sheetOfIndicator, action: "indicator.configure", load: loadSheetData }, async (sheet, { tx, audit }) => {
    const indicator = sheet.indicators.find((i) => i.id === data.indicatorId);
    if (!indicator) throw new AppError("NOT_FOUND", "找不到该指标");
    if (!isQuantitative(indicator.target)) throw new AppError("INVALID", `「${indicator.name}」是定性指标，没有计量方式`);
    if (indicator.version !== data.version) {
      const message = `「${indicator.name}」已被他人修改：计量方式现为 ${MEASURE_TYPE_LABEL[indicator.measureType]}（现为第 ${indicator.version} 版，你修改前为第 ${data.version} 版）`;
      throw new AppError("CONFLICT", message, [{ path: `indicators.${indicator.id}.measureType`, message }]);
    }
    if (indicator.measureType === data.measureType) return { sheetId: sheet.id, measureType: indicator.measureType, version: indicator.version };
    const updated = await tx.indicator.updateMany({
      where: { id: indicator.id, version: indicator.version },
      data: { measureType: data.measureType, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", `「${indicator.name}」已被他人修改，请刷新页面后重试`);
    const snapshot = (measureType: string, version: number) =>
      asJson({ sheetId: sheet.id, month: null, indicatorId: indicator.id, indicator: indicator.name, measureType, version });
    await audit({
      action: "indicator.measureType",
      entityType: "Indicator",
      entityId: indicator.id,
      before: snapshot(indicator.measureType, indicator.version),
      after: snapshot(data.measureType, indicator.version + 1),
    });
    return { sheetId: sheet.id, measureType: data.measureType, version: indicator.version + 1 };
  });
}
