import type { Worksheet } from "exceljs";
import type { InterchangeIndicator, InterchangeSheet } from "@/lib/interchange/schema";
import { SCORING_RULES } from "@/lib/scoring/types";
import { AMOUNT_FORMAT, FormWriter, setPrintLayout } from "./form-writer";
import { PROJECT_TITLE } from "./labels";
import { writeIndicatorTable } from "./indicator-table";

/**
 * The 项目支出绩效目标表 as printed in the budget document, nine columns wide:
 *
 * | row | A            | B–C            | D–E  | F–G      | H–I  |
 * |-----|--------------|----------------|------|----------|------|
 * | 1   | 项目支出绩效目标表 (A–I)                                  |
 * | 2   | （2025年） (A–I)                                         |
 * | 3   | 预算单位     | unit (B–I)                                 |
 * | 4   | 项目名称     | name (B–F)            | 项目负责人 (G) | lead (H–I) |
 * | 5–6 | 项目资金（万元） | 年度预算总额 / 其中：财政拨款 | total (D–I) / fiscal (D–E) | 其他资金 | other |
 * | 7   | 项目总体目标 | goal (B–I)                                  |
 * | 8   | 一级指标 二级指标 三级指标 指标值 指标值设置依据 上年完成值 指标分值权重 指标赋分规则 佐证资料 |
 * | 9…  | one indicator per row; 一级/二级 merged over their groups   |
 */
export const PROJECT_COLUMNS = [
  { field: "level1", caption: "一级指标", width: 10 },
  { field: "level2", caption: "二级指标", width: 10 },
  { field: "name", caption: "三级指标", width: 30 },
  { field: "targetRaw", caption: "指标值", width: 13 },
  { field: "basis", caption: "指标值设置依据", width: 20 },
  { field: "lastYear", caption: "上年完成值", width: 13 },
  { field: "weight", caption: "指标分值权重", width: 10 },
  { field: "rule", caption: "指标赋分规则", width: 17 },
  { field: "evidence", caption: "佐证资料", width: 14 },
] as const satisfies ReadonlyArray<{ field: keyof InterchangeIndicator; caption: string; width: number }>;

const PROJECT_TABLE_HEADER_ROW = 8;
const LAST_COL = PROJECT_COLUMNS.length;

/** Writes one project sheet; `sheet` undefined writes the blank form with `blankRows` rows to fill in. */
export function writeProjectForm(worksheet: Worksheet, sheet: InterchangeSheet | undefined, yearText: string, blankRows = 0): number {
  const form = new FormWriter(
    worksheet,
    PROJECT_COLUMNS.map((c) => c.width),
  );
  const label = { align: "center" as const };
  const amount = (value: string | undefined) => (value === undefined ? null : Number(value));

  form.put(1, 1, PROJECT_TITLE, { bold: true, size: 18, align: "center", border: false, wrap: false }, 1, LAST_COL);
  form.put(2, 1, yearText, { align: "center", border: false, wrap: false }, 2, LAST_COL);
  form.put(3, 1, "预算单位", label);
  form.put(3, 2, sheet?.unit ?? null, {}, 3, LAST_COL);
  form.put(4, 1, "项目名称", label);
  form.put(4, 2, sheet?.name ?? null, {}, 4, 6);
  form.put(4, 7, "项目负责人", label);
  form.put(4, 8, sheet?.lead ?? null, {}, 4, LAST_COL);
  form.put(5, 1, "项目资金（万元）", label, 6, 1);
  form.put(5, 2, "年度预算总额", label, 5, 3);
  form.put(5, 4, amount(sheet?.funds.total), { align: "right", numFmt: AMOUNT_FORMAT }, 5, LAST_COL);
  form.put(6, 2, "其中：财政拨款", label, 6, 3);
  form.put(6, 4, amount(sheet?.funds.fiscal), { align: "right", numFmt: AMOUNT_FORMAT }, 6, 5);
  form.put(6, 6, "其他资金", label, 6, 7);
  form.put(6, 8, amount(sheet?.funds.other), { align: "right", numFmt: AMOUNT_FORMAT }, 6, LAST_COL);
  form.put(7, 1, "项目总体目标", label);
  form.put(7, 2, sheet?.goal ?? null, {}, 7, LAST_COL);

  const lastRow = writeIndicatorTable(form, PROJECT_TABLE_HEADER_ROW, PROJECT_COLUMNS, sheet?.indicators ?? [], blankRows);
  addRuleChoices(worksheet, PROJECT_TABLE_HEADER_ROW + 1, lastRow);
  form.finish(
    new Map([
      [1, 32],
      [7, 60],
    ]),
  );
  setPrintLayout(worksheet, LAST_COL, lastRow, PROJECT_TABLE_HEADER_ROW);
  return lastRow;
}

/** A drop-down of the four 赋分规则 on the rule column; anything else is refused by Excel as typed. */
function addRuleChoices(worksheet: Worksheet, fromRow: number, toRow: number): void {
  const col = PROJECT_COLUMNS.findIndex((c) => c.field === "rule") + 1;
  for (let r = fromRow; r <= toRow; r++) {
    worksheet.getCell(r, col).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${SCORING_RULES.join(",")}"`],
      showErrorMessage: true,
      errorTitle: "赋分规则",
      error: `请选择：${SCORING_RULES.join("、")}`,
    };
  }
}
