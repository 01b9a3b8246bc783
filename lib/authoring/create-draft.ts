import "server-only";
import { z } from "zod";
import { textOf, TEXT_MAX, yearSchema } from "@/lib/input";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { type Actor, actorId } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { DEPARTMENT_SHEET_NAME, fundsOf, headerFields } from "./fields";
import { headerSelect, headerSnapshot, indicatorData, indicatorSnapshot } from "./records";
import { resolveDepartment, resolveUnit } from "./resolve-unit";

export const createDraftSchema = z.object({
  kind: z.enum(["project", "department"], { error: "类型应为项目支出或部门整体" }).default("project"),
  year: yearSchema,
  /** Name of the department; needed only where there are several and the actor is not a manager. */
  department: textOf("部门名称", { max: TEXT_MAX.name }).optional(),
  ...headerFields,
});

export type CreateDraftInput = z.input<typeof createDraftSchema>;

export const sameNameMessage = (year: number, unit: string) => `${year}年「${unit}」已有同名绩效目标表`;

/**
 * 新建绩效目标表: a DRAFT with its header and (possibly no) rows, `authorId` = the actor. Admins,
 * managers (their own department) and leads (for approval) may; an evaluator may not.
 *
 * A lead's draft is assigned to them as LEAD when it is published (publish-sheet.ts), not now: until
 * then being its author already lets them read and edit it, and an assignment would open in-year
 * reporting on targets nobody has approved.
 *
 * One transaction; audit `sheet.create` (TargetSheet) and one `indicator.create` (Indicator) per row.
 */
export async function createDraft(prisma: PrismaClient, actor: Actor, input: CreateDraftInput): Promise<{ id: number; version: number }> {
  authorize(actor, { type: "sheet.create" });
  const data = parseInput(createDraftSchema, input, "绩效目标表填写有误");
  const name = data.kind === "department" ? DEPARTMENT_SHEET_NAME : data.name;
  if (!name) throw new AppError("INVALID", "请填写项目名称", [{ path: "name", message: "请填写项目名称" }]);
  try {
    return await writeSheet(prisma, actor, { action: { type: "sheet.create" } }, async ({ tx, audit, changed }) => {
      const department = await resolveDepartment(tx, actor, data.department);
      // The rules judge the sheet that is about to exist: a manager only in their department.
      authorize(actor, {
        type: "sheet.edit",
        sheet: { departmentId: department.id, leadIds: [], evaluatorIds: [], authorId: actorId(actor), published: false },
      });
      const unitId = await resolveUnit(tx, actor, department.id, data.unit);
      const year = await tx.fiscalYear.upsert({ where: { year: data.year }, create: { year: data.year }, update: {}, select: { id: true } });
      const existing = await tx.targetSheet.findUnique({ where: { unitId_fiscalYearId_name: { unitId, fiscalYearId: year.id, name } }, select: { id: true } });
      if (existing) throw new AppError("CONFLICT", sameNameMessage(data.year, data.unit), [{ path: "name", message: sameNameMessage(data.year, data.unit) }]);
      const last = await tx.targetSheet.aggregate({ where: { fiscalYearId: year.id }, _max: { position: true } });
      const funds = fundsOf(data);
      const sheet = await tx.targetSheet.create({
        data: {
          kind: data.kind === "department" ? "DEPARTMENT" : "PROJECT",
          unitId,
          fiscalYearId: year.id,
          name,
          lead: data.lead,
          fundsTotal: new Prisma.Decimal(funds.total.toFixed(2)),
          fundsFiscal: new Prisma.Decimal(funds.fiscal.toFixed(2)),
          fundsOther: new Prisma.Decimal(funds.other.toFixed(2)),
          goal: data.goal,
          budgetExecutionWeight: data.budgetExecutionWeight === undefined ? null : new Prisma.Decimal(data.budgetExecutionWeight),
          position: (last._max.position ?? -1) + 1,
          status: "DRAFT",
          authorId: actorId(actor),
        },
        select: { ...headerSelect, version: true },
      });
      await audit({ action: "sheet.create", entityType: "TargetSheet", entityId: sheet.id, after: headerSnapshot(sheet) });
      for (const [position, row] of data.indicators.entries()) {
        const created = await tx.indicator.create({ data: { sheetId: sheet.id, ...indicatorData(row, position) } });
        await audit({ action: "indicator.create", entityType: "Indicator", entityId: created.id, after: indicatorSnapshot(created) });
      }
      changed(sheet.id);
      return { id: sheet.id, version: sheet.version };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", sameNameMessage(data.year, data.unit), [{ path: "name", message: sameNameMessage(data.year, data.unit) }]);
    throw error;
  }
}
