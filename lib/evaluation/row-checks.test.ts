import { describe, expect, it } from "vitest";
import { checkExecuted, checkRow, EMPTY_ROW, type RowSubject, type RowTyped } from "./row-checks";

const counted: RowSubject = { target: { op: ">=", value: "3", unit: "项" }, weight: "10", rule: "按照完成比例赋分" };
const rate: RowSubject = { target: { op: "=", value: "100", unit: "%" }, weight: "15", rule: "直接赋分" };
const qualitative: RowSubject = { target: { qualitative: "有效推动" }, weight: "40", rule: "按评判等级赋分" };
const gradedCount: RowSubject = { target: { op: ">=", value: "3", unit: "项" }, weight: "10", rule: "按评判等级赋分" };

const typed = (t: Partial<RowTyped>): RowTyped => ({ ...EMPTY_ROW, ...t });
const evaluator = { allowDeduction: true };

describe("checkRow", () => {
  it.each([
    [counted, "３", "3"],
    [counted, " 1,600.5 ", "1600.5"],
    [counted, "-2", "-2"],
    [rate, "98.5%", "98.5"],
    [rate, "１００％", "100"],
  ])("reads the actual %#", (subject, text, value) => {
    expect(checkRow(subject, typed({ actual: text }), evaluator)).toEqual({
      values: { actual: value, band: null, gradeScore: null, deductionPoints: null, deductionReason: "", deviationReason: "" },
      problems: [],
    });
  });

  it.each([
    [counted, "abc", "实际完成值：「abc」不是有效的数字"],
    [counted, "5%", "实际完成值：「5%」不是有效的数字：此处不能带百分号"],
    [counted, "1.23456", "实际完成值：最多保留 4 位小数（「1.23456」）"],
    [qualitative, "3", "定性指标没有数值型实际完成值，请选择评判等级并评分"],
  ])("refuses an actual %#", (subject, text, message) => {
    expect(checkRow(subject, typed({ actual: text }), evaluator).problems).toEqual([{ field: "actual", message }]);
  });

  it("grades a qualitative row and a 按评判等级赋分 count inside the band only", () => {
    expect(checkRow(qualitative, typed({ band: "达成年度指标", gradeScore: "40" }), evaluator).values).toMatchObject({
      band: "达成年度指标",
      gradeScore: "40",
    });
    expect(checkRow(qualitative, typed({ band: "达成年度指标", gradeScore: "31.99" }), evaluator).problems).toEqual([
      { field: "gradeScore", message: "评分 31.99 不在「达成年度指标」的区间内（32.00 ≤ 评分 ≤ 40.00）" },
    ]);
    expect(checkRow(gradedCount, typed({ actual: "2", band: "部分达成年度指标并具有一定效果", gradeScore: "7.99" }), evaluator).values).toMatchObject({
      actual: "2",
      gradeScore: "7.99",
    });
    expect(checkRow(gradedCount, typed({ band: "部分达成年度指标并具有一定效果", gradeScore: "8" }), evaluator).problems[0]!.field).toBe("gradeScore");
    expect(checkRow(qualitative, typed({ band: "达成年度指标", gradeScore: "35.555" }), evaluator).problems[0]!.message).toBe(
      "评分：最多保留 2 位小数（「35.555」）",
    );
    expect(checkRow(qualitative, typed({ gradeScore: "35" }), evaluator).problems).toEqual([{ field: "band", message: "请选择评判等级" }]);
    expect(checkRow(counted, typed({ band: "达成年度指标", gradeScore: "9" }), evaluator).problems[0]!.message).toBe("该指标按公式计分，无需评判等级和评分");
  });

  it("requires a reason with a deduction, at most the weight, and none in a self-evaluation", () => {
    expect(checkRow(counted, typed({ deductionPoints: "2", deductionReason: "指标值偏低" }), evaluator).values).toMatchObject({
      deductionPoints: "2",
      deductionReason: "指标值偏低",
    });
    expect(checkRow(counted, typed({ deductionPoints: "2" }), evaluator).problems).toEqual([{ field: "deductionReason", message: "扣分必须填写原因" }]);
    expect(checkRow(counted, typed({ deductionPoints: "11", deductionReason: "x" }), evaluator).problems[0]!.message).toBe("扣分 11 不能超过该指标分值 10.00");
    expect(checkRow(counted, typed({ deductionPoints: "2", deductionReason: "x" }), { allowDeduction: false }).problems[0]!.field).toBe("deductionPoints");
  });
});

describe("checkExecuted", () => {
  it.each([
    ["", { ok: true, value: null }],
    ["1,500", { ok: true, value: "1500" }],
    ["１５００．５", { ok: true, value: "1500.5" }],
    ["-1", { ok: false, message: "全年执行数：不能为负数" }],
    ["1.005", { ok: false, message: "全年执行数：最多保留 2 位小数（「1.005」）" }],
  ])("%s", (text, expected) => {
    expect(checkExecuted(text)).toEqual(expected);
  });
});
