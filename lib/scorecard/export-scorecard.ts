import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { readableSheetsWhere } from "@/lib/sheets/sheet-scope";
import type { Workbook } from "@/lib/xlsx";
import { monthLabel } from "@/lib/progress/labels";
import { formatTimeProgress } from "@/lib/progress/progress-view";
import { AMOUNT_FORMAT, type CellStyle, FormWriter, setPrintLayout } from "@/lib/xlsx/form-writer";
import { newWorkbook, toBuffer } from "@/lib/xlsx/write-workbook";
import { approvedText, lightCountsText, submittedText } from "./cells";
import type { Db } from "@/lib/figures/figures-source";
import { resolveScorecard, scorecardOrderBy, withOverdue } from "./get-scorecard";
import { overdueText } from "@/lib/deadlines/rules";
import { emptySubtotal, loadRows, type ScorecardRow, type Subtotal, toSubtotal, unitSubtotals } from "./queries";
import { summarizeScorecard } from "./tally";
import { LIGHT_SHORT } from "@/lib/figures/labels";
import { type ScorecardColumnId, type ScorecardQuery, SCORECARD_COLUMNS } from "./query";

/**
 * 导出Excel of the scorecard: the table as filtered and sorted on the page (every matching row, not one page), its
 * chosen columns; with grouping by unit, a 小计 row after each unit's rows; a 合计 row; and a second worksheet with
 * every unit's subtotals. Sums come from the database, like the page's.
 */

/** An .xlsx column: a header and how a row and a subtotal fill it. */
interface XlsxColumn {
  header: string;
  width: number;
  style: CellStyle;
  row: (r: ScorecardRow) => string | number | null;
  subtotal: (s: Subtotal) => string | number | null;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));
const AMOUNT: CellStyle = { align: "right", numFmt: AMOUNT_FORMAT };
const RATE: CellStyle = { align: "right", numFmt: '0.00"%"' };
const SCORE: CellStyle = { align: "right", numFmt: "0.00" };
const TEXT: CellStyle = {};
const CENTER: CellStyle = { align: "center" };

const XLSX_COLUMNS: Record<ScorecardColumnId, XlsxColumn[]> = {
  unit: [{ header: "预算单位", width: 24, style: TEXT, row: (r) => r.unit, subtotal: (s) => `小计：${s.unit}` }],
  name: [{ header: "项目名称", width: 40, style: TEXT, row: (r) => r.name, subtotal: (s) => `${s.sheets} 项` }],
  lead: [{ header: "项目负责人", width: 12, style: TEXT, row: (r) => r.lead, subtotal: () => null }],
  budget: [{ header: "全年预算数（万元）", width: 16, style: AMOUNT, row: (r) => num(r.budget), subtotal: (s) => num(s.budget) }],
  executed: [{ header: "执行数（万元）", width: 14, style: AMOUNT, row: (r) => num(r.executed), subtotal: (s) => num(s.executed) }],
  rate: [{ header: "预算执行率", width: 11, style: RATE, row: (r) => num(r.executionRate), subtotal: (s) => num(s.executionRate) }],
  submitted: [{ header: "已提交月报", width: 14, style: CENTER, row: submittedText, subtotal: () => null }],
  approved: [{ header: "已审核通过", width: 14, style: CENTER, row: approvedText, subtotal: () => null }],
  light: [{ header: "预警", width: 16, style: CENTER, row: (r) => r.light.label, subtotal: (s) => lightCountsText(s.lights) }],
  projected: [
    { header: "预计得分", width: 10, style: SCORE, row: (r) => num(r.projected?.score ?? null), subtotal: (s) => num(s.averageProjected) },
    {
      header: "预计等级",
      width: 10,
      style: CENTER,
      row: (r) => (r.projected ? `${r.projected.grade}${r.projected.complete ? "" : "（未完整）"}` : r.projectionError ? "无法评分" : null),
      subtotal: (s) => (s.averageProjected === null ? null : "平均"),
    },
  ],
  final: [
    { header: "评价得分", width: 10, style: SCORE, row: (r) => num(r.final?.score ?? null), subtotal: (s) => num(s.averageFinal) },
    { header: "评价等级", width: 10, style: CENTER, row: (r) => r.final?.grade ?? "未定稿", subtotal: (s) => `已定稿 ${s.finalised}` },
  ],
  overdue: [{ header: "逾期月份", width: 18, style: CENTER, row: (r) => overdueText(r.overdueMonths), subtotal: (s) => `逾期 ${s.overdueSheets} 项` }],
};

export async function exportScorecard(db: Db, actor: Actor, query: ScorecardQuery, options: { now?: Date } = {}): Promise<Workbook> {
  authorize(actor, { type: "sheets.list" });
  const now = options.now ?? new Date();
  const { fiscalYear, month, scope, deadlines } = await resolveScorecard(db, actor, query, now);
  const year = fiscalYear?.year ?? query.year ?? null;
  let rows: ScorecardRow[] = [];
  let groups: Subtotal[] = [];
  let totals = emptySubtotal();
  let unitNames = new Map<number, string>();
  if (fiscalYear && scope && deadlines) {
    const { filtered } = scope;
    const [summary, units] = await Promise.all([
      summarizeScorecard(db, scope),
      // Only units of sheets the actor may read: a unit filter naming another unit must not reveal its name.
      db.budgetUnit.findMany({
        where: { sheets: { some: { AND: [{ fiscalYearId: fiscalYear.id }, readableSheetsWhere(actor)] } } },
        select: { id: true, name: true },
      }),
    ]);
    unitNames = new Map(units.map((u) => [u.id, u.name]));
    const nameOf = (id: number) => unitNames.get(id) ?? `单位 ${id}`;
    const [loaded] = (await loadRows(db, [{ where: filtered, orderBy: scorecardOrderBy(query) }], nameOf)) as [ScorecardRow[]];
    rows = await withOverdue(db, fiscalYear, deadlines, now, loaded);
    totals = toSubtotal(null, "合计", summary.total);
    groups = unitSubtotals(summary, nameOf);
  }

  const filters = describeFilters(query, unitNames);
  const asOf = month > 0 ? `截至${month}月` : "";
  const workbook = newWorkbook();
  writeTable(workbook.addWorksheet("绩效看板"), {
    title: `${year ?? ""}年度绩效看板${asOf ? `（${asOf}）` : ""}`,
    note: [
      month > 0 ? `截至${monthLabel(year!, month)}（时间进度 ${formatTimeProgress(month)}）` : "没有可显示的年度",
      filters ? `筛选：${filters}` : "全部项目",
      `共 ${rows.length} 项${totals.lights.none > 0 ? `（待填报 ${totals.lights.none} 张，不计入平均分）` : ""}`,
    ].join("；"),
    columns: SCORECARD_COLUMNS.filter((c) => query.columns.includes(c.id)).flatMap((c) => XLSX_COLUMNS[c.id]),
    rows,
    groups: query.group === "unit" ? groups : null,
    totals,
  });
  writeUnitSubtotals(workbook.addWorksheet("按单位小计"), `${year ?? ""}年度绩效看板${asOf ? `（${asOf}）` : ""} · 按预算单位小计`, groups, totals);
  return { filename: `${year ?? ""}年度绩效看板${asOf ? `（${asOf}）` : ""}.xlsx`, bytes: await toBuffer(workbook) };
}

function describeFilters(query: ScorecardQuery, units: Map<number, string>): string {
  const parts: string[] = [];
  if (query.unit !== undefined) parts.push(`预算单位＝${units.get(query.unit) ?? query.unit}`);
  if (query.light) parts.push(`预警＝${query.light === "none" ? "待填报" : LIGHT_SHORT[query.light]}`);
  if (query.grade) parts.push(`等级＝${query.grade}`);
  if (query.overdue) parts.push("仅逾期");
  if (query.q) parts.push(`关键词「${query.q}」`);
  return parts.join("，");
}

interface TableSpec {
  title: string;
  note: string;
  columns: XlsxColumn[];
  rows: ScorecardRow[];
  /** When grouped: subtotals by unit, written after each unit's last row. */
  groups: Subtotal[] | null;
  totals: Subtotal;
}

const HEADER_ROW = 3;

function writeTable(worksheet: import("exceljs").Worksheet, spec: TableSpec): void {
  const { columns } = spec;
  const form = new FormWriter(
    worksheet,
    columns.map((c) => c.width),
  );
  const last = columns.length;
  form.put(1, 1, spec.title, { bold: true, size: 16, align: "center", border: false, wrap: false }, 1, last);
  form.put(2, 1, spec.note, { border: false, wrap: false }, 2, last);
  columns.forEach((c, i) => form.put(HEADER_ROW, i + 1, c.header, { bold: true, align: "center" }));
  let r = HEADER_ROW + 1;
  const bold = (s: CellStyle): CellStyle => ({ ...s, bold: true });
  const putSubtotal = (s: Subtotal, label: string) => {
    columns.forEach((c, i) => form.put(r, i + 1, i === 0 ? label : c.subtotal(s), bold(c.style)));
    r++;
  };
  const groups = new Map((spec.groups ?? []).map((g) => [g.unitId, g]));
  spec.rows.forEach((row, index) => {
    columns.forEach((c, i) => form.put(r, i + 1, c.row(row), c.style));
    r++;
    const next = spec.rows[index + 1];
    const group = groups.get(row.unitId);
    if (spec.groups && group && next?.unitId !== row.unitId) putSubtotal(group, `小计：${group.unit}（${group.sheets} 项）`);
  });
  putSubtotal(spec.totals, `合计（${spec.totals.sheets} 项）`);
  worksheet.views = [{ state: "frozen", ySplit: HEADER_ROW }];
  form.finish();
  setPrintLayout(worksheet, last, r - 1, HEADER_ROW);
}

const UNIT_HEADERS = [
  "预算单位",
  "项目数",
  "年度预算总额（万元）",
  "全年预算数（万元）",
  "执行数（万元）",
  "预算执行率",
  "红灯",
  "黄灯",
  "蓝灯",
  "绿灯",
  "待填报",
  "平均预计得分",
  "已定稿",
  "平均评价得分",
  "逾期项目",
] as const;

function unitCells(s: Subtotal, label: string): (string | number | null)[] {
  return [
    label,
    s.sheets,
    num(s.fundsTotal),
    num(s.budget),
    num(s.executed),
    num(s.executionRate),
    s.lights.red,
    s.lights.yellow,
    s.lights.blue,
    s.lights.green,
    s.lights.none,
    num(s.averageProjected),
    s.finalised,
    num(s.averageFinal),
    s.overdueSheets,
  ];
}

const UNIT_STYLES: CellStyle[] = [TEXT, CENTER, AMOUNT, AMOUNT, AMOUNT, RATE, CENTER, CENTER, CENTER, CENTER, CENTER, SCORE, CENTER, SCORE, CENTER];

function writeUnitSubtotals(worksheet: import("exceljs").Worksheet, title: string, groups: Subtotal[], totals: Subtotal): void {
  const form = new FormWriter(worksheet, [28, 8, 16, 16, 14, 11, 7, 7, 7, 7, 8, 12, 8, 12, 8]);
  const last = UNIT_HEADERS.length;
  form.put(1, 1, title, { bold: true, size: 16, align: "center", border: false, wrap: false }, 1, last);
  UNIT_HEADERS.forEach((h, i) => form.put(HEADER_ROW, i + 1, h, { bold: true, align: "center" }));
  let r = HEADER_ROW + 1;
  for (const g of groups) {
    unitCells(g, g.unit).forEach((v, i) => form.put(r, i + 1, v, UNIT_STYLES[i]));
    r++;
  }
  unitCells(totals, "合计").forEach((v, i) => form.put(r, i + 1, v, { ...UNIT_STYLES[i], bold: true }));
  worksheet.views = [{ state: "frozen", ySplit: HEADER_ROW }];
  form.finish();
  setPrintLayout(worksheet, last, r, HEADER_ROW);
}
