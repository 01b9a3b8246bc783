import "server-only";
import { type Indicator, Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { sameDecimal } from "@/lib/numbers/same-decimal";
import type { Actor } from "@/lib/auth/actor";
import { AppError, type Problem } from "@/lib/errors";
import { locate } from "@/lib/interchange/locate";
import type { ValidFile, ValidIndicator, ValidSheet } from "@/lib/interchange/validate";
import { rowHistory, sheetsWithHistory } from "./recorded-history";
import { interchangeInclude, toInterchangeSheet } from "@/lib/sheets/to-interchange";
import { type ManySheets, type SheetsWrite, writeSheet } from "@/lib/sheets/write-sheet";
import { toTargetColumns } from "@/lib/columns/target-columns";

type Tx = Prisma.TransactionClient;

export interface ImportedSheet {
  id: number;
  unit: string;
  name: string;
  action: "created" | "replaced";
}

/**
 * Writes a validated interchange file in one transaction: every sheet or none. A sheet that already
 * exists for its unit, year and name is refused unless `replace` is set; then it is replaced in place
 * (see `planReplacements`): its id, its assignments and every row's recorded history are kept, and a
 * file that would lose or reinterpret that history is refused whole, every problem named.
 */
export async function importSheets(prisma: PrismaClient, actor: Actor, file: ValidFile, options: { replace: boolean }): Promise<ImportedSheet[]> {
  return writeSheet(prisma, actor, IMPORT_WRITE, (write) => importSheetsWith(write, file, options));
}

/** The one write path's terms of an import: `sheets.import`, and time for a whole year's sheets. */
export const IMPORT_WRITE = { action: { type: "sheets.import" }, timeout: 120_000 } as const satisfies ManySheets;

/**
 * The same as the work of a write the caller opened with IMPORT_WRITE (the seed writes its users in the same
 * transaction; the Excel import checks the stored sheets first).
 */
export async function importSheetsWith(write: SheetsWrite, file: ValidFile, options: { replace: boolean }): Promise<ImportedSheet[]> {
  const { tx } = write;
  const department = await tx.department.upsert({ where: { name: file.department }, create: { name: file.department }, update: {} });
  const year = await tx.fiscalYear.upsert({ where: { year: file.fiscalYear }, create: { year: file.fiscalYear }, update: {} });
  const unitIds = await ensureUnits(
    tx,
    department.id,
    file.sheets.map((s) => s.unit),
  );
  const existing = await findExisting(tx, year.id, file, unitIds);
  if (existing.size > 0 && !options.replace) {
    const problems = [...existing.keys()].map((s) => ({
      path: locate(file, ["sheets", s]),
      message: `${file.fiscalYear}年「${file.sheets[s]!.unit}」已有同名绩效目标表（如需覆盖请使用 --replace）`,
    }));
    throw new AppError("CONFLICT", "导入的绩效目标表已存在", problems);
  }
  const plans = await planReplacements(write, file, existing);
  const last = await tx.targetSheet.aggregate({ where: { fiscalYearId: year.id }, _max: { position: true } });
  let position = (last._max.position ?? -1) + 1;
  const imported: ImportedSheet[] = [];
  for (const [s, sheet] of file.sheets.entries()) {
    const unitId = unitIds.get(sheet.unit)!;
    const plan = plans.get(s);
    const id = plan
      ? await replaceSheet(write, plan)
      : await createSheet(write, { ...sheetData(sheet), unitId, fiscalYearId: year.id, position: position++ }, sheet);
    write.changed(id);
    imported.push({ id, unit: sheet.unit, name: sheet.name, action: plan ? "replaced" : "created" });
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

/** The columns of a file's row at `position` (its sheet aside). */
const indicatorData = (indicator: ValidIndicator, position: number) => ({
  position,
  level1: indicator.level1,
  level2: indicator.level2,
  name: indicator.name,
  targetRaw: indicator.targetRaw,
  ...toTargetColumns(indicator.target),
  measureType: indicator.measureType === "level" ? ("LEVEL" as const) : ("CUMULATIVE" as const),
  basis: indicator.basis,
  lastYear: indicator.lastYear,
  weight: new Prisma.Decimal(indicator.weight),
  rule: indicator.rule,
  evidence: indicator.evidence,
});
type IndicatorData = ReturnType<typeof indicatorData>;

const snapshot = async (tx: Tx, id: number) =>
  toInterchangeSheet(await tx.targetSheet.findUniqueOrThrow({ where: { id }, include: interchangeInclude })) as unknown as Prisma.InputJsonValue;

async function createSheet({ tx, audit }: SheetsWrite, data: Prisma.TargetSheetUncheckedCreateInput, sheet: ValidSheet): Promise<number> {
  const { id } = await tx.targetSheet.create({ data, select: { id: true } });
  await tx.indicator.createMany({ data: sheet.indicators.map((indicator, position) => ({ sheetId: id, ...indicatorData(indicator, position) })) });
  await audit({ action: "sheet.import", entityType: "TargetSheet", entityId: id, after: await snapshot(tx, id) });
  return id;
}

/** What replacing one existing sheet will do (see `planReplacements`). */
interface ReplacementPlan {
  id: number;
  sheet: ValidSheet;
  /** Per file row: the stored row it continues, or undefined for a new row. */
  matched: (Indicator | undefined)[];
  removed: Indicator[];
}

/**
 * Plans how each existing sheet of the file is replaced (file index → plan), before anything is written.
 * The file's rows are matched to the stored rows by 一级指标 + 二级指标 + 三级指标名称 (trimmed); when a
 * name occurs more than once, the k-th such row of the file continues the k-th stored one (in position
 * order). A matched row is updated in place — its id, and so its progress entries, evidence, evaluation
 * rows and target adjustments, stay — a file row without a match is created, and a stored row without a
 * match is deleted. Rows take the file's order. There is no guessing at renames (a guess could hand one
 * indicator's months to another): a renamed row is a deletion plus a new row.
 *
 * Refused (CONFLICT, nothing written, every problem named by sheet and row):
 * - deleting a row that has anything recorded against it (`rowHistory`);
 * - once the year's work on the sheet has started (`sheetsWithHistory`), changing what it is scored
 *   against: a matched row's target (parsed: comparator, value, unit or qualitative text), weight or
 *   rule, or the sheet's 年度预算总额 or 预算执行率分值. A target changes through 指标调整, which keeps
 *   调整前指标值 and the reason, and in-year budget changes are 调整预算; reweighting or rescoring rows
 *   that leads have reported on would silently change the meaning of their months.
 * Wording (names aside: they are the key), 指标值 written differently with the same parsed target,
 * 计量方式, 佐证资料 kinds, order, new rows and the deletion of rows without history are always allowed.
 */
async function planReplacements(write: SheetsWrite, file: ValidFile, existing: Map<number, number>): Promise<Map<number, ReplacementPlan>> {
  const { tx } = write;
  const plans = new Map<number, ReplacementPlan>();
  if (existing.size === 0) return plans;
  // Serialise with the progress and evaluation writers of these sheets (in id order, so two imports
  // cannot deadlock), and hold off evidence uploads (which take no sheet lock), then read what has been recorded.
  await write.lock([...existing.values()], { blockReferences: true });
  const started = await sheetsWithHistory(tx, [...existing.values()]);
  const problems: Problem[] = [];
  for (const [s, id] of existing) {
    const sheet = file.sheets[s]!;
    const stored = await tx.targetSheet.findUniqueOrThrow({
      where: { id },
      select: { fundsTotal: true, budgetExecutionWeight: true, indicators: { orderBy: { position: "asc" } } },
    });
    const { matched, removed } = matchRows(stored.indicators, sheet.indicators);
    const history = await rowHistory(
      tx,
      removed.map((r) => r.id),
    );
    for (const row of removed) {
      const kinds = history.get(row.id);
      if (!kinds) continue;
      problems.push({
        path: `${locate(file, ["sheets", s])} 原第${row.position + 1}行「${row.name}」`,
        message: `文件中没有这一行，它已有${kinds.join("、")}记录，不能删除（行按一级指标、二级指标和三级指标名称对应，改名视同删除原行）`,
      });
    }
    if (started.has(id)) problems.push(...scoringChanges(file, s, stored, matched));
    plans.set(s, { id, sheet, matched, removed });
  }
  if (problems.length > 0) {
    throw new AppError("CONFLICT", `覆盖会删除或改动已有填报记录的内容，未写入任何数据（${problems.length} 处问题）：`, problems);
  }
  return plans;
}

type RowKey = { level1: string; level2: string; name: string };
const rowKey = (r: RowKey) => [r.level1, r.level2, r.name].map((text) => text.trim()).join("\u0000");

/** Pairs file rows with stored rows (given in position order) by key, the k-th occurrence with the k-th. */
function matchRows<T extends RowKey & { position: number }>(stored: T[], incoming: RowKey[]): { matched: (T | undefined)[]; removed: T[] } {
  const queues = new Map<string, T[]>();
  for (const row of stored) queues.set(rowKey(row), [...(queues.get(rowKey(row)) ?? []), row]);
  const matched = incoming.map((row) => queues.get(rowKey(row))?.shift());
  const removed = [...queues.values()].flat().sort((a, b) => a.position - b.position);
  return { matched, removed };
}

const STARTED = "该表已开始填报";
const weightText = (w: Prisma.Decimal | null) => (w === null ? "默认（100 减指标分值合计）" : w.toFixed(2));

/** What a started sheet's file would change in how the sheet is scored (see `planReplacements`). */
function scoringChanges(
  file: ValidFile,
  s: number,
  stored: { fundsTotal: Prisma.Decimal; budgetExecutionWeight: Prisma.Decimal | null },
  matched: (Indicator | undefined)[],
): Problem[] {
  const sheet = file.sheets[s]!;
  const at = (...path: PropertyKey[]) => locate(file, ["sheets", s, ...path]);
  const problems: Problem[] = [];
  const { fundsTotal, budgetExecutionWeight } = sheetData(sheet);
  if (!fundsTotal.equals(stored.fundsTotal)) {
    problems.push({
      path: at("funds", "total"),
      message: `${STARTED}，年度预算总额不能通过导入修改（现为 ${stored.fundsTotal.toFixed(2)} 万元，文件为 ${fundsTotal.toFixed(2)} 万元）；年度中的预算变动请在进度填报中登记“调整预算”`,
    });
  }
  if (!sameDecimal(budgetExecutionWeight, stored.budgetExecutionWeight)) {
    problems.push({
      path: at("budgetExecutionWeight"),
      message: `${STARTED}，预算执行率分值不能通过导入修改（现为 ${weightText(stored.budgetExecutionWeight)}，文件为 ${weightText(budgetExecutionWeight)}）`,
    });
  }
  sheet.indicators.forEach((indicator, r) => {
    const previous = matched[r];
    if (!previous) return;
    const next = indicatorData(indicator, r);
    if (!sameTarget(previous, next)) {
      problems.push({
        path: at("indicators", r, "targetRaw"),
        message: `${STARTED}，指标值不能通过导入由「${previous.targetRaw}」改为「${next.targetRaw}」；请使用“指标调整”（会保留调整前指标值和调整原因）`,
      });
    }
    if (!previous.weight.equals(next.weight)) {
      problems.push({
        path: at("indicators", r, "weight"),
        message: `${STARTED}，指标分值权重不能通过导入修改（现为 ${previous.weight.toFixed(2)}，文件为 ${next.weight.toFixed(2)}）`,
      });
    }
    if (previous.rule !== next.rule) {
      problems.push({
        path: at("indicators", r, "rule"),
        message: `${STARTED}，赋分规则不能通过导入修改（现为「${previous.rule || "未填写"}」，文件为「${next.rule || "未填写"}」）`,
      });
    }
  });
  return problems;
}

/** The same parsed target: `＞=3项` and `>=3项` are one target written two ways. */
const sameTarget = (a: Indicator, b: IndicatorData) =>
  a.targetOp === b.targetOp && sameDecimal(a.targetValue, b.targetValue) && a.targetUnit === b.targetUnit && a.targetQualitative === b.targetQualitative;

const TEXT_COLUMNS = ["level1", "level2", "name", "targetRaw", "measureType", "basis", "lastYear", "rule"] as const;

/** Whether writing `next` would change the stored row (besides its position). */
const sameContent = (stored: Indicator, next: IndicatorData) =>
  TEXT_COLUMNS.every((k) => stored[k] === next[k]) &&
  sameTarget(stored, next) &&
  stored.weight.equals(next.weight) &&
  JSON.stringify(stored.evidence) === JSON.stringify(next.evidence);

async function replaceSheet({ tx, audit }: SheetsWrite, plan: ReplacementPlan): Promise<number> {
  const { id, sheet, matched, removed } = plan;
  const before = await snapshot(tx, id);
  // The version moves so that an editor or adjustment form opened before the import is refused.
  await tx.targetSheet.update({ where: { id }, data: { ...sheetData(sheet), version: { increment: 1 } } });
  // Only rows without history are left here (planReplacements checked them, holding their locks).
  if (removed.length > 0) await tx.indicator.deleteMany({ where: { id: { in: removed.map((r) => r.id) } } });
  // Positions are unique per sheet: park the kept rows on negative positions in one statement, then put
  // each where the file has it.
  await tx.$executeRaw`UPDATE "indicator" SET "position" = -"position" - 1 WHERE "sheet_id" = ${id}`;
  for (const [position, indicator] of sheet.indicators.entries()) {
    const next = indicatorData(indicator, position);
    const previous = matched[position];
    if (!previous) await tx.indicator.create({ data: { sheetId: id, ...next } });
    else await tx.indicator.update({ where: { id: previous.id }, data: sameContent(previous, next) ? { position } : { ...next, version: { increment: 1 } } });
  }
  await audit({ action: "sheet.replace", entityType: "TargetSheet", entityId: id, before, after: await snapshot(tx, id) });
  return id;
}
