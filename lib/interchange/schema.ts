import { z } from "zod";
import { MAX_EVIDENCE_KINDS, MAX_INDICATORS, MAX_YEAR, MIN_YEAR, moneyText, TEXT_MAX, type TextOptions, textProblem } from "@/lib/input";
import { SCORING_RULES } from "@/lib/scoring/types";
import "../zod-locale";

/** Zod schemas of the JSON interchange format (docs/formats.md): seed, import, export and backups. */

const decimalString = z.string({ error: '应为数字字符串，如 "1600.00"' }).regex(/^-?\d+(\.\d+)?$/, '应为数字字符串，如 "1600.00"');

/** 万元 amounts: at most 2 decimals, never negative, as large as the database keeps. */
export const amountSchema = moneyText;

/** Weights are printed as plain numbers (`10`); a decimal string is accepted too. */
export const weightSchema = z
  .union([z.number(), z.string()], { error: "缺少分值或分值不是数字" })
  .transform((w) => String(w).trim())
  .refine((w) => /^\d+(\.\d{1,2})?$/.test(w) && Number(w) <= 100, "分值应为 0 到 100 之间的数字，最多两位小数");

export const targetSchema = z.union(
  [
    z.strictObject({
      op: z.enum([">=", ">", "=", "<=", "<"], { error: "比较符应为 >=、>、=、<=、<" }),
      value: decimalString,
      unit: z.string(),
    }),
    z.strictObject({ qualitative: z.string().min(1, "定性指标值不能为空") }),
  ],
  { error: "指标值解析结果应为 {op, value, unit} 或 {qualitative}" },
);

/**
 * Text as the file has it (kept byte for byte, so an export re-imports unchanged), within the lengths and
 * character rules the editor applies to the same field (lib/input.ts).
 */
const text = (label: string, options: TextOptions) =>
  z
    .string({ error: `缺少${label}` })
    .max(options.max, `${label}不能超过 ${options.max} 个字`)
    .superRefine((value, ctx) => {
      const problem = textProblem(value, options);
      if (problem) ctx.addIssue({ code: "custom", message: `${label}${problem}` });
    });
const required = (label: string, options: TextOptions) => text(label, options).trim().min(1, `${label}不能为空`);

export const indicatorSchema = z.strictObject({
  level1: required("一级指标", { max: TEXT_MAX.label }),
  level2: required("二级指标", { max: TEXT_MAX.label }),
  name: required("三级指标", { max: TEXT_MAX.line }),
  targetRaw: required("指标值", { max: TEXT_MAX.name }),
  /** Optional on import: derived from targetRaw when absent, checked against it when present. */
  target: targetSchema.optional(),
  basis: text("指标值设置依据", { max: TEXT_MAX.line }),
  lastYear: text("上年完成值", { max: TEXT_MAX.line }),
  weight: weightSchema,
  /** "" where the sheet prints no rule (the department sheet); scored as proportional. */
  rule: z.enum([...SCORING_RULES, ""], { error: `赋分规则应为 ${SCORING_RULES.join("、")} 之一` }),
  evidence: z
    .array(text("佐证资料", { max: TEXT_MAX.label }), { error: "佐证资料应为字符串列表" })
    .max(MAX_EVIDENCE_KINDS, `佐证资料不超过 ${MAX_EVIDENCE_KINDS} 项`),
  /** In-year measure type; omitted when it is the default derived from the unit. */
  measureType: z.enum(["cumulative", "level"]).optional(),
});

export const sheetSchema = z.strictObject({
  kind: z.enum(["project", "department"], { error: "kind 应为 project 或 department" }),
  unit: required("预算单位", { max: TEXT_MAX.name }),
  name: required("项目名称", { max: TEXT_MAX.title }),
  lead: text("项目负责人", { max: TEXT_MAX.name }),
  funds: z.strictObject({ total: amountSchema, fiscal: amountSchema, other: amountSchema }),
  goal: text("项目总体目标", { max: TEXT_MAX.goal, multiline: true }),
  /** Omitted when it is the default `100 − Σ indicator weights`. */
  budgetExecutionWeight: weightSchema.optional(),
  indicators: z.array(indicatorSchema).min(1, "至少需要一个指标").max(MAX_INDICATORS, `指标不超过 ${MAX_INDICATORS} 行`),
});

export const interchangeSchema = z.strictObject({
  department: required("部门名称", { max: TEXT_MAX.name }),
  fiscalYear: z
    .number({ error: "fiscalYear 应为年份数字" })
    .int("fiscalYear 应为年份数字")
    .min(MIN_YEAR, `年度应在 ${MIN_YEAR}–${MAX_YEAR} 之间`)
    .max(MAX_YEAR, `年度应在 ${MIN_YEAR}–${MAX_YEAR} 之间`),
  sheets: z.array(sheetSchema),
});

export type InterchangeIndicator = z.input<typeof indicatorSchema>;
export type InterchangeSheet = z.input<typeof sheetSchema>;
export type InterchangeFile = z.input<typeof interchangeSchema>;
export type ParsedInterchangeFile = z.output<typeof interchangeSchema>;
