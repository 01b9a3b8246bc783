import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { idSchema, monthSchema, versionSchema } from "@/lib/input";
import { parseInput } from "@/lib/parse-input";
import { readableSheetsWhere } from "@/lib/sheets/sheet-scope";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { monthLabel } from "./labels";
import { reviewLockedMonth } from "./review-month";
import { loadSheetData } from "./sheet-data";

/** More than a department's months in a queue at once would be a script, not a manager. */
export const MAX_BULK_APPROVALS = 200;

export const approveMonthsSchema = z.object({
  months: z
    .array(
      z.object({
        sheetId: idSchema,
        month: monthSchema,
        /** The sheet-month's version the manager saw in 待审核: a month changed since is refused, as on its own page. */
        version: versionSchema,
      }),
      { error: "请选择要审核通过的月份" },
    )
    .min(1, "请选择要审核通过的月份")
    .max(MAX_BULK_APPROVALS, `一次最多审核通过 ${MAX_BULK_APPROVALS} 个月份`),
});
export type ApproveMonthsInput = z.input<typeof approveMonthsSchema>;

export interface BulkMonth {
  sheetId: number;
  month: number;
  /** 「项目名称」2025年7月 — how the result names the month. */
  name: string;
}

export interface ApproveMonthsResult {
  approved: BulkMonth[];
  /** Each refused month with the refusal a single approval would have given. */
  refused: (BulkMonth & { reason: string })[];
}

/**
 * 批量审核通过 on 待审核: each month is approved by its own write (one writeSheet, one transaction) with exactly
 * the checks, audit entry and notification of a single approval (reviewLockedMonth), so a refusal — the month
 * changed since the manager saw it, was returned or approved meanwhile, is not theirs to review — names that month
 * and the others go on. Months are approved in the order given (the queue's: oldest submission first).
 */
export async function approveMonths(prisma: PrismaClient, actor: Actor, input: ApproveMonthsInput, options: { now?: Date } = {}): Promise<ApproveMonthsResult> {
  const { months } = parseInput(approveMonthsSchema, input);
  const unique = [...new Map(months.map((m) => [`${m.sheetId}:${m.month}`, m])).values()];
  const names = await sheetNames(
    prisma,
    actor,
    unique.map((m) => m.sheetId),
  );
  const result: ApproveMonthsResult = { approved: [], refused: [] };
  for (const target of unique) {
    const sheet = names.get(target.sheetId);
    // A sheet the actor cannot read is named by its number only: its name is not theirs to learn.
    const name = sheet ? `「${sheet.name}」${monthLabel(sheet.year, target.month)}` : `编号 ${target.sheetId} 的绩效目标表 ${target.month}月`;
    const named = { sheetId: target.sheetId, month: target.month, name };
    try {
      await writeSheet(
        prisma,
        actor,
        { sheetId: target.sheetId, action: "month.review", load: loadSheetData },
        (locked, write) => reviewLockedMonth(locked, write, { month: target.month, version: target.version, decision: "approve", comment: "" }),
        { now: options.now },
      );
      result.approved.push(named);
    } catch (error) {
      // Anything but a refusal (the database went away) is not the month's fault: it stops the batch and is reported.
      if (!(error instanceof AppError)) throw error;
      result.refused.push({ ...named, reason: error.message });
    }
  }
  return result;
}

async function sheetNames(prisma: PrismaClient, actor: Actor, sheetIds: number[]) {
  const sheets = await prisma.targetSheet.findMany({
    where: { AND: [{ id: { in: sheetIds } }, readableSheetsWhere(actor)] },
    select: { id: true, name: true, fiscalYear: { select: { year: true } } },
  });
  return new Map(sheets.map((s) => [s.id, { name: s.name, year: s.fiscalYear.year }]));
}
