import { describe, expect, it } from "vitest";
import { parseNumberText } from "./numbers";
import { cleanLead, cleanText, splitEvidence } from "./text";

describe("cleanText (docs/transcription.md whitespace)", () => {
  it.each([
    ["  乌鲁木齐市科学技术局 ", "乌鲁木齐市科学技术局"],
    ["2025 年", "2025年"],
    ["=24 期", "=24期"],
    ["＞=3.5 亿\n元", "＞=3.5亿元"],
    ["支持产业核心技术攻\r\n关项目数量", "支持产业核心技术攻关项目数量"],
    ["（2023—2025年） 》", "（2023—2025年）》"],
    ["“两区” 创新", "“两区”创新"],
    ["新增\u3000指标", "新增指标"],
    ["ISO  9001 认证", "ISO9001认证"],
    ["Open  Source\nLicense", "Open Source License"],
    ["> = 9 项", "> =9项"],
  ])("%j → %j", (raw, expected) => {
    expect(cleanText(raw)).toBe(expected);
  });
});

describe("cleanLead", () => {
  it.each([
    ["冯先生", "冯先生"],
    [" 范先生 ", "范先生"],
    ["来丽拉 张春丽", "来丽拉 张春丽"],
    ["来丽拉  张春丽\n", "来丽拉 张春丽"],
    ["来丽拉 张春丽 联系电话：2824158 2825049", "来丽拉 张春丽"],
    ["冯先生 13800001111", "冯先生"],
    ["冯先生（0991-2824158）", "冯先生"],
    ["冯先生 电话:１３８００００１１１１", "冯先生"],
  ])("%j → %j", (raw, expected) => {
    expect(cleanLead(raw)).toBe(expected);
  });
});

describe("splitEvidence", () => {
  it.each([
    ["说明材料", ["说明材料"]],
    ["工作资料,说明材料", ["工作资料", "说明材料"]],
    ["工作资料，说明\n材料", ["工作资料", "说明材料"]],
    ["说明材料、正式材料；工作资料", ["说明材料", "正式材料", "工作资料"]],
    ["", []],
    [" , ", []],
  ])("%j → %j", (raw, expected) => {
    expect(splitEvidence(raw)).toEqual(expected);
  });
});

describe("parseNumberText", () => {
  it.each([
    ["1,600.00", "1600"],
    ["１０", "10"],
    ["１６００．５", "1600.5"],
    [" 10 ", "10"],
    ["-2", "-2"],
    [".5", "0.5"],
  ])("%j → %s", (raw, expected) => {
    expect(parseNumberText(raw)?.toFixed()).toBe(expected);
  });

  it("strips the given unit", () => {
    expect(parseNumberText("1600万元", /万?元$/)?.toFixed()).toBe("1600");
    expect(parseNumberText("10分", /分$/)?.toFixed()).toBe("10");
  });

  it.each(["十", "1,60", "10项", "", "1.2.3", "一千六百万"])("%j is not a number", (raw) => {
    expect(parseNumberText(raw)).toBeUndefined();
  });
});
