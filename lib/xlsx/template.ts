import { SCORING_RULES } from "@/lib/scoring/types";
import { FormWriter } from "./form-writer";
import { PROJECT_COLUMNS, writeProjectForm } from "./project-form";
import { newWorkbook, toBuffer } from "./write-workbook";

export const TEMPLATE_BLANK_ROWS = 15;

/** Starts with 填写说明 so that the reader takes it as the end of the table (labels.ts `isNote`). */
export const TEMPLATE_NOTE = [
  "填写说明：",
  "1. 每行填写一个三级指标。一级指标、二级指标可以合并单元格，也可以每行重复填写；行不够时插入行。",
  "2. 指标值：定量指标写“比较符+数值+单位”，如 ＞=9项、＜=5%、=100%、＞=3.5亿元（比较符可用 ＞=、＜=、＞、＜、=，全角半角均可，也可用 ≥、≤）；定性指标直接写文字，如 有效推动、逐步改善。",
  "3. 指标分值权重填数字（如 10）。各指标分值合计一般为 90 分，其余 10 分为预算执行率。",
  `4. 指标赋分规则只能填：${SCORING_RULES.join("、")}。`,
  "5. 佐证资料可填多项，用逗号分隔，如 说明材料,工作资料。",
  "6. 项目资金单位为万元，保留两位小数；年度预算总额 = 财政拨款 + 其他资金。",
  "7. 一个工作簿可放多张表：每张表一个工作表，或在同一工作表中上下排列（每张表从标题行或“预算单位”行开始）。",
].join("\n");

/** The blank 项目支出绩效目标表 a budget unit fills in, with the notation explained below the table. */
export async function writeTemplateWorkbook(): Promise<Buffer> {
  const workbook = newWorkbook();
  const worksheet = workbook.addWorksheet("项目支出绩效目标表");
  const lastRow = writeProjectForm(worksheet, undefined, "（    年）", TEMPLATE_BLANK_ROWS);
  const noteRow = lastRow + 2;
  const note = new FormWriter(
    worksheet,
    PROJECT_COLUMNS.map((c) => c.width),
  );
  note.put(noteRow, 1, TEMPLATE_NOTE, { border: false }, noteRow, PROJECT_COLUMNS.length);
  note.finish();
  return toBuffer(workbook);
}
