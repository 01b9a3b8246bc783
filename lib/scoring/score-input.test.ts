import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scoreInput } from "./score-input";

// The worked example of docs/formats.md (score input and output), kept beside the tests that replay it.
const exampleText = readFileSync(new URL("./fixtures/score-input.json", import.meta.url), "utf8");
const expectedText = readFileSync(new URL("./fixtures/score-output.json", import.meta.url), "utf8");

// biome-ignore lint/suspicious/noExplicitAny: the cases below build and break arbitrary JSON on purpose
type Json = any;
const example = (): Json => JSON.parse(exampleText);
const S1 = "第1张表「示例项目：科技成果转化服务」";
const S2 = "第2张表「示例项目：超额完成并扣分」";

describe("the worked example (fixtures/)", () => {
  it("reproduces score-output.json exactly", () => {
    const r = scoreInput(exampleText);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.output).toEqual(JSON.parse(expectedText));
    expect(`${JSON.stringify(r.output, null, 2)}\n`).toBe(expectedText.endsWith("\n") ? expectedText : `${expectedText}\n`);
  });

  it("scores the same from a parsed value as from text", () => {
    expect(scoreInput(example())).toEqual(scoreInput(exampleText));
  });

  it("keeps the output keys in the documented order", () => {
    const r = scoreInput(exampleText);
    if (!r.ok) throw new Error(r.errors.join("\n"));
    const sheet = r.output.sheets[0]!;
    expect(Object.keys(r.output)).toEqual(["sheets"]);
    expect(Object.keys(sheet)).toEqual(["name", "indicators", "budgetExecution", "total", "grade", "complete"]);
    expect(Object.keys(sheet.indicators[0]!)).toEqual(["name", "max", "score", "status"]);
    expect(Object.keys(sheet.budgetExecution)).toEqual(["max", "rate", "score"]);
  });
});

/** Minimal valid input: one sheet, rows given as partial indicators. */
const sheetWith = (indicators: Json[], extra: Json = {}): Json => ({
  sheets: [{ name: "测试表", funds: { total: "100.00" }, indicators, ...extra }],
});
const ind = (extra: Json = {}): Json => ({
  name: "指标",
  target: { op: ">=", value: "10", unit: "项" },
  weight: 90,
  rule: "按照完成比例赋分",
  actual: "5",
  ...extra,
});

describe("accepted input", () => {
  it("parses targetRaw when target is absent", () => {
    const r = scoreInput(sheetWith([ind({ target: undefined, targetRaw: "＞= 8 项", actual: "6" })], { executed: "100" }));
    expect(r.ok && r.output.sheets[0]).toEqual({
      name: "测试表",
      indicators: [{ name: "指标", max: "90.00", score: "67.50", status: "scored" }],
      budgetExecution: { max: "10.00", rate: "100.00", score: "10.00" },
      total: "77.50",
      grade: "中",
      complete: true,
    });
  });

  it("ignores other interchange fields and reads weights given as strings", () => {
    const r = scoreInput({
      department: "乌鲁木齐市科学技术局",
      fiscalYear: 2025,
      sheets: [
        {
          kind: "project",
          unit: "单位",
          name: "表",
          lead: "冯先生",
          goal: "…",
          funds: { total: "1600.00", fiscal: "1600.00", other: "0.00" },
          executed: "1500",
          indicators: [ind({ level1: "产出指标", level2: "数量指标", basis: "计划标准", lastYear: "3项", evidence: ["说明材料"], weight: "90" })],
        },
      ],
    });
    expect(r.ok && r.output.sheets[0]?.budgetExecution).toEqual({ max: "10.00", rate: "93.75", score: "9.38" });
  });

  it.each([[""], [null]])("scores rule %j as proportional", (rule) => {
    const r = scoreInput(sheetWith([ind({ rule })]));
    expect(r.ok && r.output.sheets[0]?.indicators[0]?.score).toBe("45.00");
  });

  it("uses an explicit budget-execution weight and the in-year adjustment", () => {
    const r = scoreInput(sheetWith([ind({ weight: 80 })], { budgetExecutionWeight: "20", executed: "60", budgetAdjustment: "20" }));
    expect(r.ok && r.output.sheets[0]?.budgetExecution).toEqual({ max: "20.00", rate: "50.00", score: "10.00" });
  });

  it("reports a pending budget and pending rows as nulls", () => {
    const r = scoreInput(sheetWith([ind({ actual: null, weight: 50 }), ind({ target: { qualitative: "有效推动" }, weight: 40 })]));
    expect(r.ok && r.output.sheets[0]).toEqual({
      name: "测试表",
      indicators: [
        { name: "指标", max: "50.00", score: null, status: "pending" },
        { name: "指标", max: "40.00", score: null, status: "pending" },
      ],
      budgetExecution: { max: "10.00", rate: null, score: null },
      total: "0.00",
      grade: "差",
      complete: false,
    });
  });

  it("accepts comparators in their printed forms inside target", () => {
    const r = scoreInput(sheetWith([ind({ target: { op: "＞=", value: "10", unit: "项" } })]));
    expect(r.ok && r.output.sheets[0]?.indicators[0]?.score).toBe("45.00");
  });

  it("accepts an empty sheet list", () => {
    expect(scoreInput({ sheets: [] })).toEqual({ ok: true, output: { sheets: [] } });
  });
});

describe("rejected input", () => {
  const cases: Array<[string, (x: Json) => unknown, string[]]> = [
    ["bad JSON", () => '{"sheets": [', ["输入不是有效的 JSON"]],
    ["not an object", () => 5, ["输入：应为 JSON 对象，含 sheets 列表"]],
    ["no sheets", () => ({}), ["sheets：缺少 sheets 列表"]],
    ["missing weight", (x) => (delete x.sheets[1].indicators[2].weight, x), [`${S2}第3行「系统故障处理时长」 weight：缺少指标分值权重`]],
    [
      "non-numeric weight",
      (x) => ((x.sheets[0].indicators[0].weight = "十"), x),
      [`${S1}第1行「举办成果对接会场次」 weight：指标分值权重「十」不是有效的数字`],
    ],
    ["negative weight", (x) => ((x.sheets[0].indicators[0].weight = -5), x), [`${S1}第1行「举办成果对接会场次」 weight：指标分值权重 -5 不能为负数`]],
    [
      "unknown rule",
      (x) => ((x.sheets[0].indicators[1].rule = "按比例"), x),
      [`${S1}第2行「服务合同履约率」 rule：未知的赋分规则「按比例」，应为 按照完成比例赋分、直接赋分、按评判等级赋分、满意度赋分 之一（或空字符串）`],
    ],
    ["missing rule", (x) => (delete x.sheets[0].indicators[0].rule, x), [`${S1}第1行「举办成果对接会场次」 rule：缺少赋分规则（无规则时填空字符串）`]],
    [
      "unknown band",
      (x) => ((x.sheets[0].indicators[3].grade.band = "优秀"), x),
      [`${S1}第4行「促进成果转化落地」 grade.band：未知的评判等级「优秀」，应为 达成年度指标、部分达成年度指标并具有一定效果、未达成年度指标且效果较差 之一`],
    ],
    ["non-numeric actual", (x) => ((x.sheets[0].indicators[0].actual = "五"), x), [`${S1}第1行「举办成果对接会场次」 actual：实际完成值「五」不是有效的数字`]],
    [
      "actual as a JSON number",
      (x) => ((x.sheets[0].indicators[0].actual = 5), x),
      [`${S1}第1行「举办成果对接会场次」 actual：实际完成值应为数字字符串，如 "12.5"，收到 数字 5（应写成带引号的字符串）`],
    ],
    [
      "actual in exponent notation",
      (x) => ((x.sheets[0].indicators[0].actual = "1e3"), x),
      [`${S1}第1行「举办成果对接会场次」 actual：实际完成值「1e3」不是有效的数字`],
    ],
    [
      "grade score outside its band",
      (x) => ((x.sheets[0].indicators[3].grade.score = "24.00"), x),
      [`${S1}第4行「促进成果转化落地」 grade.score：评分 24.00 不在「部分达成年度指标并具有一定效果」的区间内（18.00 ≤ 评分 < 24.00）`],
    ],
    [
      "non-numeric grade score",
      (x) => ((x.sheets[0].indicators[3].grade.score = "良"), x),
      [`${S1}第4行「促进成果转化落地」 grade.score：评分「良」不是有效的数字`],
    ],
    [
      "weights over 100 with an explicit budget weight",
      (x) => ((x.sheets[0].budgetExecutionWeight = 20), x),
      [`${S1} budgetExecutionWeight：指标分值权重合计 90 + 预算执行率权重 20 = 110，超过 100`],
    ],
    ["indicator weights over 100", (x) => ((x.sheets[1].indicators[0].weight = 31), x), [`${S2} weight：指标分值权重合计 101，超过 100`]],
    [
      "unknown comparator",
      (x) => ((x.sheets[0].indicators[0].target.op = "≈"), x),
      [`${S1}第1行「举办成果对接会场次」 target.op：未知的比较符「≈」，应为 >=、>、=、<=、< 之一`],
    ],
    [
      "non-numeric target value",
      (x) => ((x.sheets[0].indicators[0].target.value = "六"), x),
      [`${S1}第1行「举办成果对接会场次」 target.value：指标值数值「六」不是有效的数字`],
    ],
    [
      "unparsable targetRaw",
      (x) => (delete x.sheets[0].indicators[0].target, (x.sheets[0].indicators[0].targetRaw = "＞=abc"), x),
      [`${S1}第1行「举办成果对接会场次」 targetRaw：指标值「＞=abc」有比较符但没有可解析的数值`],
    ],
    [
      "no target at all",
      (x) => (delete x.sheets[0].indicators[0].target, delete x.sheets[0].indicators[0].targetRaw, x),
      [`${S1}第1行「举办成果对接会场次」 target：缺少指标值（target 或 targetRaw）`],
    ],
    [
      "deduction without reason",
      (x) => ((x.sheets[1].indicators[0].deduction.reason = " "), x),
      [`${S2}第1行「举办成果对接会场次」 deduction.reason：扣分必须填写原因`],
    ],
    [
      "negative deduction",
      (x) => ((x.sheets[1].indicators[0].deduction.points = "-4"), x),
      [`${S2}第1行「举办成果对接会场次」 deduction.points：扣分 -4 不能为负数`],
    ],
    [
      "weight of the wrong type (and no sum check while a weight is invalid)",
      (x) => ((x.sheets[0].indicators[0].weight = true), (x.sheets[0].indicators[1].weight = 99), x),
      [`${S1}第1行「举办成果对接会场次」 weight：指标分值权重应为数字，收到 true`],
    ],
    [
      "negative weight as a string",
      (x) => ((x.sheets[0].indicators[0].weight = "-3"), x),
      [`${S1}第1行「举办成果对接会场次」 weight：指标分值权重 -3 不能为负数`],
    ],
    [
      "non-numeric budget-execution weight",
      (x) => ((x.sheets[0].budgetExecutionWeight = "十"), x),
      [`${S1} budgetExecutionWeight：预算执行率权重「十」不是有效的数字`],
    ],
    [
      "empty qualitative target",
      (x) => ((x.sheets[0].indicators[3].target = { qualitative: " " }), x),
      [`${S1}第4行「促进成果转化落地」 target.qualitative：定性指标值不能为空`],
    ],
    [
      "target that is not an object",
      (x) => ((x.sheets[0].indicators[0].target = ">=6"), x),
      [`${S1}第1行「举办成果对接会场次」 target：指标值应为 {op, value, unit} 或 {qualitative}`],
    ],
    ["target without op", (x) => (delete x.sheets[0].indicators[0].target.op, x), [`${S1}第1行「举办成果对接会场次」 target.op：缺少比较符`]],
    [
      "targetRaw that is not a string",
      (x) => (delete x.sheets[0].indicators[0].target, (x.sheets[0].indicators[0].targetRaw = 6), x),
      [`${S1}第1行「举办成果对接会场次」 targetRaw：指标值（targetRaw）应为字符串`],
    ],
    ["grade without band", (x) => (delete x.sheets[0].indicators[3].grade.band, x), [`${S1}第4行「促进成果转化落地」 grade.band：缺少评判等级`]],
    [
      "deduction without points",
      (x) => (delete x.sheets[1].indicators[0].deduction.points, x),
      [`${S2}第1行「举办成果对接会场次」 deduction.points：缺少扣分`],
    ],
    ["non-numeric budget adjustment", (x) => ((x.sheets[0].budgetAdjustment = "约10"), x), [`${S1} budgetAdjustment：预算调整数「约10」不是有效的数字`]],
    ["an adjustment that leaves no budget", (x) => ((x.sheets[0].budgetAdjustment = "-200"), x), [`${S1} funds.total：全年预算数为 0，无法计算预算执行率`]],
    ["missing funds", (x) => (delete x.sheets[0].funds, x), [`${S1} funds：缺少项目资金（funds.total）`]],
    ["missing funds.total", (x) => (delete x.sheets[0].funds.total, x), [`${S1} funds.total：缺少年度预算总额`]],
    ["negative executed", (x) => ((x.sheets[0].executed = "-1"), x), [`${S1} executed：全年执行数 -1 不能为负数`]],
    ["zero budget with an executed amount", (x) => ((x.sheets[0].funds.total = "0"), x), [`${S1} funds.total：全年预算数为 0，无法计算预算执行率`]],
    ["indicators not a list", (x) => ((x.sheets[0].indicators = {}), x), [`${S1} indicators：指标列表应为数组`]],
    ["a row that is not an object", (x) => ((x.sheets[0].indicators[1] = 3), x), [`${S1}第2行（无名称）：指标应为对象`]],
    [
      "every problem at once, sheets and rows without names",
      (x) => (
        delete x.sheets[0].name, delete x.sheets[0].indicators[1].name, (x.sheets[1].indicators[4].actual = "x"), (x.sheets[1].indicators[2].rule = "?"), x
      ),
      [
        "第1张表（无名称） name：缺少项目名称",
        "第1张表（无名称）第2行（无名称） name：缺少三级指标名称",
        `${S2}第3行「系统故障处理时长」 rule：未知的赋分规则「?」，应为 按照完成比例赋分、直接赋分、按评判等级赋分、满意度赋分 之一（或空字符串）`,
        `${S2}第5行「服务企业满意度」 actual：实际完成值「x」不是有效的数字`,
      ],
    ],
  ];

  it.each(cases)("%s", (_label, mutate, errors) => {
    const r = scoreInput(mutate(example()));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(errors.length);
    errors.forEach((e, i) => expect(r.errors[i]!.startsWith(e)).toBe(true));
    if (errors.length === 1 && !errors[0]!.startsWith("输入不是")) expect(r.errors).toEqual(errors);
  });
});
