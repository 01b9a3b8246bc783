/**
 * What the lint reads: an interchange sheet, or the editor's state while someone types (weights and
 * amounts may still be text, fields may be blank). Pure data, no framework.
 */
export interface LintIndicator {
  level1?: string;
  level2?: string;
  name: string;
  /** 指标值 as typed (`＞=9项`, `有效推动`). */
  targetRaw: string;
  basis?: string;
  lastYear?: string;
  /** Points; text while typing (`"10"`, `"１０"`), null or "" when blank. */
  weight: number | string | null | undefined;
  rule?: string;
  evidence?: readonly string[];
}

export interface LintSheet {
  kind?: "project" | "department";
  unit: string;
  name: string;
  lead?: string;
  goal?: string;
  funds?: { total: string; fiscal: string; other: string };
  /** Points of 预算执行率; absent / null / "" = the default `100 − Σ indicator weights`. */
  budgetExecutionWeight?: number | string | null;
  indicators: readonly LintIndicator[];
}

/** Errors stop publishing and importing; warnings ask the author to check; notes only tell how a row is read. */
export type LintLevel = "error" | "warning" | "note";

/**
 * One finding. `row` is the 0-based index of the indicator in `sheet.indicators` (shown as 第 row+1 行);
 * absent for the sheet as a whole. `field` names the interchange field (`targetRaw`, `weight`, `rule`,
 * `goal`, `funds.total` …). `code` says which check found it (stable, for tests and filters).
 */
export interface LintIssue {
  level: LintLevel;
  row?: number;
  field?: string;
  code: LintCode;
  message: string;
}

export type LintCode =
  | "header.unit"
  | "header.name"
  | "header.goal"
  | "header.funds"
  | "rows.none"
  | "row.level"
  | "row.name"
  | "row.duplicate"
  | "target.missing"
  | "target.unparsed"
  | "target.bare-number"
  | "target.number-in-text"
  | "target.no-unit"
  | "target.percent-over-100"
  | "target.may-be-negative"
  | "weight.invalid"
  | "weight.zero"
  | "weights.sum"
  | "rule.missing"
  | "rule.unknown"
  | "rule.mismatch"
  | "goal.contradiction";
