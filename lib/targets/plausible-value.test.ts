import { describe, expect, it } from "vitest";
import { parseTarget } from "./parse-target";
import { allowsNegative, checkValue } from "./plausible-value";
import type { Target } from "./types";

const target = (raw: string): Target => {
  const parsed = parseTarget(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.target;
};
const row = (name: string, raw: string) => ({ name, target: target(raw) });

describe("allowsNegative", () => {
  it.each([
    ["高新技术企业增长率", "＞=6%", true],
    ["技术合同成交额增幅", ">=10%", true],
    ["研发投入同比", ">=5%", true],
    ["专利授权量", ">=5同比增长率%", true],
    ["支持产业核心技术攻关项目数量", "＞=3项", false],
    ["系统故障率（%）", "＜=5%", false],
    ["培训人员出勤率", "＞=90%", false],
    ["资金到位", ">=100万元", false],
    ["促进科技成果转化", "有效促进", false],
  ])("%s (%s): %s", (name, raw, expected) => {
    expect(allowsNegative(row(name, raw))).toBe(expected);
  });
});

describe("checkValue", () => {
  it("refuses negative counts, amounts and rates of completion", () => {
    for (const [name, raw] of [
      ["支持项目数量", "＞=3项"],
      ["参训人数", ">=20人"],
      ["到位资金", ">=500万元"],
      ["投资额", ">=2亿元"],
      ["培训人员出勤率", "＞=90%"],
    ] as const) {
      expect(checkValue(row(name, raw), "-1")).toMatchObject({ ok: false, confirmable: false, message: expect.stringMatching(/^不能为负数/) });
    }
  });

  it("takes a fallen growth rate, down to -100%", () => {
    const growth = row("高新技术企业增长率", "＞=6%");
    expect(checkValue(growth, "-12.5")).toEqual({ ok: true });
    expect(checkValue(growth, "-100")).toEqual({ ok: true });
    expect(checkValue(growth, "-100.01")).toMatchObject({ ok: false, confirmable: false });
  });

  it("asks to confirm a % over 1000 and a value more than 10× its target", () => {
    expect(checkValue(row("项目计划完成率（%）", ">=90%"), "1001")).toEqual({ ok: false, confirmable: true, message: "1001% 超过 1000%，请确认没有多输位数" });
    expect(checkValue(row("支持项目数量", "＞=3项"), "31")).toEqual({
      ok: false,
      confirmable: true,
      message: "31项 超过目标值 3项 的 10 倍，请确认没有多输位数",
    });
    expect(checkValue(row("支持项目数量", "＞=3项"), "30")).toEqual({ ok: true });
    expect(checkValue(row("系统故障率（%）", "＜=5%"), "51")).toMatchObject({ ok: false, confirmable: true });
  });

  it("has no ratio to a target of 0, and nothing to say of qualitative rows", () => {
    expect(checkValue(row("安全事故", "=0起"), "3")).toEqual({ ok: true });
    expect(checkValue(row("促进科技成果转化", "有效促进"), "-5")).toEqual({ ok: true });
    expect(checkValue(row("支持项目数量", "＞=3项"), "0")).toEqual({ ok: true });
  });
});
