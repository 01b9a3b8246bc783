import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadEvaluationData } from "@/lib/evaluation/evaluation-data";
import { finaliseEvaluation } from "@/lib/evaluation/finalise-evaluation";
import { saveEvaluation } from "@/lib/evaluation/save-evaluation";
import { saveSelfEvaluation } from "@/lib/evaluation/save-self-evaluation";
import { submitSelfEvaluation } from "@/lib/evaluation/submit-self-evaluation";
import { toScoreInputDocument } from "@/lib/evaluation/score-input-document";
import { createFixture, type Fixture, outcome, resetEvaluations, typedRows } from "@/lib/testing/evaluation-fixtures";
import { scoreInput } from "@/lib/scoring/score-input";
import { writeSelfEvaluationWorkbook } from "./self-evaluation-workbook";
import { getSelfEvaluationReport } from "./self-evaluation";

let f: Fixture;

beforeAll(async () => {
  f = await createFixture();
});
afterAll(async () => {
  await f?.db.close();
});
beforeEach(async () => {
  await resetEvaluations(f.db);
});

const NOW = new Date("2026-01-20T08:00:00Z");

/** The lead's 自评 of the 两区 sheet, submitted: 96.67 (优), with the lead's own deviation reasons. */
async function selfSubmitted() {
  await saveSelfEvaluation(f.db.prisma, f.actors.lead, {
    sheetId: f.sheetId,
    version: 0,
    executed: "1600",
    rows: typedRows(f, {
      0: { deviationReason: "一个项目推迟立项" },
      4: { deductionPoints: "", deductionReason: "" },
      6: { band: "达成年度指标", gradeScore: "40", deviationReason: "" },
    }),
  });
  await submitSelfEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId, version: 1 });
}

async function finalised(earlyReason = "负责人未按期提交自评") {
  await saveEvaluation(f.db.prisma, f.actors.evaluator, {
    sheetId: f.sheetId,
    version: 0,
    executed: "1,500",
    rows: typedRows(f, { 4: { deviationReason: "指标值设定偏低，已扣分；下年度按实际能力调高" } }),
  });
  await finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1, earlyReason });
  return getSelfEvaluationReport(f.db.prisma, f.actors.manager, { sheetId: f.sheetId }, { now: NOW });
}

async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
  return workbook;
}

describe("自评表 data", () => {
  it("holds the header, funds, rows grouped by 一级/二级, 预算执行率, total and grade of the final evaluation", async () => {
    const report = await finalised();
    expect(report).toMatchObject({
      title: "项目支出绩效自评表",
      yearText: "（2025年度）",
      department: "乌鲁木齐市科学技术局",
      unit: "乌鲁木齐市科学技术局",
      project: "2025年“两区”创新建设专项",
      lead: "冯先生",
      state: "FINAL",
      evaluator: "评价专家",
      printedOn: "2026-01-20",
      total: "90.05",
      grade: "优",
      complete: true,
      maxTotal: "100.00",
    });
    expect(report.funds).toEqual([
      { label: "年度资金总额", initial: "1600.00", fullYear: "1600.00", executed: "1500.00", sub: false, weight: "10.00", rate: "93.75", score: "9.38" },
      { label: "其中：财政拨款", initial: "1600.00", fullYear: "1600.00", executed: null, sub: true, weight: null, rate: null, score: null },
      { label: "其他资金", initial: "0.00", fullYear: "0.00", executed: null, sub: true, weight: null, rate: null, score: null },
    ]);
    expect(report.rows.map((r) => [r.level1Span, r.level2Span, r.actual, r.weight, r.score])).toEqual([
      [6, 5, "2项", "10.00", "6.67"],
      [0, 0, "3项", "5.00", "5.00"],
      [0, 0, "4人", "5.00", "5.00"],
      [0, 0, "3份", "5.00", "5.00"],
      [0, 0, "5个", "10.00", "8.00"],
      [0, 1, "100%", "15.00", "15.00"],
      [1, 1, "达成年度指标", "40.00", "36.00"],
    ]);
    expect(report.rows[4]!.reasons).toEqual(["指标值设定偏低，已扣分；下年度按实际能力调高", "扣分理由（扣 2.00 分）：指标值设定偏低"]);
    // The lead has not submitted a 自评: no 自评分, and the reason the evaluator finalised anyway.
    expect(report.self).toEqual({ state: "NONE", total: null, grade: null, submittedOn: null });
    expect(report.rows.every((r) => r.selfScore === null)).toBe(true);
    expect(report.earlyFinaliseReason).toBe("负责人未按期提交自评");
    expect(report.signOff).toEqual({ filledBy: "评价专家", reviewer: "", unitHead: "", phone: "", filledOn: report.finalisedOn });
    expect(report.budgetRow).toMatchObject({ label: "预算执行率", actual: "93.75%", weight: "10.00", score: "9.38" });

    // The same figures as the score command for the same values.
    const data = await loadEvaluationData(f.db.prisma, f.sheetId);
    const command = scoreInput(toScoreInputDocument(data, data.evaluations.EVALUATOR));
    if (!command.ok) throw new Error(command.errors.join("\n"));
    const sheet = command.output.sheets[0]!;
    expect([report.total, report.grade]).toEqual([sheet.total, sheet.grade]);
    expect(report.rows.map((r) => r.score)).toEqual(sheet.indicators.map((i) => i.score));
    expect(report.budgetRow.score).toBe(sheet.budgetExecution.score);
  });

  it("prints a draft as it stands, pending rows blank, and says it is not final", async () => {
    await saveEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 0, rows: typedRows(f, { 6: { band: "", gradeScore: "" } }) });
    const report = await getSelfEvaluationReport(f.db.prisma, f.actors.lead, { sheetId: f.sheetId });
    expect(report).toMatchObject({ state: "DRAFT", complete: false, evaluator: null, finalisedOn: null, total: "44.67", grade: "差", earlyFinaliseReason: "" });
    expect(report.signOff).toEqual({ filledBy: "", reviewer: "", unitHead: "", phone: "", filledOn: "" });
    expect(report.rows[6]).toMatchObject({ actual: "", score: null });
    expect(report.budgetRow).toMatchObject({ actual: "", score: null });
  });

  it("puts the lead's submitted 自评分 beside each 评价分, with the lead's reasons", async () => {
    await selfSubmitted();
    const report = await finalised("");
    expect(report.self).toMatchObject({ state: "FINAL", total: "96.67", grade: "优" });
    expect(report.self.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(report.rows.map((r) => [r.selfScore, r.score])).toEqual([
      ["6.67", "6.67"],
      ["5.00", "5.00"],
      ["5.00", "5.00"],
      ["5.00", "5.00"],
      ["10.00", "8.00"],
      ["15.00", "15.00"],
      ["40.00", "36.00"],
    ]);
    expect(report.budgetRow).toMatchObject({ selfScore: "10.00", score: "9.38" });
    expect(report.rows[0]!.reasons).toEqual(["一个项目延期至次年立项，已督促加快进度", "负责人自评偏差原因：一个项目推迟立项"]);
    expect(report.earlyFinaliseReason).toBe("");
  });

  it("shows a draft 自评 of the lead as not submitted", async () => {
    await saveSelfEvaluation(f.db.prisma, f.actors.lead, {
      sheetId: f.sheetId,
      version: 0,
      executed: "1600",
      rows: typedRows(f, { 4: { deductionPoints: "", deductionReason: "" } }),
    });
    const report = await getSelfEvaluationReport(f.db.prisma, f.actors.lead, { sheetId: f.sheetId });
    expect(report.self).toEqual({ state: "DRAFT", total: null, grade: null, submittedOn: null });
    expect(report.rows.every((r) => r.selfScore === null)).toBe(true);
  });

  it("prints dates in Beijing time: a 定稿 at 17:30 UTC is the next day's date", async () => {
    await finalised();
    await f.db.prisma.evaluation.updateMany({ where: { sheetId: f.sheetId, kind: "EVALUATOR" }, data: { finalisedAt: new Date("2026-01-14T17:30:00Z") } });
    const report = await getSelfEvaluationReport(f.db.prisma, f.actors.manager, { sheetId: f.sheetId }, { now: new Date("2026-01-19T16:30:00Z") });
    expect([report.finalisedOn, report.signOff.filledOn, report.printedOn]).toEqual(["2026-01-15", "2026-01-15", "2026-01-20"]);
  });

  it("is for those who may read the sheet", async () => {
    expect(await outcome(getSelfEvaluationReport(f.db.prisma, f.actors.lead2, { sheetId: f.sheetId }))).toBe("FORBIDDEN");
    expect(await outcome(getSelfEvaluationReport(f.db.prisma, f.actors.lead, { sheetId: f.sheetId }))).toBe("OK");
    expect(await outcome(getSelfEvaluationReport(f.db.prisma, f.actors.admin, { sheetId: 999_999 }))).toBe("NOT_FOUND");
  });
});

describe("自评表 workbook", () => {
  it("reads back with the right rows, scores and merged header cells", async () => {
    const report = await finalised();
    const workbook = await readBack(await writeSelfEvaluationWorkbook(report));
    const ws = workbook.getWorksheet("自评表")!;
    const text = (address: string) => {
      const v = ws.getCell(address).value;
      return v === null || v === undefined ? "" : typeof v === "object" && "richText" in v ? v.richText.map((t) => t.text).join("") : v;
    };

    // Header: title, year, project, department / unit, lead, funds block, goal; merged as on the official form.
    expect(text("A1")).toBe("项目支出绩效自评表");
    expect(text("A2")).toBe("（2025年度）");
    expect([text("A3"), text("B3")]).toEqual(["项目名称", "2025年“两区”创新建设专项"]);
    expect([text("A4"), text("B4"), text("E4"), text("F4")]).toEqual(["主管部门", "乌鲁木齐市科学技术局", "预算单位", "乌鲁木齐市科学技术局"]);
    expect([text("A5"), text("B5"), text("E5"), text("F5")]).toEqual(["项目负责人", "冯先生", "评价日期", report.finalisedOn]);
    expect(text("A6")).toBe("项目资金（万元）");
    expect(["C6", "D6", "E6", "F6", "G6", "H6"].map(text)).toEqual(["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
    expect(["B7", "C7", "D7", "E7", "F7", "G7", "H7"].map(text)).toEqual(["年度资金总额", 1600, 1600, 1500, 10, 93.75, 9.38]);
    expect(["B8", "C8", "D8", "E8", "F8", "G8", "H8"].map(text)).toEqual(["其中：财政拨款", 1600, 1600, "", "—", "—", "—"]);
    expect(["B9", "C9", "D9"].map(text)).toEqual(["其他资金", 0, 0]);
    expect(text("A10")).toBe("年度总体目标");
    expect(String(text("B10"))).toContain("发挥财政科技资金引导放大作用");
    expect(["A11", "B11", "C11", "D11", "E11", "F11", "G11", "H11", "I11"].map(text)).toEqual([
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "自评分",
      "评价分",
      "偏差原因分析及改进措施",
    ]);
    const merges = ws.model.merges;
    for (const range of ["A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4", "B5:D5", "F5:I5", "A6:A9", "H6:I6", "H7:I7", "B10:I10"]) expect(merges).toContain(range);

    // Indicator rows with merged 一级/二级 cells, then 预算执行率, 总分, 评价等级 and the early-定稿 reason.
    for (const range of ["A12:A17", "B12:B16", "A19:C19", "A20:E20", "A21:E21", "H21:I21", "A22:E22", "F22:I22"]) expect(merges).toContain(range);
    expect([text("A12"), text("B12"), text("B17"), text("A18"), text("B18")]).toEqual(["产出指标", "数量指标", "质量指标", "效益指标", "社会效益指标"]);
    const rows = report.rows.map((_, i) => ["C", "D", "E", "F", "G", "H"].map((c) => text(`${c}${12 + i}`)));
    expect(rows).toEqual([
      ["支持产业核心技术攻关项目数量", "＞=3项", "2项", 10, "—", 6.67],
      ["产业核心技术攻关项目申报知识产权数量", "＞=3项", "3项", 5, "—", 5],
      ["产业核心技术攻关项目培养研发人员、研究生等的数量", "＞=3人", "4人", 5, "—", 5],
      ["产业核心技术攻关项目形成中期检查报告", "＞=3份", "3份", 5, "—", 5],
      ["支持重点产业领域数量", "＞=2个", "5个", 10, "—", 8],
      ["产业核心技术攻关项目牵头单位中企业的比例", "=100%", "100%", 15, "—", 15],
      ["推动产业关键核心技术攻关实现突破", "有效推动", "达成年度指标", 40, "—", 36],
    ]);
    expect(text("I12")).toBe("一个项目延期至次年立项，已督促加快进度");
    expect(text("I16")).toBe("指标值设定偏低，已扣分；下年度按实际能力调高\n扣分理由（扣 2.00 分）：指标值设定偏低");
    expect(["A19", "D19", "E19", "F19", "G19", "H19"].map(text)).toEqual(["预算执行率", "100%", "93.75%", 10, "—", 9.38]);
    expect(["A20", "F20", "G20", "H20"].map(text)).toEqual(["总分", 100, "未提交", 90.05]);
    expect(["A21", "G21", "H21"].map(text)).toEqual(["评价等级", "未提交", "优"]);
    expect(["A22", "F22"].map(text)).toEqual(["说明", "负责人提交自评前定稿，原因：负责人未按期提交自评"]);
    expect(ws.getCell("H20").numFmt).toBe("0.00");

    // The sign-off block of the official form, a row apart: the evaluator who finalised it, the 定稿 date, room for the seal.
    expect(["A24", "B24", "D24", "F24"].map(text)).toEqual(["填报人", "评价专家", "审核人", "单位负责人"]);
    expect(["A25", "D25", "E25", "F25"].map(text)).toEqual(["联系电话", "填报日期", report.finalisedOn, "单位盖章"]);
    for (const range of ["B24:C24", "F24:G24", "H24:I24", "B25:C25", "F25:G25", "H25:I25"]) expect(merges).toContain(range);
    expect(ws.getRow(25).height).toBeGreaterThanOrEqual(80);
    expect(String(text("A26"))).toContain("导出日期：2026-01-20");

    // Printed on A4 landscape, one page wide, the table's header repeated.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, printTitlesRow: "11:11", printArea: "A1:I26" });
    expect(ws.getCell("C12").border?.left?.style).toBe("thin");
  });

  it("writes the lead's submitted 自评分 and 自评 grade beside the evaluator's", async () => {
    await selfSubmitted();
    const ws = (await readBack(await writeSelfEvaluationWorkbook(await finalised("")))).getWorksheet("自评表")!;
    const value = (address: string) => ws.getCell(address).value;
    expect(["G12", "H12", "G16", "H16", "G18", "H18"].map(value)).toEqual([6.67, 6.67, 10, 8, 40, 36]);
    expect(["G19", "H19"].map(value)).toEqual([10, 9.38]);
    expect(["G20", "H20", "G21", "H21"].map(value)).toEqual([96.67, 90.05, "优", "优"]);
    // No early 定稿: the sign-off block follows the grade a row apart.
    expect(value("A23")).toBe("填报人");
  });
});
