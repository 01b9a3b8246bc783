import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "@/lib/errors";
import { parseJsonText, validateInterchange } from "./validate";

const seed = () => JSON.parse(fs.readFileSync(path.join(process.cwd(), "prisma/seed/urumqi-sti-2025.json"), "utf8"));

const problemsOf = (mutate: (file: ReturnType<typeof seed>) => void): string[] => {
  const file = seed();
  mutate(file);
  const result = validateInterchange(file);
  if (result.ok) throw new Error("expected the file to be refused");
  return result.problems.map(formatProblem);
};

describe("validateInterchange", () => {
  it("accepts the seed and settles targets and measure types", () => {
    const result = validateInterchange(seed());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = result.file.sheets[1]!.indicators[5]!;
    expect(row).toMatchObject({
      name: "产业核心技术攻关项目牵头单位中企业的比例",
      target: { op: "=", value: "100", unit: "%" },
      measureType: "level",
      weight: "15",
    });
    expect(result.file.sheets[1]!.indicators[0]!.measureType).toBe("cumulative");
  });

  it("names sheet, row and field of a missing weight", () => {
    const problems = problemsOf((f) => delete f.sheets[1].indicators[2].weight);
    expect(problems).toEqual([
      expect.stringMatching(/^第2张表「2025年“两区”创新建设专项」第3行「产业核心技术攻关项目培养研发人员、研究生等的数量」 指标分值权重（weight）：/),
    ]);
  });

  it("reports every problem of the file, not only the first", () => {
    const problems = problemsOf((f) => {
      f.sheets[0].indicators[0].weight = "很多";
      delete f.sheets[3].lead;
      f.sheets[4].indicators[1].rule = "随便赋分";
    });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^第1张表「部门整体绩效目标」第1行「企业新获得自治区科学技术奖励数量」 指标分值权重（weight）：分值应为 0 到 100 之间的数字/);
    expect(problems[1]).toMatch(/^第4张表「.*红山科创英才.*」 项目负责人（lead）：缺少项目负责人/);
    expect(problems[2]).toMatch(/^第5张表.*第2行「柔性引进人才和团队数量」 赋分规则（rule）：赋分规则应为/);
  });

  it("refuses a target that does not parse", () => {
    const problems = problemsOf((f) => {
      f.sheets[2].indicators[0].targetRaw = "＞=很多期";
      delete f.sheets[2].indicators[0].target;
    });
    expect(problems).toEqual([expect.stringMatching(/^第3张表「.*」第1行「当年科教兴市栏目制作期数」 指标值（targetRaw）：.*＞=很多期/)]);
  });

  it("refuses a target that disagrees with the printed one", () => {
    const problems = problemsOf((f) => (f.sheets[1].indicators[0].target.value = "4"));
    expect(problems).toEqual([expect.stringMatching(/第1行「支持产业核心技术攻关项目数量」 指标值解析结果（target）：与指标值「＞=3项」的解析结果不一致/)]);
  });

  it("refuses weights over 100, with and without a budget-execution weight", () => {
    expect(problemsOf((f) => (f.sheets[1].indicators[6].weight = 51))).toEqual([
      expect.stringMatching(/^第2张表「.*」 指标列表（indicators）：指标分值权重合计 101.00 超过 100$/),
    ]);
    expect(problemsOf((f) => (f.sheets[1].budgetExecutionWeight = 11))).toEqual([expect.stringContaining("加预算执行率分值 11.00 超过 100")]);
  });

  it("refuses funds that do not add up, negative amounts and duplicate sheets", () => {
    expect(problemsOf((f) => (f.sheets[1].funds.total = "1500.00"))).toEqual([
      expect.stringMatching(/^第2张表「.*」 项目资金（funds）\.年度预算总额（total）：年度预算总额 1500.00 不等于财政拨款 1600.00 \+ 其他资金 0.00/),
    ]);
    expect(problemsOf((f) => (f.sheets[1].funds.other = "-1.00"))).toEqual([expect.stringContaining("其他资金（other）：金额应为非负数")]);
    expect(problemsOf((f) => f.sheets.push(f.sheets[1]))).toEqual([expect.stringMatching(/^第15张表「.*」：与第2张表的预算单位和项目名称重复/)]);
  });

  it("refuses unknown fields and a missing list", () => {
    expect(problemsOf((f) => (f.sheets[1].indicators[0].colour = "red"))[0]).toMatch(/第2张表.*第1行.*colour/);
    expect(problemsOf((f) => delete f.sheets)).toEqual([expect.stringMatching(/^绩效目标表列表（sheets）：/)]);
  });

  it("reports bad JSON with its position", () => {
    const result = parseJsonText('{"department": "x",');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/^不是有效的 JSON：/);
  });
});
