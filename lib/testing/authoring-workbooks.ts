import ExcelJS from "exceljs";
import type { CellValue } from "exceljs";
import { fill } from "./xlsx-workbook";

/**
 * Test workbooks as budget units fill them in Excel: hand-merged 一级/二级 cells, a blank spacer row,
 * full-width symbols and digits, numbers stored as text, trailing spaces.
 */

type Cells = Record<string, CellValue>;

/** The xlsx tests' helper, also for e2e/authoring.spec.ts, which fills the downloaded template with these cells. */
export { fill };

export const NEW_PROJECT = "2024年科技成果转化示范项目";

/** The printed labels of the form, where the template has them. */
const LABEL_CELLS: Cells = {
  "A1:I1": "项目支出绩效目标表",
  A3: "预算单位",
  A4: "项目名称",
  G4: "项目负责人",
  "A5:A6": "项目资金（万元）",
  "B5:C5": "年度预算总额",
  "B6:C6": "其中：财政拨款",
  "F6:G6": "其他资金",
  A7: "项目总体目标",
  A8: "一级指标",
  B8: "二级指标",
  C8: "三级指标",
  D8: "指标值",
  E8: "指标值设置依据",
  F8: "上年完成值",
  G8: "指标分值权重",
  H8: "指标赋分规则",
  I8: "佐证资料",
};

/**
 * What a budget unit types into the form for a new 2024 project, with one lint warning: its goal
 * promises 6 项 where the row says ＞＝５项.
 */
export function newProjectData(name: string = NEW_PROJECT, overrides: Cells = {}): Cells {
  return {
    "A2:I2": "（2024年）",
    "B3:I3": "乌鲁木齐市科学技术局 ",
    "B4:F4": ` ${name}`,
    "H4:I4": "冯先生",
    "D5:I5": "１，２００．００",
    "D6:E6": "1200",
    "H6:I6": 0,
    "B7:I7": "推动科技成果在乌鲁木齐转化落地，全年支持成果转化项目6项，技术合同登记20项。",
    "A9:A12": "产出指标",
    "B9:B11": "数量指标",
    C9: "支持成果转化项目数量",
    D9: "＞＝５项",
    E9: "计划标准",
    F9: "新增指标，无上年完成值。",
    G9: "１０",
    H9: "按照完成比例赋分 ",
    I9: "说明材料，工作资料",
    C10: "技术合同登记数量 ",
    D10: "＞=20 项",
    E10: "计划标准",
    F10: "-",
    G10: 10,
    H10: "按照完成比例赋分",
    I10: "工作资料",
    // row 11: a blank spacer inside the merged cells
    B12: "质量指标",
    C12: "项目验收通过率",
    D12: "＝１００％",
    E12: "行业或国家标准",
    F12: "-",
    G12: "20",
    H12: "直接赋分",
    I12: "正式材料",
    A13: "效益指标",
    B13: "社会效益指标",
    C13: "促进科技成果转化",
    D13: "有效促进",
    E13: "自定义",
    F13: "-",
    G13: 40,
    H13: "按评判等级赋分",
    I13: "说明材料",
    A14: "满意度指标",
    B14: "满意度指标",
    C14: "服务对象满意度",
    D14: "≥90%",
    E14: "行业或国家标准",
    F14: "-",
    G14: 10,
    H14: "满意度赋分",
    I14: "说明材料",
    ...overrides,
  };
}

/** The whole form filled in: labels and data. */
export function newProjectCells(overrides: Cells = {}): Cells {
  return { ...LABEL_CELLS, ...newProjectData(NEW_PROJECT, overrides) };
}

export async function workbookOf(sheets: Record<string, Cells>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, cells] of Object.entries(sheets)) fill(workbook.addWorksheet(name), cells);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
