import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
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
): Promise<{ version: number }> {
  const current = sheet.months.get(month);
  if (current) {
    const updated = await tx.sheetMonth.updateMany({ where: { id: current.id, version: current.version }, data: { ...change, version: { increment: 1 } } });
    if (updated.count !== 1) throw new AppError("CONFLICT", `「${monthLabel(sheet.year, month)}」已被他人修改，请刷新页面后重试`);
  } else {
    const created = await tx.sheetMonth.createMany({ data: [{ ...change, sheetId: sheet.id, month }], skipDuplicates: true });
    if (created.count !== 1) throw new AppError("CONFLICT", `「${monthLabel(sheet.year, month)}」已被他人修改，请刷新页面后重试`);
  }
  const after = await tx.sheetMonth.findUniqueOrThrow({ where: { sheetId_month: { sheetId: sheet.id, month } } });
  await audit({
    action,
    entityType: "SheetMonth",
    entityId: after.id,
    before: current ? asJson(monthSnapshot({ ...current, sheetId: sheet.id })) : null,
    after: asJson(monthSnapshot(after)),
  });
  return after;
}
