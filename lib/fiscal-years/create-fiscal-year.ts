import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { yearSchema } from "@/lib/input";

export const createFiscalYearSchema = z.object({ year: yearSchema });
export type CreateFiscalYearInput = z.input<typeof createFiscalYearSchema>;

/**
 * 新增年度: an admin adds a fiscal year before any sheet of it exists (to prepare next year's drafts, imports
 * and locks). A year that exists already is refused with CONFLICT; imports and rollover still create a missing
 * year themselves.
 */
export async function createFiscalYear(prisma: PrismaClient, actor: Actor, input: CreateFiscalYearInput): Promise<{ id: number; year: number }> {
  authorize(actor, { type: "fiscal-year.manage" });
  const { year } = parseInput(createFiscalYearSchema, input, "年度有误");
  return prisma.$transaction(async (tx) => {
    // The unique index refuses a concurrent duplicate too; this check only gives it words.
    if (await tx.fiscalYear.findUnique({ where: { year }, select: { id: true } })) {
      throw new AppError("CONFLICT", `${year}年已存在`, [{ path: "year", message: `${year}年已存在` }]);
    }
    const created = await tx.fiscalYear.create({ data: { year }, select: { id: true, year: true, lockedThroughMonth: true } });
    await appendAudit(tx, actor, {
      action: "fiscal-year.create",
      entityType: "FiscalYear",
      entityId: created.id,
      before: null,
      after: { year, lockedThroughMonth: 0 },
    });
    return { id: created.id, year: created.year };
  });
}
