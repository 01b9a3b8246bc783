import "server-only";
import { z } from "zod";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { refuseRemovingRecorded } from "./recorded-history";
import { sameNameMessage } from "./create-draft";
import { DEPARTMENT_SHEET_NAME, fundsOf, headerFields } from "./fields";
import { idOf, versionSchema } from "@/lib/input";
import { assertEditable, assertVersion, bumpSheetVersion, loadSheetForChange } from "./load-sheet";
import { changedFields, headerSnapshot, indicatorData, indicatorSnapshot } from "./records";
import { resolveUnit } from "./resolve-unit";

export const updateDraftSchema = z.object({
  sheetId: idOf("绩效目标表编号无效"),
  /** The version the editor was opened at. */
  version: versionSchema,
  ...headerFields,
});

export type UpdateDraftInput = z.input<typeof updateDraftSchema>;

export interface UpdateDraftResult {
  version: number;
  /** False when the input equals what is stored: nothing written, nothing audited. */
  changed: boolean;
}

/**
 * 保存草稿: the header and all rows at once, as the editor shows them. Rows with an `id` are the
 * sheet's existing rows (changed, moved), rows without are new, stored rows not sent are deleted.
 * Only a DRAFT, or a SUBMITTED sheet by its approvers; the version must be the stored one.
 * One transaction; audit `sheet.update` (changed header fields), `indicator.create|update|delete` per
 * row, each with `sheetId`.
 */
export async function updateDraft(prisma: PrismaClient, actor: Actor, input: UpdateDraftInput): Promise<UpdateDraftResult> {
  const data = parseInput(updateDraftSchema, input, "绩效目标表填写有误");
  try {
    return await writeSheet(prisma, actor, { sheetId: data.sheetId, action: "sheet.edit", load: loadSheetForChange }, async (sheet, { tx, audit }) => {
      assertEditable(actor, sheet.status, sheet.scope);
      assertVersion(sheet.version, data.version);

      const stored = await tx.indicator.findMany({ where: { sheetId: sheet.id }, orderBy: { position: "asc" } });
      const byId = new Map(stored.map((row) => [row.id, row]));
      const sent = new Set<number>();
      data.indicators.forEach((row, i) => {
        if (row.id === undefined) return;
        const message = !byId.has(row.id) ? "该指标不属于此绩效目标表，请刷新页面" : sent.has(row.id) ? "同一指标出现了两次" : null;
        if (message) throw new AppError("INVALID", message, [{ path: `indicators.${i}.id`, message }]);
        sent.add(row.id);
      });
      const removed = stored.filter((row) => !sent.has(row.id));
      if (removed.length > 0) await refuseRemovingRecorded(tx, removed);

      // Header.
      const name = sheet.kind === "DEPARTMENT" ? DEPARTMENT_SHEET_NAME : data.name;
      if (!name) throw new AppError("INVALID", "请填写项目名称", [{ path: "name", message: "请填写项目名称" }]);
      const unitId = data.unit === sheet.unit.name ? sheet.unitId : await resolveUnit(tx, actor, sheet.unit.departmentId, data.unit);
      if (unitId !== sheet.unitId || name !== sheet.name) {
        const clash = await tx.targetSheet.findFirst({
          where: { unitId, fiscalYearId: sheet.fiscalYearId, name, id: { not: sheet.id } },
          select: { id: true },
        });
        if (clash)
          throw new AppError("CONFLICT", sameNameMessage(sheet.fiscalYear.year, data.unit), [
            { path: "name", message: sameNameMessage(sheet.fiscalYear.year, data.unit) },
          ]);
      }
      const funds = fundsOf(data);
      const header = {
        unitId,
        name,
        lead: data.lead,
        fundsTotal: new Prisma.Decimal(funds.total.toFixed(2)),
        fundsFiscal: new Prisma.Decimal(funds.fiscal.toFixed(2)),
        fundsOther: new Prisma.Decimal(funds.other.toFixed(2)),
        goal: data.goal,
        budgetExecutionWeight: data.budgetExecutionWeight === undefined ? null : new Prisma.Decimal(data.budgetExecutionWeight),
      };
      const beforeHeader = headerSnapshot(sheet);
      const afterHeader = headerSnapshot({ ...sheet, ...header, unit: { name: data.unit } });
      const headerChange = changedFields(beforeHeader, afterHeader);

      // Rows: what each becomes.
      const planned = data.indicators.map((row, position) => {
        const previous = row.id === undefined ? undefined : byId.get(row.id)!;
        const next = indicatorData(row, position, previous);
        const change = previous ? changedFields(indicatorSnapshot(previous), indicatorSnapshot({ ...previous, ...next })) : null;
        return { row, previous, next, change };
      });
      const rowsChanged = removed.length > 0 || planned.some((p) => !p.previous || p.change);
      if (!headerChange && !rowsChanged) return { version: sheet.version, changed: false };

      const version = await bumpSheetVersion(tx, sheet.id, data.version);
      if (headerChange) {
        await tx.targetSheet.update({ where: { id: sheet.id }, data: header });
        await audit({ action: "sheet.update", entityType: "TargetSheet", entityId: sheet.id, ...headerChange });
      }
      for (const row of removed) {
        await tx.indicator.delete({ where: { id: row.id } });
        await audit({ action: "indicator.delete", entityType: "Indicator", entityId: row.id, before: indicatorSnapshot(row) });
      }
      // Positions are unique per sheet: park the kept rows on negative positions in one statement (a
      // row-by-row shift would collide with its neighbour), then put each where it now belongs.
      await tx.$executeRaw`UPDATE "indicator" SET "position" = -"position" - 1 WHERE "sheet_id" = ${sheet.id}`;
      for (const { previous, next, change } of planned) {
        if (!previous) {
          const created = await tx.indicator.create({ data: { sheetId: sheet.id, ...next } });
          await audit({ action: "indicator.create", entityType: "Indicator", entityId: created.id, after: indicatorSnapshot(created) });
          continue;
        }
        await tx.indicator.update({ where: { id: previous.id }, data: change ? { ...next, version: { increment: 1 } } : { position: next.position } });
        if (change) await audit({ action: "indicator.update", entityType: "Indicator", entityId: previous.id, ...change });
      }
      return { version, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "该绩效目标表已被他人修改，请刷新页面后重试");
    throw error;
  }
}
