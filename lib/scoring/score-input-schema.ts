import { z } from "zod";
import "@/lib/zod-locale";
import { BANDS, SCORING_RULES } from "./types";

/**
 * Shape of the `score` command's input (docs/formats.md): the interchange format's sheets, of which only the
 * fields scoring needs are read; every other interchange field is accepted and ignored. This schema checks
 * shapes and number formats only. It has no transforms because transforms take zod off its fast path (10×
 * slower on 100,000 rows); targets, band ranges and weight sums are checked by score-input-checks.ts.
 */

export const DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const NON_NEGATIVE = /^\+?\d+(\.\d+)?$|^-0+(\.0+)?$/;

const shown = (v: unknown): string => {
  if (typeof v === "number") return `数字 ${v}（应写成带引号的字符串）`;
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

/** Decimals are strings in the interchange format so that no value ever passes through a binary float. */
const decimal = (label: string, opts: { nonNegative?: boolean } = {}) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `缺少${label}` : `${label}应为数字字符串，如 "12.5"，收到 ${shown(iss.input)}`) })
    .regex(opts.nonNegative ? NON_NEGATIVE : DECIMAL, {
      error: (iss) => (DECIMAL.test(String(iss.input)) ? `${label} ${String(iss.input)} 不能为负数` : `${label}「${String(iss.input)}」不是有效的数字`),
    });

/** Weights are printed as plain numbers (`10`) in the interchange format; decimal strings are accepted too. */
const weight = (label: string) => {
  const error = (iss: { input?: unknown }) => {
    const v = iss.input;
    if (v === undefined) return `缺少${label}`;
    if (typeof v === "number") return Number.isFinite(v) ? `${label} ${v} 不能为负数` : `${label}应为有限数值`;
    if (typeof v !== "string") return `${label}应为数字，收到 ${shown(v)}`;
    return DECIMAL.test(v) ? `${label} ${v} 不能为负数` : `${label}「${v}」不是有效的数字`;
  };
  // The message is given to each option too: zod reports the failing option's own issue when the type matched.
  return z.union([z.number({ error }).min(0, { error }), z.string({ error }).regex(NON_NEGATIVE, { error })], { error });
};

const rule = z
  .enum([...SCORING_RULES, ""], {
    error: (iss) =>
      iss.input === undefined
        ? "缺少赋分规则（无规则时填空字符串）"
        : `未知的赋分规则「${String(iss.input)}」，应为 ${SCORING_RULES.join("、")} 之一（或空字符串）`,
  })
  .nullable();

const grade = z.object(
  {
    band: z.enum(BANDS, {
      error: (iss) => (iss.input === undefined ? "缺少评判等级" : `未知的评判等级「${String(iss.input)}」，应为 ${BANDS.join("、")} 之一`),
    }),
    score: decimal("评分"),
  },
  { error: "评判等级应为 {band, score}" },
);

const deduction = z.object(
  {
    points: decimal("扣分", { nonNegative: true }),
    reason: z.string({ error: "扣分必须填写原因" }).regex(/\S/, "扣分必须填写原因"),
  },
  { error: "扣分应为 {points, reason}" },
);

const indicator = z.object(
  {
    name: z.string({ error: (iss) => (iss.input === undefined ? "缺少三级指标名称" : "三级指标名称应为字符串") }).min(1, "三级指标名称不能为空"),
    targetRaw: z.string({ error: "指标值（targetRaw）应为字符串" }).optional(),
    /** `{op, value, unit}` or `{qualitative}`; checked, or derived from targetRaw, by score-input-checks.ts. */
    target: z.unknown().optional(),
    weight: weight("指标分值权重"),
    rule,
    actual: decimal("实际完成值").nullish(),
    grade: grade.nullish(),
    deduction: deduction.nullish(),
  },
  { error: "指标应为对象" },
);

const sheet = z.object(
  {
    name: z.string({ error: (iss) => (iss.input === undefined ? "缺少项目名称" : "项目名称应为字符串") }),
    funds: z.object(
      { total: decimal("年度预算总额", { nonNegative: true }) },
      { error: (iss) => (iss.input === undefined ? "缺少项目资金（funds.total）" : "项目资金应为对象 {total, …}") },
    ),
    indicators: z.array(indicator, { error: (iss) => (iss.input === undefined ? "缺少指标列表" : "指标列表应为数组") }),
    executed: decimal("全年执行数", { nonNegative: true }).nullish(),
    /** In-year adjustment (调整数), may be negative; 全年预算数 = funds.total + budgetAdjustment. */
    budgetAdjustment: decimal("预算调整数").nullish(),
    budgetExecutionWeight: weight("预算执行率权重").nullish(),
  },
  { error: "绩效目标表应为对象" },
);

export const scoreInputSchema = z.object(
  { sheets: z.array(sheet, { error: (iss) => (iss.input === undefined ? "缺少 sheets 列表" : "sheets 应为数组") }) },
  { error: "应为 JSON 对象，含 sheets 列表" },
);

export type ScoreInputData = z.output<typeof scoreInputSchema>;
export type ScoreInputSheet = ScoreInputData["sheets"][number];
export type ScoreInputIndicator = ScoreInputSheet["indicators"][number];
