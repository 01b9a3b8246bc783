import Decimal from "decimal.js";
import type { z } from "zod";
import type { Problem } from "@/lib/errors";
import { resolveBudgetWeight } from "@/lib/scoring/weights";
import { defaultMeasureType, parseTarget } from "@/lib/targets";
import type { Target } from "@/lib/targets/types";
import { locate } from "./locate";
import { interchangeSchema, type ParsedInterchangeFile, sheetSchema, targetSchema } from "./schema";

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

/**
 * Validates the whole file and reports every problem with sheet, row and field: a sheet whose shape is
 * wrong still gets its targets and sums checked, so one run lists everything to fix.
 */
export function validateInterchange(input: unknown): ValidationResult {
  const parsed = interchangeSchema.safeParse(input);
  const problems: Problem[] = parsed.success ? [] : zodProblems(input, parsed.error);
  const rawSheets = (input as { sheets?: unknown } | null)?.sheets;
  const checked = Array.isArray(rawSheets) ? rawSheets.map((sheet, s) => checkSheet(input, sheet, s)) : [];
  if (Array.isArray(rawSheets)) problems.push(...checked.flatMap((c) => c.problems), ...duplicateProblems(input, rawSheets));
  if (!parsed.success || problems.length > 0) return { ok: false, problems };

  const file: ValidFile = {
    ...parsed.data,
    sheets: parsed.data.sheets.map((sheet, s) => ({
      ...sheet,
      indicators: sheet.indicators.map((indicator, r) => {
        // No problem was found, so every row's target parsed.
        const target = checked[s]!.targets[r]!;
        return { ...indicator, target, measureType: indicator.measureType ?? defaultMeasureType(target) };
      }),
    })),
  };
  return { ok: true, file };
}

/**
 * Checks beyond the shape: targets parse and agree, funds add up, weights stay within 100. Also gives
 * each row's parsed target (by row index; absent where it does not parse), so it is parsed once.
 */
function checkSheet(input: unknown, raw: unknown, s: number): { problems: Problem[]; targets: Target[] } {
  const problems: Problem[] = [];
  const targets: Target[] = [];
  const at = (...path: PropertyKey[]) => locate(input, ["sheets", s, ...path]);
  const rawIndicators = (raw as { indicators?: unknown } | null)?.indicators;
  if (Array.isArray(rawIndicators)) {
    rawIndicators.forEach((indicator: { targetRaw?: unknown; target?: unknown } | null, r) => {
      if (typeof indicator?.targetRaw !== "string" || !indicator.targetRaw.trim()) return; // the shape check reports it
      const result = parseTarget(indicator.targetRaw);
      const given = targetSchema.safeParse(indicator.target);
      if (!result.ok) {
        problems.push({ path: at("indicators", r, "targetRaw"), message: result.error });
        return;
      }
      targets[r] = result.target;
      if (given.success && !sameTarget(given.data, result.target)) {
        problems.push({ path: at("indicators", r, "target"), message: `与指标值「${indicator.targetRaw}」的解析结果不一致` });
      }
    });
  }
  const sheet = sheetSchema.safeParse(raw);
  if (!sheet.success) return { problems, targets };
  const { total, fiscal, other } = sheet.data.funds;
  if (!new Decimal(fiscal).plus(other).equals(total)) {
    problems.push({ path: at("funds", "total"), message: `年度预算总额 ${total} 不等于财政拨款 ${fiscal} + 其他资金 ${other}` });
  }
  // The schema has refused negative weights, so the scoring engine refuses only a total over 100.
  const weights = sheet.data.indicators.map((i) => new Decimal(i.weight));
  const budgetWeight = sheet.data.budgetExecutionWeight;
  if (!resolveBudgetWeight(weights, budgetWeight === undefined ? null : new Decimal(budgetWeight)).ok) {
    const sum = weights.reduce((a, w) => a.plus(w), new Decimal(0));
    const withBudget = budgetWeight === undefined ? "" : ` 加预算执行率分值 ${new Decimal(budgetWeight).toFixed(2)}`;
    problems.push({ path: at("indicators"), message: `指标分值权重合计 ${sum.toFixed(2)}${withBudget} 超过 100` });
  }
  return { problems, targets };
}

function duplicateProblems(input: unknown, sheets: unknown[]): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  sheets.forEach((sheet, s) => {
    const { unit, name } = (sheet ?? {}) as { unit?: unknown; name?: unknown };
    if (typeof unit !== "string" || typeof name !== "string") return;
    const key = `${unit.trim()}\u0000${name.trim()}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ path: locate(input, ["sheets", s]), message: `与第${first + 1}张表的预算单位和项目名称重复` });
    else seen.set(key, s);
  });
  return problems;
}

function zodProblems(input: unknown, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: locate(input, issue.path), message: issue.message }));
}
