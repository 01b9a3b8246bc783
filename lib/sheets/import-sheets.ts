import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { locate } from "@/lib/interchange/locate";
import { refreshSheetFigures } from "@/lib/scorecard/refresh-sheet-figures";
import type { ValidFile, ValidSheet } from "@/lib/interchange/validate";
import { interchangeInclude, toInterchangeSheet } from "./to-interchange";
import { toTargetColumns } from "./target-columns";

type Tx = Prisma.TransactionClient;

export interface ImportedSheet {
  id: number;
  unit: string;
  name: string;
  action: "created" | "replaced";
}

/**
 * Writes a validated interchange file in one transaction: every sheet or none. A sheet that already
 * exists for its unit, year and name is refused unless `replace` is set; then its header and rows are
 * replaced and its id (and so its assignments) kept.
 */
export async function importSheets(prisma: PrismaClient, actor: Actor, file: ValidFile, options: { replace: boolean }): Promise<ImportedSheet[]> {
  authorize(actor, { type: "sheets.import" });
  return prisma.$transaction((tx) => importSheetsInTx(tx, actor, file, options), { timeout: 120_000, maxWait: 30_000 });
}

/** The same inside a transaction the caller holds (the seed writes sheets and users in one). */
export async function importSheetsInTx(tx: Tx, actor: Actor, file: ValidFile, options: { replace: boolean }): Promise<ImportedSheet[]> {
  authorize(actor, { type: "sheets.import" });
  const department = await tx.department.upsert({ where: { name: file.department }, create: { name: file.department }, update: {} });
  const year = await tx.fiscalYear.upsert({ where: { year: file.fiscalYear }, create: { year: file.fiscalYear }, update: {} });
  const unitIds = await ensureUnits(tx, department.id, file.sheets.map((s) => s.unit));
  const existing = await findExisting(tx, year.id, file, unitIds);
  if (existing.size > 0 && !options.replace) {
    const problems = [...existing.keys()].map((s) => ({
      path: locate(file, ["sheets", s]),
      message: `${file.fiscalYear}年「${file.sheets[s]!.unit}」已有同名绩效目标表（如需覆盖请使用 --replace）`,
    }));
    throw new AppError("CONFLICT", "导入的绩效目标表已存在", problems);
  }
  const last = await tx.targetSheet.aggregate({ where: { fiscalYearId: year.id }, _max: { position: true } });
  let position = (last._max.position ?? -1) + 1;
  const imported: ImportedSheet[] = [];
  for (const [s, sheet] of file.sheets.entries()) {
    const unitId = unitIds.get(sheet.unit)!;
    const previous = existing.get(s);
    const id = previous
      ? await replaceSheet(tx, actor, previous, sheet)
      : await createSheet(tx, actor, { ...sheetData(sheet), unitId, fiscalYearId: year.id, position: position++ }, sheet);
    // The scorecard's figures of the sheet, computed in this transaction.
    await refreshSheetFigures(tx, id);
    imported.push({ id, unit: sheet.unit, name: sheet.name, action: previous ? "replaced" : "created" });
  }
  return imported;
}

async function ensureUnits(tx: Tx, departmentId: number, names: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const name of new Set(names)) {
    const unit = await tx.budgetUnit.upsert({
      where: { departmentId_name: { departmentId, name } },
      create: { departmentId, name },
      update: {},
    });
    ids.set(name, unit.id);
  }
  return ids;
}

/** Sheet index in the file → id of the sheet already in the database. */
async function findExisting(tx: Tx, fiscalYearId: number, file: ValidFile, unitIds: Map<string, number>): Promise<Map<number, number>> {
  const rows = await tx.targetSheet.findMany({
    where: { fiscalYearId, OR: file.sheets.map((s) => ({ unitId: unitIds.get(s.unit)!, name: s.name })) },
    select: { id: true, unitId: true, name: true },
  });
  const existing = new Map<number, number>();
  file.sheets.forEach((sheet, s) => {
    const row = rows.find((r) => r.unitId === unitIds.get(sheet.unit) && r.name === sheet.name);
    if (row) existing.set(s, row.id);
  });
  return existing;
}

const sheetData = (sheet: ValidSheet) => ({
  kind: sheet.kind === "department" ? ("DEPARTMENT" as const) : ("PROJECT" as const),
  name: sheet.name,
  lead: sheet.lead,
  fundsTotal: new Prisma.Decimal(sheet.funds.total),
  fundsFiscal: new Prisma.Decimal(sheet.funds.fiscal),
  fundsOther: new Prisma.Decimal(sheet.funds.other),
  goal: sheet.goal,
  budgetExecutionWeight: sheet.budgetExecutionWeight === undefined ? null : new Prisma.Decimal(sheet.budgetExecutionWeight),
});

const indicatorRows = (sheetId: number, sheet: ValidSheet): Prisma.IndicatorCreateManyInput[] =>
  sheet.indicators.map((indicator, position) => ({
    sheetId,
    position,
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    targetRaw: indicator.targetRaw,
    ...toTargetColumns(indicator.target),
    measureType: indicator.measureType === "level" ? "LEVEL" : "CUMULATIVE",
    basis: indicator.basis,
    lastYear: indicator.lastYear,
    weight: new Prisma.Decimal(indicator.weight),
    rule: indicator.rule,
    evidence: indicator.evidence,
  }));

const snapshot = async (tx: Tx, id: number) =>
  toInterchangeSheet(await tx.targetSheet.findUniqueOrThrow({ where: { id }, include: interchangeInclude })) as unknown as Prisma.InputJsonValue;

async function createSheet(tx: Tx, actor: Actor, data: Prisma.TargetSheetUncheckedCreateInput, sheet: ValidSheet): Promise<number> {
  const { id } = await tx.targetSheet.create({ data, select: { id: true } });
  await tx.indicator.createMany({ data: indicatorRows(id, sheet) });
  await appendAudit(tx, actor, { action: "sheet.import", entityType: "TargetSheet", entityId: id, after: await snapshot(tx, id) });
  return id;
}

async function replaceSheet(tx: Tx, actor: Actor, id: number, sheet: ValidSheet): Promise<number> {
  const before = await snapshot(tx, id);
  await tx.targetSheet.update({ where: { id }, data: sheetData(sheet) });
  await tx.indicator.deleteMany({ where: { sheetId: id } });
  await tx.indicator.createMany({ data: indicatorRows(id, sheet) });
  await appendAudit(tx, actor, { action: "sheet.replace", entityType: "TargetSheet", entityId: id, before, after: await snapshot(tx, id) });
  return id;
}
