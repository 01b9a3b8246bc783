import "server-only";
import type { Prisma, SheetMonth } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { SheetWrite } from "@/lib/sheets/write-sheet";
import { monthLabel } from "./labels";
import { asJson } from "@/lib/audit/as-json";
import { describeStale, monthSnapshot } from "./records";
import type { SheetData } from "./sheet-data";

type MonthChange = Omit<Prisma.SheetMonthUncheckedCreateInput, "id" | "sheetId" | "month" | "version" | "createdAt" | "updatedAt">;

/** The sheet-month's version the user acted on must be the current one (0 while the month has no record). */
export async function assertMonthVersion(tx: Prisma.TransactionClient, sheet: SheetData, month: number, baseVersion: number): Promise<void> {
  const current = sheet.months.get(month);
  if (baseVersion === (current?.version ?? 0)) return;
  const name = monthLabel(sheet.year, month);
  const message = current
    ? await describeStale(tx, { name, entityType: "SheetMonth", entityId: current.id, baseVersion, current: monthSnapshot({ ...current, sheetId: sheet.id }) })
    : `「${name}」已被他人修改，请刷新后重试`;
  throw new AppError("CONFLICT", `${message}。请刷新页面后重试`, [{ path: "month", message }]);
}

/**
 * Writes a sheet-month's change (creating the record on first use) with its optimistic-locking check, and
 * appends its audit entry through the write. Runs inside writeSheet, which holds the sheet lock; the caller has
 * checked the version.
 */
export async function writeMonth(
  { tx, audit }: Pick<SheetWrite, "tx" | "audit">,
  sheet: SheetData,
  month: number,
  change: MonthChange,
  action: string,
): Promise<SheetMonth> {
  const current = sheet.months.get(month);
  // The write answers the stored row (RETURNING): no second read.
  const [after] = current
    ? await tx.sheetMonth.updateManyAndReturn({ where: { id: current.id, version: current.version }, data: { ...change, version: { increment: 1 } } })
    : await tx.sheetMonth.createManyAndReturn({ data: [{ ...change, sheetId: sheet.id, month }], skipDuplicates: true });
  if (!after) throw new AppError("CONFLICT", `「${monthLabel(sheet.year, month)}」已被他人修改，请刷新页面后重试`);
  await audit({
    action,
    entityType: "SheetMonth",
    entityId: after.id,
    before: current ? asJson(monthSnapshot({ ...current, sheetId: sheet.id })) : null,
    after: asJson(monthSnapshot(after)),
  });
  return after;
}
