import { type SelfEvaluationReport, SIGN_OFF_LABELS } from "./self-evaluation";
import { AMOUNT_FORMAT, type CellStyle, FormWriter, setPrintLayout, TEXT_FORMAT } from "@/lib/xlsx/form-writer";
import { newWorkbook, toBuffer } from "@/lib/xlsx/write-workbook";

/**
 * The 项目支出绩效自评表 as an .xlsx in the official layout, nine columns wide (得分 split into the lead's 自评分 and
 * the evaluator's 评价分):
 *
 * | row   | A                | B              | C          | D          | E          | F    | G      | H      | I                  |
 * |-------|------------------|----------------|------------|------------|------------|------|--------|--------|--------------------|
 * | 1     | 项目支出绩效自评表 (A–I)                                                                                     |
 * | 2     | （2025年度） (A–I)                                                                                          |
 * | 3     | 项目名称         | project (B–I)                                                                            |
 * | 4     | 主管部门         | department (B–D)                         | 预算单位   | unit (F–I)                         |
 * | 5     | 项目负责人       | lead (B–D)                               | 评价日期   | date (F–I)                         |
 * | 6–9   | 项目资金（万元） |                | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 (H–I)          |
 * |       |                  | 年度资金总额 / 其中：财政拨款 / 其他资金, one line each                                  |
 * | 10    | 年度总体目标     | goal (B–I)                                                                               |
 * | 11    | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 自评分 | 评价分 | 偏差原因分析及改进措施 |
 * | 12…   | one indicator per row; 一级/二级 merged over their groups; then 预算执行率                               |
 * | …     | 总分 (A–E) | 分值 | 自评分 | 评价分 ; 评价等级 (A–E) | self grade | grade (H–I) ; 说明 when finalised early  |
 * | …     | sign-off: 填报人 / 审核人 / 单位负责人, then 联系电话 / 填报日期 / 单位盖章                                   |
 */
export const SELF_EVALUATION_COLUMNS = [
  { caption: "一级指标", width: 10 },
  { caption: "二级指标", width: 13 },
  { caption: "三级指标", width: 28 },
  { caption: "年度指标值", width: 12 },
  { caption: "实际完成值", width: 15 },
  { caption: "分值", width: 9 },
  { caption: "自评分", width: 9 },
  { caption: "评价分", width: 9 },
  { caption: "偏差原因分析及改进措施", width: 36 },
] as const;

export const FUNDS_CAPTIONS = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"] as const;

const LAST_COL = SELF_EVALUATION_COLUMNS.length;
export const SELF_EVALUATION_LAYOUT = { fundsHeaderRow: 6, goalRow: 10, tableHeaderRow: 11 } as const;

const SCORE_FORMAT = "0.00";
const RATE_FORMAT = '0.00"%"';
const PENDING = "待评";
const DASH = "—";
const NOT_SUBMITTED = "未提交";
/** Room for the seal: about 3 cm. */
const SEAL_ROW_HEIGHT = 86;

// Figures are written as numbers so Excel can add them up; they are exact decimal strings with two places,
// which a double holds exactly enough to show as printed.
const num = (value: string | null): number | null => (value === null ? null : Number(value));

export function writeSelfEvaluationSheet(form: FormWriter, report: SelfEvaluationReport): number {
  const label: CellStyle = { align: "center" };
  const head: CellStyle = { align: "center", bold: true };
  const amount: CellStyle = { align: "right", numFmt: AMOUNT_FORMAT };
  const score: CellStyle = { align: "center", numFmt: SCORE_FORMAT };
  const submitted = report.self.state === "FINAL";
  const selfCell = (value: string | null) => (!submitted ? DASH : value === null ? PENDING : Number(value));

  form.put(1, 1, report.title, { bold: true, size: 18, align: "center", border: false, wrap: false }, 1, LAST_COL);
  form.put(2, 1, report.yearText, { align: "center", border: false, wrap: false }, 2, LAST_COL);
  form.put(3, 1, report.kind === "PROJECT" ? "项目名称" : "名称", label);
  form.put(3, 2, report.project, {}, 3, LAST_COL);
  form.put(4, 1, "主管部门", label);
  form.put(4, 2, report.department, {}, 4, 4);
  form.put(4, 5, "预算单位", label);
  form.put(4, 6, report.unit, {}, 4, LAST_COL);
  form.put(5, 1, report.kind === "PROJECT" ? "项目负责人" : "部门联系人", label);
  form.put(5, 2, report.lead, {}, 5, 4);
  form.put(5, 5, "评价日期", label);
  form.put(5, 6, report.finalisedOn ?? "", {}, 5, LAST_COL);

  const { fundsHeaderRow, goalRow, tableHeaderRow } = SELF_EVALUATION_LAYOUT;
  form.put(fundsHeaderRow, 1, report.kind === "PROJECT" ? "项目资金（万元）" : "年度资金（万元）", label, fundsHeaderRow + report.funds.length, 1);
  form.put(fundsHeaderRow, 2, null, label);
  FUNDS_CAPTIONS.forEach((caption, i) => form.put(fundsHeaderRow, 3 + i, caption, head, fundsHeaderRow, i === FUNDS_CAPTIONS.length - 1 ? LAST_COL : 3 + i));
  report.funds.forEach((line, i) => {
    const r = fundsHeaderRow + 1 + i;
    form.put(r, 2, line.label, label);
    form.put(r, 3, num(line.initial), amount);
    form.put(r, 4, num(line.fullYear), amount);
    form.put(r, 5, num(line.executed), amount);
    if (line.sub) {
      form.put(r, 6, DASH, label);
      form.put(r, 7, DASH, label);
      form.put(r, 8, DASH, label, r, LAST_COL);
    } else {
      form.put(r, 6, num(line.weight), score);
      form.put(r, 7, line.rate === null ? PENDING : Number(line.rate), { align: "center", numFmt: RATE_FORMAT });
      form.put(r, 8, line.score === null ? PENDING : Number(line.score), score, r, LAST_COL);
    }
  });
  form.put(goalRow, 1, "年度总体目标", label);
  form.put(goalRow, 2, report.goal, {}, goalRow, LAST_COL);

  SELF_EVALUATION_COLUMNS.forEach((c, i) => form.put(tableHeaderRow, i + 1, c.caption, head));
  const first = tableHeaderRow + 1;
  report.rows.forEach((row, i) => {
    const r = first + i;
    if (row.level1Span > 0) form.put(r, 1, row.level1, label, r + row.level1Span - 1, 1);
    if (row.level2Span > 0) form.put(r, 2, row.level2, label, r + row.level2Span - 1, 2);
    form.put(r, 3, row.name);
    form.put(r, 4, row.target, { align: "center", numFmt: TEXT_FORMAT });
    form.put(r, 5, row.actual, { align: "center", numFmt: TEXT_FORMAT });
    form.put(r, 6, Number(row.weight), score);
    form.put(r, 7, selfCell(row.selfScore), score);
    form.put(r, 8, row.score === null ? PENDING : Number(row.score), score);
    form.put(r, 9, row.reasons.join("\n"));
  });

  let r = first + report.rows.length;
  const b = report.budgetRow;
  form.put(r, 1, b.label, label, r, 3);
  form.put(r, 4, b.target, { align: "center", numFmt: TEXT_FORMAT });
  form.put(r, 5, b.actual, { align: "center", numFmt: TEXT_FORMAT });
  form.put(r, 6, Number(b.weight), score);
  form.put(r, 7, selfCell(b.selfScore), score);
  form.put(r, 8, b.score === null ? PENDING : Number(b.score), score);
  form.put(r, 9, null);
  r++;
  form.put(r, 1, "总分", head, r, 5);
  form.put(r, 6, Number(report.maxTotal), score);
  form.put(r, 7, submitted && report.self.total !== null ? Number(report.self.total) : NOT_SUBMITTED, { ...score, bold: true });
  form.put(r, 8, Number(report.total), { ...score, bold: true });
  form.put(r, 9, report.complete ? null : "尚有指标待评，未计入总分", {});
  r++;
  form.put(r, 1, "评价等级", head, r, 5);
  form.put(r, 6, null);
  form.put(r, 7, submitted ? (report.self.grade ?? "") : NOT_SUBMITTED, { align: "center", bold: true });
  form.put(r, 8, report.grade, { align: "center", bold: true }, r, LAST_COL);
  if (report.earlyFinaliseReason) {
    r++;
    form.put(r, 1, "说明", head, r, 5);
    form.put(r, 6, `负责人提交自评前定稿，原因：${report.earlyFinaliseReason}`, {}, r, LAST_COL);
  }
  const lastRow = r;

  // The sign-off block of the official form: names and dates filled in where known, the rest signed by hand.
  r += 2;
  const s = report.signOff;
  form.put(r, 1, SIGN_OFF_LABELS.filledBy, label);
  form.put(r, 2, s.filledBy, {}, r, 3);
  form.put(r, 4, SIGN_OFF_LABELS.reviewer, label);
  form.put(r, 5, s.reviewer);
  form.put(r, 6, SIGN_OFF_LABELS.unitHead, label, r, 7);
  form.put(r, 8, s.unitHead, {}, r, LAST_COL);
  r++;
  form.put(r, 1, SIGN_OFF_LABELS.phone, label);
  form.put(r, 2, s.phone, {}, r, 3);
  form.put(r, 4, SIGN_OFF_LABELS.filledOn, label);
  form.put(r, 5, s.filledOn);
  form.put(r, 6, SIGN_OFF_LABELS.seal, label, r, 7);
  form.put(r, 8, null, {}, r, LAST_COL);
  const sealRow = r;
  r++;
  const status = report.state === "FINAL" ? `评价人：${report.evaluator ?? ""}　定稿日期：${report.finalisedOn ?? ""}` : "评价尚未定稿（草稿）";
  form.put(r, 1, `${status}　导出日期：${report.printedOn}`, { border: false, wrap: false, size: 9 }, r, LAST_COL);

  form.finish(
    new Map([
      [1, 32],
      [goalRow, 48],
      [sealRow, SEAL_ROW_HEIGHT],
    ]),
  );
  setPrintLayout(form.worksheet, LAST_COL, r, tableHeaderRow);
  return lastRow;
}

/** The 自评表 of one sheet as an .xlsx file. */
export async function writeSelfEvaluationWorkbook(report: SelfEvaluationReport): Promise<Buffer> {
  const workbook = newWorkbook();
  const worksheet = workbook.addWorksheet("自评表");
  const form = new FormWriter(
    worksheet,
    SELF_EVALUATION_COLUMNS.map((c) => c.width),
  );
  writeSelfEvaluationSheet(form, report);
  return toBuffer(workbook);
}
