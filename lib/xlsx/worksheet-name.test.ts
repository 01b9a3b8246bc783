import { describe, expect, it } from "vitest";
import { shortSheetName, uniqueSheetNames } from "./worksheet-name";

describe("worksheet names", () => {
  it.each([
    ["2025年“两区”创新建设专项", "“两区”创新建设专项"],
    ["2025年人才发展资金--红山科创英才培养项目（+上年结转资金）", "红山科创英才培养项目"],
    ["自治区财政科研项目资金-企业科研诚信行为规范工作指引的研制", "企业科研诚信行为规范工作指引的研制"],
    ["对外合作交流工作经费", "对外合作交流工作经费"],
    ["A/B:C*D?E[F]G\\H", "ABCDEFGH"],
    ["'引号'", "引号"],
    ["（全是括号）", "绩效目标表"],
  ])("%s → %s", (project, expected) => {
    expect(shortSheetName(project)).toBe(expected);
  });

  it("cuts long names to 31 characters", () => {
    const name = shortSheetName("一二三四五六七八九十".repeat(4));
    expect([...name]).toHaveLength(31);
  });

  it("numbers repeats, ignoring case and staying within 31 characters", () => {
    const long = "一二三四五六七八九十".repeat(4);
    expect(uniqueSheetNames(["甲项目", "甲项目", "Abc", "aBC", long, long, "History"])).toEqual([
      "甲项目",
      "甲项目(2)",
      "Abc",
      "aBC(2)",
      "一二三四五六七八九十".repeat(3) + "一",
      "一二三四五六七八九十".repeat(2) + "一二三四五六七八(2)",
      "History(2)",
    ]);
  });
});
