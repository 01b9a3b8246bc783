import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  decimalOf,
  idOf,
  idSchema,
  MAX_INT,
  moneyOf,
  moneyText,
  monthSchema,
  readDecimal,
  TEXT_MAX,
  textOf,
  textProblem,
  versionSchema,
  yearSchema,
} from "./input";

const read = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0]!.message };
};

describe("whole numbers: ids, versions, months, years", () => {
  it.each([
    [7, 7],
    ["7", 7],
    [" 12 ", 12],
    ["１２", 12],
    [MAX_INT, MAX_INT],
  ])("an id %j reads as %j, from code or a form", (input, expected) => {
    expect(read(idSchema, input)).toEqual({ ok: true, value: expected });
  });

  it.each([0, -1, 1.5, MAX_INT + 1, "", " ", "abc", "1e3", "0x10", "1.0", null, undefined, [1], Number.NaN])(
    "an id %j is refused with the one message",
    (input) => {
      expect(read(idSchema, input)).toEqual({ ok: false, message: "编号有误" });
    },
  );

  it("says which id when asked to", () => {
    expect(read(idOf("请选择人员"), "")).toEqual({ ok: false, message: "请选择人员" });
  });

  it("takes version 0 (the record did not exist yet) and refuses negatives", () => {
    expect(read(versionSchema, 0)).toEqual({ ok: true, value: 0 });
    expect(read(versionSchema, "3")).toEqual({ ok: true, value: 3 });
    expect(read(versionSchema, -1)).toEqual({ ok: false, message: "版本号有误" });
    expect(read(versionSchema, "")).toEqual({ ok: false, message: "版本号有误" });
  });

  it.each([
    [1, true],
    [12, true],
    ["６", true],
    [0, false],
    [13, false],
    ["", false],
  ])("month %j accepted: %j", (input, ok) => {
    expect(read(monthSchema, input).ok).toBe(ok);
  });

  it.each([
    [2000, true],
    ["2025", true],
    [2099, true],
    [1999, false],
    [2100, false],
    ["二〇二五", false],
  ])("year %j accepted: %j", (input, ok) => {
    expect(read(yearSchema, input)).toEqual(ok ? { ok, value: Number(input) } : { ok, message: "年度应在 2000–2099 之间" });
  });
});

describe("decimals and money", () => {
  it.each([
    ["1,600.50", { column: "amount" } as const, { ok: true, value: "1600.5" }],
    ["１２３．４５６７", { column: "value" } as const, { ok: true, value: "123.4567" }],
    ["85%", { column: "value", allowPercent: true } as const, { ok: true, value: "85" }],
    ["-3", { column: "value", allowNegative: true } as const, { ok: true, value: "-3" }],
    ["-3", { column: "value" } as const, { ok: false, message: "不能为负数" }],
    ["1.234", { column: "amount" } as const, { ok: false, message: "最多保留 2 位小数（「1.234」）" }],
    ["1000000000000", { column: "amount" } as const, { ok: false, message: "数值过大（「1000000000000」）" }],
    ["999999999999.99", { column: "amount" } as const, { ok: true, value: "999999999999.99" }],
    ["100000", { column: "points" } as const, { ok: false, message: "数值过大（「100000」）" }],
  ])("readDecimal(%j, %j)", (text, options, expected) => {
    expect(readDecimal(text, options)).toEqual(expected);
  });

  it("money: blank is absent, negatives and a third decimal refused, named by the field", () => {
    const funds = moneyOf("年度预算总额");
    expect(read(funds, "")).toEqual({ ok: true, value: undefined });
    expect(read(funds, 12.5)).toEqual({ ok: true, value: "12.5" });
    expect(read(funds, "-1")).toEqual({ ok: false, message: "年度预算总额：不能为负数" });
    expect(read(funds, "1.005")).toEqual({ ok: false, message: "年度预算总额：最多保留 2 位小数（「1.005」）" });
    expect(read(decimalOf("分值", { column: "points" }), "abc")).toEqual({ ok: false, message: "分值：「abc」不是有效的数字" });
  });

  it("money as the interchange format writes it: the same limits", () => {
    expect(read(moneyText, "1600.00").ok).toBe(true);
    expect(read(moneyText, "999999999999.99").ok).toBe(true);
    expect(read(moneyText, "1000000000000.00")).toEqual({ ok: false, message: "金额过大" });
    expect(read(moneyText, "-1.00").ok).toBe(false);
    expect(read(moneyText, "1.005").ok).toBe(false);
  });
});

describe("text", () => {
  it("refuses NUL and other control characters, naming where they are", () => {
    expect(textProblem("ab\u0000c")).toBe("含有不可见的控制字符（U+0000，第 3 个字符），此处也不能换行，请删除后重试");
    expect(textProblem("\u001b[31m", { multiline: true })).toBe("含有不可见的控制字符（U+001B，第 1 个字符），请删除后重试");
    expect(textProblem("a\u0085b", { multiline: true })).toMatch(/U\+0085/);
    expect(textProblem("a\u007fb", { multiline: true })).toMatch(/U\+007F/);
  });

  it("allows tab and line breaks only in multi-line fields", () => {
    expect(textProblem("第一行\r\n第二行\t说明", { multiline: true })).toBeNull();
    expect(textProblem("第一行\n第二行")).toMatch(/U\+000A.*此处也不能换行/);
    expect(textProblem("a\tb")).toMatch(/U\+0009/);
    expect(textProblem("普通文字 ISO 9001（２０２５）")).toBeNull();
  });

  it("trims, bounds and names the field", () => {
    const goal = textOf("项目总体目标", { max: TEXT_MAX.goal, multiline: true });
    expect(read(goal, "  目标\n说明  ")).toEqual({ ok: true, value: "目标\n说明" });
    expect(read(goal, "目".repeat(TEXT_MAX.goal))).toMatchObject({ ok: true });
    expect(read(goal, "目".repeat(TEXT_MAX.goal + 1))).toEqual({ ok: false, message: "项目总体目标不能超过 5000 个字" });
    expect(read(goal, "目标\u0000")).toEqual({ ok: false, message: "项目总体目标含有不可见的控制字符（U+0000，第 3 个字符），请删除后重试" });
    expect(read(goal, 5)).toEqual({ ok: false, message: "项目总体目标应为文字" });
    expect(read(textOf("预算单位", { max: TEXT_MAX.name }), "单位\n名称")).toMatchObject({ ok: false });
  });
});
