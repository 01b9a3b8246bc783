import Decimal from "decimal.js";
import { z } from "zod";
import { parseDecimal } from "@/lib/numbers/parse-decimal";
import { SCORING_RULES } from "@/lib/scoring/types";
import { parseTarget } from "@/lib/targets";
import { splitEvidence } from "./evidence-text";

/**
 * The fields of a target sheet as people type them (editor and forms), each with its zod schema:
 * full-width digits, `1,600`, trailing spaces are accepted and normalised; what cannot be stored is
 * refused with a message for the field. Shared by create-draft and update-draft.
 */

const MAX_TEXT = 500;
const MAX_GOAL = 5000;

/** Trimmed text, "" when absent. */
const text = (label: string, max = MAX_TEXT) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不超过 ${max} 个字`)
    .default("");

const required = (label: string, max = MAX_TEXT) => text(label, max).refine((v) => v !== "", `请填写${label}`);

/** A decimal typed as text or given as a number → canonical string; blank → undefined. */
const typedNumber = (label: string, check: (d: Decimal) => string | null) =>
  z
    .union([z.number(), z.string()], { error: `${label}应为数字` })
    .optional()
    .nullable()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) return undefined;
      const parsed = parseDecimal(String(raw));
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: `${label}：${parsed.error}` });
        return z.NEVER;
      }
      const problem = check(new Decimal(parsed.value));
      if (problem) {
        ctx.addIssue({ code: "custom", message: `${label}${problem}` });
        return z.NEVER;
      }
      return parsed.value;
    });

const twoDecimals = (d: Decimal) => d.decimalPlaces() <= 2;

/** 万元, ≥ 0, at most 2 decimals; blank → undefined. */
export const amountField = (label: string) =>
  typedNumber(label, (d) => (d.isNegative() ? "不能为负数" : !twoDecimals(d) ? "最多两位小数（万元）" : d.greaterThanOrEqualTo(1e12) ? "过大" : null));

/** Points, 0–100, at most 2 decimals. */
export const pointsField = (label: string) =>
  typedNumber(label, (d) => (d.isNegative() || d.greaterThan(100) ? "应在 0 到 100 之间" : !twoDecimals(d) ? "最多两位小数" : null));

const idField = z
  .union([z.number(), z.string()])
  .optional()
  .nullable()
  .transform((raw, ctx) => {
    if (raw === undefined || raw === null || raw === "") return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0 || n > 2_147_483_647) {
      ctx.addIssue({ code: "custom", message: "指标编号无效" });
      return z.NEVER;
    }
    return n;
  });

export const targetRawField = required("指标值", 100).superRefine((raw, ctx) => {
  if (raw === "") return;
  const parsed = parseTarget(raw);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
});

export const ruleField = z
  .string()
  .trim()
  .default("")
  .refine((r): r is (typeof SCORING_RULES)[number] | "" => r === "" || (SCORING_RULES as readonly string[]).includes(r), `赋分规则应为 ${SCORING_RULES.join("、")} 之一`);

const evidenceField = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((raw) => (raw === undefined ? [] : (Array.isArray(raw) ? raw.flatMap(splitEvidence) : splitEvidence(raw))));

/** One indicator row of the editor; `id` names an existing row of the sheet (absent for a new row). */
export const indicatorInputSchema = z.object({
  id: idField,
  level1: required("一级指标", 50),
  level2: required("二级指标", 50),
  name: required("三级指标"),
  targetRaw: targetRawField,
  basis: text("指标值设置依据"),
  lastYear: text("上年完成值"),
  weight: pointsField("指标分值权重").refine((w) => w !== undefined, "请填写指标分值权重"),
  rule: ruleField,
  evidence: evidenceField,
});

export type IndicatorInput = z.output<typeof indicatorInputSchema>;

/** The header block a draft's author may change. */
export const headerFields = {
  unit: required("预算单位", 100),
  name: text("项目名称", 200),
  lead: text("项目负责人", 100),
  goal: text("项目总体目标", MAX_GOAL),
  fundsTotal: amountField("年度预算总额"),
  fundsFiscal: amountField("财政拨款"),
  fundsOther: amountField("其他资金"),
  budgetExecutionWeight: pointsField("预算执行率分值"),
  indicators: z.array(indicatorInputSchema, { error: "指标应为列表" }).max(200, "指标不超过 200 行").default([]),
};

export const idSchema = (label: string) => z.coerce.number({ error: `${label}无效` }).int(`${label}无效`).positive(`${label}无效`).max(2_147_483_647, `${label}无效`);
export const versionSchema = z.coerce.number({ error: "版本号无效" }).int("版本号无效").min(1, "版本号无效");

/** The funds as stored: blanks are 0, a blank total is 财政拨款 + 其他资金. */
export function fundsOf(input: { fundsTotal?: string; fundsFiscal?: string; fundsOther?: string }) {
  const fiscal = new Decimal(input.fundsFiscal ?? 0);
  const other = new Decimal(input.fundsOther ?? 0);
  const total = input.fundsTotal === undefined ? fiscal.plus(other) : new Decimal(input.fundsTotal);
  return { total, fiscal, other };
}

/** The name a department sheet always has (docs/transcription.md). */
export const DEPARTMENT_SHEET_NAME = "部门整体绩效目标";
