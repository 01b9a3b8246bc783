import { normaliseTargetText } from "@/lib/targets/normalise";
import { parseTarget } from "@/lib/targets/parse-target";
import type { Comparator, Target } from "@/lib/targets/types";
import { isBand, validateGrade } from "./bands";
import { fullYearBudget } from "./budget";
import { Decimal, isAboveZero, isBelowZero } from "./decimal";
import { DECIMAL } from "./score-input-schema";
import { resolveBudgetWeight } from "./weights";

/**
 * The checks of the score input that need more than a shape: targets (given or parsed from targetRaw), grade
 * scores inside their band, weights within 100, a budget to divide by. They read the raw input defensively,
 * skipping whatever is malformed (the schema reports that), so one run lists every problem.
 */

export interface InputIssue {
  path: PropertyKey[];
  message: string;
}

export interface InputChecks {
  issues: InputIssue[];
  /** Resolved target per sheet and row, where it could be resolved. */
  targets: Array<Array<Target | undefined>>;
  /** Weight per sheet and row as a Decimal, where it is valid; reused so each weight is parsed once. */
  weights: Array<Array<Decimal | undefined>>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const COMPARATORS: readonly string[] = [">=", ">", "=", "<=", "<"];
// A value already spelled the way parseTarget spells it ("3.5", "-2", "0"): no leading zeros, no trailing ones.
const CANONICAL = /^(-?[1-9]\d*|0)(\.\d*[1-9])?$|^-?0\.\d*[1-9]$/;

/** A weight or amount the schema would accept, as a Decimal; null when absent or malformed. */
function decimalOf(v: unknown, nonNegative: boolean): Decimal | null {
  let s: string;
  if (typeof v === "number" && Number.isFinite(v)) s = String(v);
  else if (typeof v === "string" && DECIMAL.test(v)) s = v;
  else return null;
  const d = new Decimal(s);
  return nonNegative && isBelowZero(d) ? null : d;
}

type TargetCheck = { ok: true; target: Target } | { ok: false; path: PropertyKey[]; message: string };

const fail = (field: string | null, message: string): TargetCheck => ({ ok: false, path: field ? ["target", field] : ["target"], message });

/** `target` as in the interchange format: `{op, value, unit}` or `{qualitative}`; printed comparators accepted. */
export function checkTargetObject(v: unknown): TargetCheck {
  if (!isObj(v)) return fail(null, "指标值应为 {op, value, unit} 或 {qualitative}");
  if ("qualitative" in v) {
    return typeof v.qualitative === "string" && v.qualitative.trim() !== ""
      ? { ok: true, target: { qualitative: v.qualitative } }
      : fail("qualitative", "定性指标值不能为空");
  }
  if (typeof v.op !== "string") return fail("op", v.op === undefined ? "缺少比较符" : "比较符应为字符串");
  // Most files already hold normalised comparators; normalising only the others keeps large files fast.
  const op = COMPARATORS.includes(v.op) ? v.op : normaliseTargetText(v.op);
  if (!COMPARATORS.includes(op)) return fail("op", `未知的比较符「${v.op}」，应为 >=、>、=、<=、< 之一`);
  if (typeof v.value !== "string") return fail("value", v.value === undefined ? "缺少指标值数值" : "指标值数值应为数字字符串");
  if (!DECIMAL.test(v.value)) return fail("value", `指标值数值「${v.value}」不是有效的数字`);
  if (v.unit !== undefined && typeof v.unit !== "string") return fail("unit", "单位应为字符串");
  const value = CANONICAL.test(v.value) ? v.value : new Decimal(v.value).toFixed();
  return { ok: true, target: { op: op as Comparator, value, unit: v.unit ?? "" } };
}

function checkTarget(row: Obj): TargetCheck {
  if (row.target !== undefined && row.target !== null) return checkTargetObject(row.target);
  if (typeof row.targetRaw !== "string") {
    // A non-string targetRaw is reported by the schema.
    return { ok: false, path: ["target"], message: row.targetRaw === undefined ? "缺少指标值（target 或 targetRaw）" : "" };
  }
  const parsed = parseTarget(row.targetRaw);
  return parsed.ok ? parsed : { ok: false, path: ["targetRaw"], message: parsed.error };
}

export function checkScoreInput(raw: unknown): InputChecks {
  const issues: InputIssue[] = [];
  const targets: InputChecks["targets"] = [];
  const weightsBySheet: InputChecks["weights"] = [];
  const sheets = isObj(raw) ? raw.sheets : undefined;
  if (!Array.isArray(sheets)) return { issues, targets, weights: weightsBySheet };

  sheets.forEach((sheet: unknown, si) => {
    const sheetTargets: Array<Target | undefined> = [];
    targets.push(sheetTargets);
    const weights: Decimal[] = [];
    weightsBySheet.push(weights);
    if (!isObj(sheet)) return;
    const rows = sheet.indicators;
    let weightsOk = Array.isArray(rows);
    if (Array.isArray(rows)) {
      rows.forEach((row: unknown, ri) => {
        if (!isObj(row)) {
          weightsOk = false;
          return;
        }
        const t = checkTarget(row);
        if (t.ok) sheetTargets[ri] = t.target;
        else if (t.message) issues.push({ path: ["sheets", si, "indicators", ri, ...t.path], message: t.message });

        const w = decimalOf(row.weight, true);
        if (w === null) weightsOk = false;
        else weights[ri] = w;
        const g = row.grade;
        if (w !== null && isObj(g) && isBand(g.band) && typeof g.score === "string" && DECIMAL.test(g.score)) {
          const check = validateGrade({ band: g.band, score: new Decimal(g.score) }, w);
          if (!check.ok) issues.push({ path: ["sheets", si, "indicators", ri, "grade", "score"], message: check.error });
        }
      });
    }

    const explicitRaw = sheet.budgetExecutionWeight;
    const explicit = explicitRaw === undefined || explicitRaw === null ? null : decimalOf(explicitRaw, true);
    if (weightsOk && (explicitRaw === undefined || explicitRaw === null || explicit !== null)) {
      const wb = resolveBudgetWeight(weights, explicit);
      if (!wb.ok) issues.push({ path: ["sheets", si, explicit === null ? "weight" : "budgetExecutionWeight"], message: wb.error });
    }

    const total = isObj(sheet.funds) ? decimalOf(sheet.funds.total, true) : null;
    const executed = decimalOf(sheet.executed, true);
    const adjustment = sheet.budgetAdjustment === undefined || sheet.budgetAdjustment === null ? null : decimalOf(sheet.budgetAdjustment, false);
    if (total !== null && executed !== null && !isAboveZero(fullYearBudget({ total, adjustment }))) {
      issues.push({ path: ["sheets", si, "funds", "total"], message: "全年预算数为 0，无法计算预算执行率" });
    }
  });
  return { issues, targets, weights: weightsBySheet };
}
