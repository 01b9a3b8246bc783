import Decimal from "decimal.js";
import type { z } from "zod";
import type { Problem } from "@/lib/errors";
import { defaultMeasureType, parseTarget } from "@/lib/targets";
import type { Target } from "@/lib/targets/types";
import { locate } from "./locate";
import { interchangeSchema, type ParsedInterchangeFile } from "./schema";

type ParsedSheet = ParsedInterchangeFile["sheets"][number];
type ParsedIndicator = ParsedSheet["indicators"][number];

/** A validated file: every indicator's target parsed and its measure type settled. */
export type ValidIndicator = Omit<ParsedIndicator, "target" | "measureType"> & { target: Target; measureType: "cumulative" | "level" };
export type ValidSheet = Omit<ParsedSheet, "indicators"> & { indicators: ValidIndicator[] };
export type ValidFile = Omit<ParsedInterchangeFile, "sheets"> & { sheets: ValidSheet[] };

export type ValidationResult = { ok: true; file: ValidFile } | { ok: false; problems: Problem[] };

/** Parses JSON text, reporting the position of a syntax error. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (error) {
    return { ok: false, problems: [{ path: "", message: `不是有效的 JSON：${(error as Error).message}` }] };
  }
}

const sameTarget = (a: Target, b: Target): boolean =>
  "qualitative" in a || "qualitative" in b
    ? "qualitative" in a && "qualitative" in b && a.qualitative === b.qualitative
    : a.op === b.op && a.unit === b.unit && new Decimal(a.value).equals(b.value);

/** Validates the whole file and reports every problem with sheet, row and field, never just the first. */
export function validateInterchange(input: unknown): ValidationResult {
  const parsed = interchangeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(input, parsed.error) };
  const problems: Problem[] = [];
  const at = (...path: PropertyKey[]) => locate(input, path);
  const seen = new Map<string, number>();

  parsed.data.sheets.forEach((sheet, s) => {
    const key = `${sheet.unit}\u0000${sheet.name}`;
    if (seen.has(key)) problems.push({ path: at("sheets", s), message: `与第${seen.get(key)! + 1}张表的预算单位和项目名称重复` });
    seen.set(key, s);
    const { total, fiscal, other } = sheet.funds;
    if (!new Decimal(fiscal).plus(other).equals(total)) {
      problems.push({ path: at("sheets", s, "funds", "total"), message: `年度预算总额 ${total} 不等于财政拨款 ${fiscal} + 其他资金 ${other}` });
    }
    const weights = sheet.indicators.reduce((sum, i) => sum.plus(i.weight), new Decimal(0));
    const budgetWeight = new Decimal(sheet.budgetExecutionWeight ?? 0);
    if (weights.plus(budgetWeight).greaterThan(100)) {
      problems.push({
        path: at("sheets", s, "indicators"),
        message: `指标分值权重合计 ${weights.toFixed(2)}${sheet.budgetExecutionWeight ? ` 加预算执行率分值 ${budgetWeight.toFixed(2)}` : ""} 超过 100`,
      });
    }
    sheet.indicators.forEach((indicator, r) => {
      const result = parseTarget(indicator.targetRaw);
      if (!result.ok) {
        problems.push({ path: at("sheets", s, "indicators", r, "targetRaw"), message: result.error });
      } else if (indicator.target && !sameTarget(indicator.target, result.target)) {
        problems.push({ path: at("sheets", s, "indicators", r, "target"), message: `与指标值「${indicator.targetRaw}」的解析结果不一致` });
      }
    });
  });
  if (problems.length > 0) return { ok: false, problems };

  const file: ValidFile = {
    ...parsed.data,
    sheets: parsed.data.sheets.map((sheet) => ({
      ...sheet,
      indicators: sheet.indicators.map((indicator) => {
        const target = (parseTarget(indicator.targetRaw) as { ok: true; target: Target }).target;
        return { ...indicator, target, measureType: indicator.measureType ?? defaultMeasureType(target) };
      }),
    })),
  };
  return { ok: true, file };
}

function zodProblems(input: unknown, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: locate(input, issue.path), message: issue.message }));
}
