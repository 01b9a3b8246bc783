import { describe, expect, it } from "vitest";
import { decimalPlaces, parseDecimal } from "./parse-decimal";

describe("parseDecimal", () => {
  it.each([
    ["3", "3"],
    ["0", "0"],
    ["-0", "0"],
    ["  12.50  ", "12.5"],
    ["\u300012\u3000", "12"],
    ["1,600.50", "1600.5"],
    ["1,234,567", "1234567"],
    ["１，６００", "1600"],
    ["１２．５", "12.5"],
    ["－３", "-3"],
    ["−3", "-3"],
    ["＋3", "3"],
    ["+0.25", "0.25"],
    [".5", "0.5"],
    ["5.", "5"],
    ["007", "7"],
    ["0.0001", "0.0001"],
    // exact: no detour through a JS number
    ["12345678901234567890.123456789", "12345678901234567890.123456789"],
    ["0.1", "0.1"],
  ])("%j → %s", (input, value) => {
    expect(parseDecimal(input)).toEqual({ ok: true, value, percent: false });
  });

  it.each([
    ["", "请输入数字"],
    ["   ", "请输入数字"],
    ["12a", "「12a」不是有效的数字"],
    [" 12a ", "「12a」不是有效的数字"],
    ["1.2.3", "「1.2.3」不是有效的数字：只能有一个小数点"],
    ["1,60", "「1,60」不是有效的数字：千位分隔符应每三位一个，如 1,600.50"],
    ["1,6000", "「1,6000」不是有效的数字：千位分隔符应每三位一个，如 1,600.50"],
    [",100", "「,100」不是有效的数字：千位分隔符应每三位一个，如 1,600.50"],
    ["1 600", "「1 600」不是有效的数字"],
    ["1e5", "「1e5」不是有效的数字"],
    ["-", "「-」不是有效的数字"],
    [".", "「.」不是有效的数字"],
    ["--3", "「--3」不是有效的数字"],
    ["NaN", "「NaN」不是有效的数字"],
    ["Infinity", "「Infinity」不是有效的数字"],
    ["0x10", "「0x10」不是有效的数字"],
    ["三", "「三」不是有效的数字"],
    ["85%", "「85%」不是有效的数字：此处不能带百分号"],
  ])("refuses %j", (input, error) => {
    expect(parseDecimal(input)).toEqual({ ok: false, error });
  });

  it("accepts a trailing percent sign only where allowed, reading the value in percent", () => {
    expect(parseDecimal("85%", { allowPercent: true })).toEqual({ ok: true, value: "85", percent: true });
    expect(parseDecimal("９８．５％", { allowPercent: true })).toEqual({ ok: true, value: "98.5", percent: true });
    expect(parseDecimal("100 %", { allowPercent: true })).toEqual({ ok: true, value: "100", percent: true });
    expect(parseDecimal("85", { allowPercent: true })).toEqual({ ok: true, value: "85", percent: false });
    expect(parseDecimal("%", { allowPercent: true })).toEqual({ ok: false, error: "「%」不是有效的数字" });
    expect(parseDecimal("85%%", { allowPercent: true })).toEqual({ ok: false, error: "「85%%」不是有效的数字" });
  });
});

describe("decimalPlaces", () => {
  it.each([
    ["3", 0],
    ["3.5", 1],
    ["-0.0001", 4],
  ])("%s → %i", (value, places) => expect(decimalPlaces(value)).toBe(places));
});
