import type { Worksheet } from "exceljs";
import type { InterchangeSheet } from "@/lib/interchange/schema";
import { AMOUNT_FORMAT, FormWriter, setPrintLayout } from "./form-writer";
import { writeIndicatorTable } from "./indicator-table";
import { DEPARTMENT_TITLE } from "./labels";
import type { TableColumn } from "./indicator-table";

/**
 * The 部门整体绩效目标表 as printed, six columns wide:
 *
 * | row  | A              | B–C              | D        | E–F                |
 * |------|----------------|------------------|----------|--------------------|
 * | 1    | 部门整体绩效目标表 (A–F)                                          |
 * | 2    | （2025年） (A–F)                                                  |
 * | 3    | 部门名称（盖章） | unit (B–F)                                      |
 * | 4    | 部门联系人     | lead (B–C)       | 联系电话 | (E–F, left blank)   |
 * | 5    | 年度绩效目标   | goal (B–F)                                        |
 * | 6–9  | 年度预算（万元） | 资金来源 (B–D) / 财政资金（万元） (B–C, 7–8) / 其他资金（万元） | 资金总额（万元） (E–F) / 上级安排 0.00 / 本级安排 / 其他 |
 * | 10   | 一级指标 二级指标 三级指标 指标值 指标设定依据 分值权重                 |
 * | 11…  | one indicator per row                                             |
 *
 * The interchange file keeps only 财政拨款 = 上级安排 + 本级安排 (docs/transcription.md), so it is written as
 * 本级安排 with 上级安排 0.
 */
const DEPARTMENT_COLUMNS: readonly TableColumn[] = [
  { field: "level1", caption: "一级指标", width: 12 },
  { field: "level2", caption: "二级指标", width: 12 },
  { field: "name", caption: "三级指标", width: 30 },
  { field: "targetRaw", caption: "指标值", width: 14 },
  { field: "basis", caption: "指标设定依据", width: 40 },
  { field: "weight", caption: "分值权重", width: 10 },
];

const DEPARTMENT_TABLE_HEADER_ROW = 10;
const LAST_COL = DEPARTMENT_COLUMNS.length;

export function writeDepartmentForm(worksheet: Worksheet, sheet: InterchangeSheet, yearText: string): number {
  const form = new FormWriter(
    worksheet,
    DEPARTMENT_COLUMNS.map((c) => c.width),
  );
  const label = { align: "center" as const };
  const amount = { align: "right" as const, numFmt: AMOUNT_FORMAT };

  form.put(1, 1, DEPARTMENT_TITLE, { bold: true, size: 18, align: "center", border: false, wrap: false }, 1, LAST_COL);
  form.put(2, 1, yearText, { align: "center", border: false, wrap: false }, 2, LAST_COL);
  form.put(3, 1, "部门名称（盖章）", label);
  form.put(3, 2, sheet.unit, {}, 3, LAST_COL);
  form.put(4, 1, "部门联系人", label);
  form.put(4, 2, sheet.lead, {}, 4, 3);
  form.put(4, 4, "联系电话", label);
  form.put(4, 5, null, {}, 4, LAST_COL);
  form.put(5, 1, "年度绩效目标", label);
  form.put(5, 2, sheet.goal, {}, 5, LAST_COL);
  form.put(6, 1, "年度预算（万元）", label, 9, 1);
  form.put(6, 2, "资金来源", label, 6, 4);
  form.put(6, 5, "资金总额（万元）", label, 6, LAST_COL);
  form.put(7, 2, "财政资金（万元）", label, 8, 3);
  form.put(7, 4, "上级安排", label);
  form.put(7, 5, 0, amount, 7, LAST_COL);
  form.put(8, 4, "本级安排", label);
  form.put(8, 5, Number(sheet.funds.fiscal), amount, 8, LAST_COL);
  form.put(9, 2, "其他资金（万元）", label, 9, 3);
  form.put(9, 4, "其他", label);
  form.put(9, 5, Number(sheet.funds.other), amount, 9, LAST_COL);

  const lastRow = writeIndicatorTable(form, DEPARTMENT_TABLE_HEADER_ROW, DEPARTMENT_COLUMNS, sheet.indicators, 0);
  form.finish(new Map([[1, 32]]));
  setPrintLayout(worksheet, LAST_COL, lastRow, DEPARTMENT_TABLE_HEADER_ROW);
  return lastRow;
}
