import { describe, expect, it } from "vitest";
import { SCORING_RULES } from "@/lib/scoring/types";
import { readSheetsWorkbook } from "./read-workbook";
import { TEMPLATE_BLANK_ROWS, writeTemplateWorkbook } from "./template";
import { load } from "@/lib/testing/xlsx-workbook";

const options = { department: "乌鲁木齐市科学技术局", fiscalYear: 2025 };

describe("writeTemplateWorkbook", () => {
  it("reads as a workbook without sheets", async () => {
    expect(await readSheetsWorkbook(await writeTemplateWorkbook(), options)).toEqual({
      ok: false,
      problems: [{ path: "", message: "工作簿中没有找到绩效目标表" }],
    });
  });

  it("is one worksheet with the form's captions where the official form has them", async () => {
    const workbook = await load(await writeTemplateWorkbook());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["项目支出绩效目标表"]);
    const ws = workbook.worksheets[0]!;
    const at = (a: string) => ws.getCell(a).value;
    expect([at("A1"), at("A3"), at("A4"), at("G4"), at("A5"), at("B5"), at("B6"), at("F6"), at("A7")]).toEqual([
      "项目支出绩效目标表",
      "预算单位",
      "项目名称",
      "项目负责人",
      "项目资金（万元）",
      "年度预算总额",
      "其中：财政拨款",
      "其他资金",
      "项目总体目标",
    ]);
    expect(["A", "B", "C", "D", "E", "F", "G", "H", "I"].map((c) => at(`${c}8`))).toEqual([
      "一级指标",
      "二级指标",
      "三级指标",
      "指标值",
      "指标值设置依据",
      "上年完成值",
      "指标分值权重",
      "指标赋分规则",
      "佐证资料",
    ]);
    // Blank rows to fill in, bordered, with the 赋分规则 drop-down; then the note.
    const lastBlank = 8 + TEMPLATE_BLANK_ROWS;
    expect(ws.getCell(`C${lastBlank}`).border?.bottom?.style).toBe("thin");
    expect(ws.getCell(`C${lastBlank}`).value).toBeNull();
    expect(ws.getCell(`H${lastBlank}`).dataValidation?.formulae).toEqual([`"${SCORING_RULES.join(",")}"`]);
    expect(ws.getCell(`D${lastBlank}`).numFmt).toBe("@");
  });

  it("explains the 指标值 notation and the allowed 赋分规则 in a note below the table", async () => {
    const ws = (await load(await writeTemplateWorkbook())).worksheets[0]!;
    const note = ws.getCell(`A${8 + TEMPLATE_BLANK_ROWS + 2}`).value;
    expect(typeof note).toBe("string");
    for (const phrase of ["填写说明", "＞=9项", "＜=5%", "有效推动", ...SCORING_RULES]) expect(note).toContain(phrase);
  });
});
