import { describe, expect, it } from "vitest";
import { bandForScore, bandRange, formatBandRange, validateGrade } from "./bands";
import { d, s2 } from "@/lib/testing/scoring";
import type { Band } from "./types";

describe("bandRange", () => {
  it.each([
    ["达成年度指标", "40", "32.00", "40.00", true],
    ["部分达成年度指标并具有一定效果", "40", "24.00", "32.00", false],
    ["未达成年度指标且效果较差", "40", "0.00", "24.00", false],
    ["部分达成年度指标并具有一定效果", "30", "18.00", "24.00", false],
    ["达成年度指标", "15", "12.00", "15.00", true],
    ["部分达成年度指标并具有一定效果", "5", "3.00", "4.00", false],
  ] as Array<[Band, string, string, string, boolean]>)("%s w=%s → %s–%s", (band, w, min, max, inclusive) => {
    const r = bandRange(band, d(w));
    expect([s2(r.min), s2(r.max), r.maxInclusive]).toEqual([min, max, inclusive]);
  });

  it("keeps the exact edges for weights with decimals", () => {
    const r = bandRange("达成年度指标", d("3.33"));
    expect(r.min.toFixed()).toBe("2.664");
    expect(formatBandRange(r)).toBe("2.66–3.33");
  });
});

describe("validateGrade", () => {
  // Edges at exactly 0.8w and 0.6w, one cent either side.
  const w = d("40");
  it.each([
    ["达成年度指标", "40", true],
    ["达成年度指标", "32", true],
    ["达成年度指标", "31.99", false],
    ["达成年度指标", "40.01", false],
    ["部分达成年度指标并具有一定效果", "32", false],
    ["部分达成年度指标并具有一定效果", "31.99", true],
    ["部分达成年度指标并具有一定效果", "24", true],
    ["部分达成年度指标并具有一定效果", "23.99", false],
    ["未达成年度指标且效果较差", "24", false],
    ["未达成年度指标且效果较差", "23.99", true],
    ["未达成年度指标且效果较差", "0", true],
    ["未达成年度指标且效果较差", "-0.01", false],
    ["部分达成年度指标并具有一定效果", "31.994", true], // rounds to 31.99
    ["部分达成年度指标并具有一定效果", "31.995", false], // rounds to 32.00
  ] as Array<[Band, string, boolean]>)("%s %s → %s", (band, score, ok) => {
    expect(validateGrade({ band, score: d(score) }, w).ok).toBe(ok);
  });

  it("returns the rounded score it checked", () => {
    const r = validateGrade({ band: "部分达成年度指标并具有一定效果", score: d("21.004") }, d(30));
    expect(r).toEqual({ ok: true, score: d("21") });
  });

  it("names an unknown band", () => {
    expect(validateGrade({ band: "优秀", score: d(1) }, w)).toEqual({
      ok: false,
      error: "未知的评判等级「优秀」，应为 达成年度指标、部分达成年度指标并具有一定效果、未达成年度指标且效果较差 之一",
    });
  });

  it("explains a score outside its band", () => {
    expect(validateGrade({ band: "部分达成年度指标并具有一定效果", score: d(25) }, d(30))).toEqual({
      ok: false,
      error: "评分 25.00 不在「部分达成年度指标并具有一定效果」的区间内（18.00 ≤ 评分 < 24.00）",
    });
  });
});

describe("bandForScore", () => {
  it.each([
    ["40", "达成年度指标"],
    ["32", "达成年度指标"],
    ["31.99", "部分达成年度指标并具有一定效果"],
    ["24", "部分达成年度指标并具有一定效果"],
    ["23.99", "未达成年度指标且效果较差"],
    ["0", "未达成年度指标且效果较差"],
    ["40.01", null],
    ["-1", null],
  ])("%s of 40 → %s", (score, band) => {
    expect(bandForScore(d(score), d(40))).toBe(band);
  });
});
