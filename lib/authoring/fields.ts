import Decimal from "decimal.js";
import { z } from "zod";
import { decimalOf, idOf, MAX_EVIDENCE_KINDS, MAX_INDICATORS, moneyOf, TEXT_MAX, textOf } from "@/lib/input";
import { SCORING_RULES } from "@/lib/scoring/types";
import { parseTarget } from "@/lib/targets";
import { splitEvidence } from "./evidence-text";

/**
 * The fields of a target sheet as people type them (editor and forms), each with its zod schema:
 * full-width digits, `1,600`, trailing spaces are accepted and normalised; what cannot be stored is
 * refused with a message for the field. Shared by create-draft and update-draft.
 */

/** Trimmed text, "" when absent. */
const text = (label: string, max: number = TEXT_MAX.line, multiline = false) => textOf(label, { max, multiline }).default("");

const required = (label: string, max: number = TEXT_MAX.line) => text(label, max).refine((v) => v !== "", `请填写${label}`);

/** 万元, ≥ 0, at most 2 decimals; blank → undefined. */
export const amountField = moneyOf;

/** Points, 0–100, at most 2 decimals. */
export const pointsField = (label: string) =>
  decimalOf(label, { column: "points" }).refine((p) => p === undefined || new Decimal(p).lte(100), `${label}：应在 0 到 100 之间`);

/** An existing row's id; blank (a new row) → undefined. */
const idField = z.preprocess((raw) => (raw === "" || raw === null ? undefined : raw), idOf("指标编号无效").optional());

export const targetRawField = required("指标值", TEXT_MAX.name).superRefine((raw, ctx) => {
  if (raw === "") return;
  const parsed = parseTarget(raw);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
});

export const ruleField = z
  .string()
  .trim()
  .default("")
  .refine(
    (r): r is (typeof SCORING_RULES)[number] | "" => r === "" || (SCORING_RULES as readonly string[]).includes(r),
    `赋分规则应为 ${SCORING_RULES.join("、")} 之一`,
  );

const evidenceField = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((raw) => (raw === undefined ? [] : Array.isArray(raw) ? raw.flatMap(splitEvidence) : splitEvidence(raw)))
  .pipe(z.array(textOf("佐证资料", { max: TEXT_MAX.label })).max(MAX_EVIDENCE_KINDS, `佐证资料不超过 ${MAX_EVIDENCE_KINDS} 项`));

/** One indicator row of the editor; `id` names an existing row of the sheet (absent for a new row). */
export const indicatorInputSchema = z.object({
  id: idField,
  level1: required("一级指标", TEXT_MAX.label),
  level2: required("二级指标", TEXT_MAX.label),
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
  unit: required("预算单位", TEXT_MAX.name),
  name: text("项目名称", TEXT_MAX.title),
  lead: text("项目负责人", TEXT_MAX.name),
  goal: text("项目总体目标", TEXT_MAX.goal, true),
  fundsTotal: amountField("年度预算总额"),
  fundsFiscal: amountField("财政拨款"),
  fundsOther: amountField("其他资金"),
  budgetExecutionWeight: pointsField("预算执行率分值"),
  indicators: z.array(indicatorInputSchema, { error: "指标应为列表" }).max(MAX_INDICATORS, `指标不超过 ${MAX_INDICATORS} 行`).default([]),
};

/** The funds as stored: blanks are 0, a blank total is 财政拨款 + 其他资金. */
export function fundsOf(input: { fundsTotal?: string; fundsFiscal?: string; fundsOther?: string }) {
  const fiscal = new Decimal(input.fundsFiscal ?? 0);
  const other = new Decimal(input.fundsOther ?? 0);
  const total = input.fundsTotal === undefined ? fiscal.plus(other) : new Decimal(input.fundsTotal);
  return { total, fiscal, other };
}

/** The name a department sheet always has (docs/transcription.md). */
export const DEPARTMENT_SHEET_NAME = "部门整体绩效目标";
