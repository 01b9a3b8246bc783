import { readDecimal } from "@/lib/input";
import { bandRange, describeBandRange, isBand, validateGrade } from "@/lib/scoring/bands";
import { Decimal } from "@/lib/scoring/decimal";
import { validateDeduction } from "@/lib/scoring/deduction";
import { isGraded } from "@/lib/scoring/row-score";
import { type Band, isScoringRule, type RowInput, type ScoringRule } from "@/lib/scoring/types";
import { isQuantitative, type Target } from "@/lib/targets/types";

/**
 * The checks of one evaluation row as typed, shared by the form (to refuse before sending) and the server (which
 * decides). Pure: no database, no framework, so the browser runs exactly what the server runs.
 */

/** What a row of the form holds, as typed. */
export interface RowTyped {
  actual: string;
  band: string;
  gradeScore: string;
  deductionPoints: string;
  deductionReason: string;
  deviationReason: string;
}
export type RowField = keyof RowTyped;

/** An indicator as far as the checks need it. */
export interface RowSubject {
  target: Target;
  /** Points. */
  weight: string;
  rule: string;
}

/** A row's values once understood: exact decimal strings, nulls for blanks. */
export interface RowValues {
  actual: string | null;
  band: Band | null;
  gradeScore: string | null;
  deductionPoints: string | null;
  deductionReason: string;
  deviationReason: string;
}

export interface FieldProblem {
  field: RowField;
  message: string;
}

export const EMPTY_ROW: RowTyped = { actual: "", band: "", gradeScore: "", deductionPoints: "", deductionReason: "", deviationReason: "" };

/** The printed rule as the engine knows it; anything else (none printed) is scored as proportional. */
export const toScoringRule = (rule: string): ScoringRule | "" => (isScoringRule(rule) ? rule : "");

export const isGradedRow = (s: RowSubject): boolean => isGraded(s.target, toScoringRule(s.rule));

/** Rows whose unit is a percentage accept a trailing `%`. */
export const allowsPercent = (target: Target): boolean => isQuantitative(target) && /^[%％]/.test(target.unit);

const blank = (s: string | null | undefined) => (s ?? "").trim() === "";

/**
 * One row as typed → its values, or every problem with the field it belongs to. A graded row needs a band and
 * a score inside the band's range; a deduction needs points (at most the row's weight) and a reason. Nothing
 * here requires a value: a draft may be incomplete (finalising checks that).
 */
export function checkRow(subject: RowSubject, typed: RowTyped, options: { allowDeduction: boolean }): { values: RowValues | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const weight = new Decimal(subject.weight);
  const graded = isGradedRow(subject);

  let actual: string | null = null;
  if (!blank(typed.actual)) {
    if (!isQuantitative(subject.target)) {
      problems.push({ field: "actual", message: "定性指标没有数值型实际完成值，请选择评判等级并评分" });
    } else {
      const a = readDecimal(typed.actual, { column: "value", allowPercent: allowsPercent(subject.target), allowNegative: true });
      if (a.ok) actual = a.value;
      else problems.push({ field: "actual", message: `实际完成值：${a.message}` });
    }
  }

  let band: Band | null = null;
  let gradeScore: string | null = null;
  const bandText = typed.band.trim();
  if (!graded) {
    if (bandText !== "" || !blank(typed.gradeScore)) problems.push({ field: "gradeScore", message: "该指标按公式计分，无需评判等级和评分" });
  } else if (bandText !== "" || !blank(typed.gradeScore)) {
    if (bandText === "") problems.push({ field: "band", message: "请选择评判等级" });
    else if (!isBand(bandText)) problems.push({ field: "band", message: `未知的评判等级「${bandText}」` });
    else band = bandText;
    if (blank(typed.gradeScore)) {
      problems.push({ field: "gradeScore", message: band ? `请填写评分（${describeBandRange(bandRange(band, weight))}）` : "请填写评分" });
    } else {
      const s = readDecimal(typed.gradeScore, { column: "points" });
      if (!s.ok) problems.push({ field: "gradeScore", message: `评分：${s.message}` });
      else if (band) {
        const check = validateGrade({ band, score: new Decimal(s.value) }, weight);
        if (check.ok) gradeScore = s.value;
        else problems.push({ field: "gradeScore", message: check.error });
      }
    }
  }

  let deductionPoints: string | null = null;
  const deductionReason = typed.deductionReason.trim();
  if (!blank(typed.deductionPoints) || deductionReason !== "") {
    if (!options.allowDeduction) {
      problems.push({ field: "deductionPoints", message: "自评不设扣分，扣分由评价人认定" });
    } else if (blank(typed.deductionPoints)) {
      problems.push({ field: "deductionPoints", message: "填写了扣分原因，请填写扣分分值（或清空扣分原因）" });
    } else {
      const p = readDecimal(typed.deductionPoints, { column: "points" });
      if (!p.ok) problems.push({ field: "deductionPoints", message: `扣分：${p.message}` });
      else if (new Decimal(p.value).gt(weight)) problems.push({ field: "deductionPoints", message: `扣分 ${p.value} 不能超过该指标分值 ${weight.toFixed(2)}` });
      else {
        const check = validateDeduction({ points: new Decimal(p.value), reason: deductionReason });
        if (check.ok) deductionPoints = p.value;
        else problems.push({ field: "deductionReason", message: check.error });
      }
    }
  }

  if (problems.length > 0) return { values: null, problems };
  return { values: { actual, band, gradeScore, deductionPoints, deductionReason, deviationReason: typed.deviationReason.trim() }, problems };
}

/** 全年执行数 as typed → an exact amount (万元, 2 decimals, not negative), null for blank. */
export function checkExecuted(text: string): { ok: true; value: string | null } | { ok: false; message: string } {
  if (blank(text)) return { ok: true, value: null };
  const e = readDecimal(text, { column: "amount" });
  return e.ok ? e : { ok: false, message: `全年执行数：${e.message}` };
}

/** The engine's row input for checked values (stored or typed). */
export function toRowInput(subject: RowSubject, values: Pick<RowValues, "actual" | "band" | "gradeScore" | "deductionPoints" | "deductionReason">): RowInput {
  return {
    target: subject.target,
    weight: new Decimal(subject.weight),
    rule: toScoringRule(subject.rule),
    actual: values.actual === null ? null : new Decimal(values.actual),
    grading: values.band && values.gradeScore !== null ? { band: values.band, score: new Decimal(values.gradeScore) } : null,
    deduction: values.deductionPoints !== null ? { points: new Decimal(values.deductionPoints), reason: values.deductionReason } : null,
  };
}
