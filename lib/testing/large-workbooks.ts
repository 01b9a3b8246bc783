import ExcelJS from "exceljs";
import { newProjectCells } from "./authoring-workbooks";
import { fill } from "./xlsx-workbook";

/**
 * Large target-sheet workbooks, built in memory for the import benchmark and the reader's limit tests.
 * The indicator rows are typed the way a budget unit fills a long table by hand: 一级/二级 written once at
 * the top of their group, the cells below left blank (not merged) — the shape that used to make reading
 * quadratic (issue 12: a 10,000-row workbook held the admin preview for 24–41 s).
 */
export interface LargeWorkbookShape {
  /** Project forms, each on its own worksheet. */
  forms: number;
  /** Indicator rows per form. */
  rowsPerForm: number;
  /** Rows per 一级/二级 group (one caption, blanks below). */
  groupRows?: number;
}

const LEVELS: Array<[string, string]> = [
  ["产出指标", "数量指标"],
  ["产出指标", "质量指标"],
  ["效益指标", "社会效益指标"],
  ["满意度指标", "满意度指标"],
];

export async function largeTargetWorkbook({ forms, rowsPerForm, groupRows = 50 }: LargeWorkbookShape): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  // Weights in hundredths so that each form's rows sum to at most 100 (the budget-execution row takes the rest).
  const weight = Math.max(0.01, Math.floor((90 / rowsPerForm) * 100) / 100);
  for (let f = 0; f < forms; f++) {
    // The sample form's labels and header (rows 1–8), its own name; its rows are replaced below.
    const header = Object.fromEntries(Object.entries(newProjectCells({ "B4:F4": `科技项目${f + 1}` })).filter(([range]) => rowOf(range) <= 8));
    const worksheet = fill(workbook.addWorksheet(`项目${f + 1}`), header);
    for (let i = 0; i < rowsPerForm; i++) {
      const group = Math.floor(i / groupRows);
      const [level1, level2] = LEVELS[group % LEVELS.length]!;
      const first = i % groupRows === 0;
      worksheet.addRow([
        first ? level1 : null,
        first ? level2 : null,
        `第${group + 1}组指标${i + 1}`,
        i % 3 === 0 ? "≥90%" : `＞=${(i % 40) + 1}项`,
        "计划标准",
        "-",
        weight,
        i % 3 === 0 ? "满意度赋分" : "按照完成比例赋分",
        "说明材料，工作资料",
      ]);
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const rowOf = (range: string): number => Number(/\d+/.exec(range)?.[0] ?? 0);
