import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { InterchangeFile, InterchangeSheet } from "@/lib/interchange/schema";
import { SEED_FILE } from "@/lib/seed/seed-database";
import { hasLintErrors, lintLocation, lintSheet } from "./lint-sheet";
import type { LintIssue, LintSheet } from "./types";

const seed = JSON.parse(fs.readFileSync(SEED_FILE, "utf8")) as InterchangeFile;
const sheetNamed = (name: string): InterchangeSheet => structuredClone(seed.sheets.find((s) => s.name === name)!);
const LIANGQU = "2025年“两区”创新建设专项";
const SANQU = "提前下达2025年“三区”科技人才专项资金";
const JIFANG = "“小微企业创业创新综合管理信息服务大平台”机房运行维护费";

/** What a finding is, without its wording: [level, code, row, field]. */
const brief = (issues: LintIssue[]) => issues.map((i) => [i.level, i.code, i.row ?? null, i.field ?? null]);

describe("the 2025 seed", () => {
  it("has no errors in any of its 14 sheets", () => {
    expect(seed.sheets).toHaveLength(14);
    for (const sheet of seed.sheets)
      expect(
        lintSheet(sheet).filter((i) => i.level === "error"),
        sheet.name,
      ).toEqual([]);
  });

  it("warns only where the document really disagrees with itself: the 三区 goal promises 20 场次 and 500 人次", () => {
    const warnings = seed.sheets.flatMap((sheet) =>
      lintSheet(sheet)
        .filter((issue) => issue.level === "warning")
        .map((issue) => [sheet.name, lintLocation(issue, sheet), issue.message]),
    );
    expect(warnings).toEqual([
      [SANQU, "第7行「技术应用培训人数」指标值", "项目总体目标写「培训人次500人」（500人），与三级指标「技术应用培训人数」的指标值「=200人」不一致，请确认"],
      [SANQU, "第8行「开展培训场次」指标值", "项目总体目标写「开展技术应用培训20场次」（20场），与三级指标「开展培训场次」的指标值「＞=15场」不一致，请确认"],
    ]);
  });

  it("notes the one growth rate of the seed (高新技术企业增长率), whose value may be negative, and no other row", () => {
    const notes = seed.sheets.flatMap((sheet) =>
      lintSheet(sheet)
        .filter((issue) => issue.level === "note")
        .map((issue) => [sheet.name, issue.code, lintLocation(issue, sheet)]),
    );
    expect(notes).toEqual([[seed.sheets[0]!.name, "target.may-be-negative", "第5行「高新技术企业增长率」指标值"]]);
  });

  it("takes 非正常停机率 ＜=2小时 as it is (a rate measured in hours is not a problem)", () => {
    const sheet = sheetNamed(JIFANG);
    expect(sheet.indicators.some((i) => i.targetRaw === "＜=2小时")).toBe(true);
    expect(lintSheet(sheet)).toEqual([]);
  });
});

type Edit = (sheet: InterchangeSheet & LintSheet) => void;
const row =
  (i: number, change: Partial<InterchangeSheet["indicators"][number]> | Record<string, unknown>): Edit =>
  (s) => {
    Object.assign(s.indicators[i]!, change);
  };

// One change to the 两区 sheet (7 rows, weights 10 5 5 5 10 15 40 = 90) → exactly these findings.
const cases: Array<[title: string, edit: Edit, expected: ReturnType<typeof brief>]> = [
  ["unchanged", () => {}, []],
  ["a weight of 15 instead of 10 (sum 95)", row(0, { weight: 15 }), [["warning", "weights.sum", null, "weight"]]],
  ["weights summing to 100 are fine", row(6, { weight: 50 }), []],
  ["weights summing over 100", row(6, { weight: 60 }), [["error", "weights.sum", null, "weight"]]],
  ["an explicit 预算执行率 of 10 with rows summing to 90", (s) => void (s.budgetExecutionWeight = 10), []],
  ["an explicit 预算执行率 of 5 with rows summing to 90", (s) => void (s.budgetExecutionWeight = 5), [["warning", "weights.sum", null, "weight"]]],
  ["an explicit 预算执行率 of 20 with rows summing to 90", (s) => void (s.budgetExecutionWeight = 20), [["error", "weights.sum", null, "weight"]]],
  ["a weight typed in words", row(1, { weight: "五分" }), [["error", "weight.invalid", 1, "weight"]]],
  ["a weight typed full-width is a number", row(1, { weight: "５" }), []],
  ["a blank weight", row(1, { weight: "" }), [["error", "weight.invalid", 1, "weight"]]],
  [
    "a zero weight (and the sum short of 90)",
    row(1, { weight: 0 }),
    [
      ["warning", "weights.sum", null, "weight"],
      ["warning", "weight.zero", 1, "weight"],
    ],
  ],
  ["a target with a comparator and no number", row(0, { targetRaw: "＞=若干项" }), [["error", "target.unparsed", 0, "targetRaw"]]],
  ["a number and unit without comparator", row(0, { targetRaw: "3项" }), [["error", "target.bare-number", 0, "targetRaw"]]],
  ["a percentage without comparator", row(5, { targetRaw: "100%" }), [["error", "target.bare-number", 5, "targetRaw"]]],
  ["a number inside qualitative text", row(6, { targetRaw: "全年突破3项" }), [["warning", "target.number-in-text", 6, "targetRaw"]]],
  ["an empty target", row(0, { targetRaw: " " }), [["error", "target.missing", 0, "targetRaw"]]],
  ["a target without unit", row(0, { targetRaw: ">=3" }), [["warning", "target.no-unit", 0, "targetRaw"]]],
  ["a percentage over 100 with >=", row(5, { targetRaw: "＞=120%" }), [["warning", "target.percent-over-100", 5, "targetRaw"]]],
  ["a reverse percentage over 100 is not flagged", row(5, { targetRaw: "<=120%" }), []],
  ["exactly 100% with >=", row(5, { targetRaw: ">=100%" }), []],
  ["直接赋分 on a qualitative row", row(6, { rule: "直接赋分" }), [["warning", "rule.mismatch", 6, "rule"]]],
  ["按照完成比例赋分 on a qualitative row", row(6, { rule: "按照完成比例赋分" }), [["warning", "rule.mismatch", 6, "rule"]]],
  ["按评判等级赋分 on a quantitative row is allowed", row(0, { rule: "按评判等级赋分" }), []],
  ["满意度赋分 on a count", row(0, { rule: "满意度赋分" }), [["warning", "rule.mismatch", 0, "rule"]]],
  ["满意度赋分 on a percentage", row(5, { rule: "满意度赋分" }), []],
  ["a rule that is not one of the four", row(0, { rule: "酌情赋分" }), [["error", "rule.unknown", 0, "rule"]]],
  ["no rule on a project sheet", row(0, { rule: "" }), [["warning", "rule.missing", 0, "rule"]]],
  ["two rows with the same 三级指标", row(4, { name: "支持产业核心技术攻关项目数量" }), [["warning", "row.duplicate", 4, "name"]]],
  ["names equal but for spaces", row(4, { name: " 支持产业核心技术 攻关项目数量" }), [["warning", "row.duplicate", 4, "name"]]],
  ["a row without 三级指标", row(2, { name: "" }), [["error", "row.name", 2, "name"]]],
  ["a row without 一级指标", row(2, { level1: "" }), [["error", "row.level", 2, "level1"]]],
  ["no 预算单位", (s) => void (s.unit = ""), [["error", "header.unit", null, "unit"]]],
  ["no 项目名称", (s) => void (s.name = " "), [["error", "header.name", null, "name"]]],
  ["no goal", (s) => void (s.goal = ""), [["warning", "header.goal", null, "goal"]]],
  [
    "funds that do not add up",
    (s) => void (s.funds = { total: "1600.00", fiscal: "1500.00", other: "0.00" }),
    [["error", "header.funds", null, "funds.total"]],
  ],
  ["funds typed with separators and full-width digits", (s) => void (s.funds = { total: "1,600", fiscal: "１６００", other: "" }), []],
  ["an amount that is not a number", (s) => void (s.funds = { total: "一千六", fiscal: "1600", other: "0" }), [["error", "header.funds", null, "funds.total"]]],
  ["no rows at all", (s) => void (s.indicators = []), [["error", "rows.none", null, "indicators"]]],
  [
    "a goal whose number contradicts a row of the same thing",
    (s) => void (s.goal += "全年支持产业核心技术攻关项目5项。"),
    [["warning", "goal.contradiction", 0, "targetRaw"]],
  ],
  ["a goal whose number agrees with the row", (s) => void (s.goal += "全年支持产业核心技术攻关项目3项。"), []],
  ["a goal number of another unit is not compared", (s) => void (s.goal += "全年支持产业核心技术攻关项目5个。"), []],
  ["a rate in the goal (每…) is not a total", (s) => void (s.goal += "每年支持产业核心技术攻关项目5项。"), []],
];

describe("lintSheet finds", () => {
  it.each(cases)("%s", (_title, edit, expected) => {
    const sheet = sheetNamed(LIANGQU);
    edit(sheet);
    expect(brief(lintSheet(sheet))).toEqual(expected);
  });
});

describe("the department sheet", () => {
  it("needs no rule and no 项目名称 of its own", () => {
    const sheet = structuredClone(seed.sheets.find((s) => s.kind === "department")!);
    expect(sheet.indicators.every((i) => i.rule === "")).toBe(true);
    // Its growth rate gets a note (may be negative), nothing more.
    expect(lintSheet(sheet).filter((issue) => issue.level !== "note")).toEqual([]);
  });
});

describe("while typing", () => {
  it("reads the editor's text fields and blank rows without throwing", () => {
    const draft: LintSheet = {
      unit: "乌鲁木齐市科学技术局",
      name: "新项目",
      goal: "",
      funds: { total: "", fiscal: "", other: "" },
      indicators: [{ level1: "", level2: "", name: "", targetRaw: "", weight: null, rule: "", evidence: [] }],
    };
    const issues = lintSheet(draft);
    expect(hasLintErrors(issues)).toBe(true);
    expect(brief(issues)).toEqual([
      ["warning", "header.goal", null, "goal"],
      ["error", "row.level", 0, "level1"],
      ["error", "row.level", 0, "level2"],
      ["error", "row.name", 0, "name"],
      ["error", "target.missing", 0, "targetRaw"],
      ["error", "weight.invalid", 0, "weight"],
      ["warning", "rule.missing", 0, "rule"],
    ]);
  });

  it("names where each finding is", () => {
    const sheet = sheetNamed(LIANGQU);
    sheet.indicators[0]!.weight = 15;
    sheet.indicators[1]!.weight = "五分";
    expect(lintSheet(sheet).map((issue) => lintLocation(issue, sheet))).toEqual(["第2行「产业核心技术攻关项目申报知识产权数量」指标分值权重"]);
    sheet.indicators[1]!.weight = 5;
    expect(lintSheet(sheet).map((issue) => lintLocation(issue, sheet))).toEqual(["指标分值权重合计"]);
  });
});
