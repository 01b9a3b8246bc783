import Decimal from "decimal.js";
import { joinEvidence, splitEvidence } from "@/lib/authoring/evidence-text";
import { DEPARTMENT_SHEET_NAME } from "@/lib/authoring/fields";
import type { LintSheet } from "@/lib/lint";
import { parseDecimal } from "@/lib/numbers/parse-decimal";
import type { Problem } from "@/lib/errors";

/** One row of the editor: the row's fields as typed, plus a key that stays with it when rows move. */
export interface EditorRow {
  key: string;
  /** The stored row it edits; null for a new row. */
  id: number | null;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  basis: string;
  lastYear: string;
  weight: string;
  rule: string;
  /** 佐证资料 as one line, `说明材料，工作资料`. */
  evidence: string;
}

export interface EditorHeader {
  kind: "project" | "department";
  year: string;
  department: string;
  unit: string;
  name: string;
  lead: string;
  fundsTotal: string;
  fundsFiscal: string;
  fundsOther: string;
  budgetExecutionWeight: string;
  goal: string;
}

export type RowField = Exclude<keyof EditorRow, "key" | "id">;

// Keys made on the server (initial rows) and in the browser (added rows) must never meet: each
// module instance has its own prefix.
const instance = Math.random().toString(36).slice(2, 8);
let counter = 0;
const newKey = () => `row-${instance}-${++counter}`;

export const blankRow = (previous?: EditorRow): EditorRow => ({
  key: newKey(),
  id: null,
  // A new row continues the group of the row above, as people fill the form.
  level1: previous?.level1 ?? "产出指标",
  level2: previous?.level2 ?? "数量指标",
  name: "",
  targetRaw: "",
  basis: "计划标准",
  lastYear: "",
  weight: "",
  rule: "按照完成比例赋分",
  evidence: previous?.evidence ?? "说明材料",
});

/** A copy placed right below the row: a new row (no id) with the same content. */
export const duplicateRow = (rows: EditorRow[], index: number): EditorRow[] => [
  ...rows.slice(0, index + 1),
  { ...rows[index]!, key: newKey(), id: null },
  ...rows.slice(index + 1),
];

export function moveRow(rows: EditorRow[], index: number, by: -1 | 1): EditorRow[] {
  const to = index + by;
  if (to < 0 || to >= rows.length) return rows;
  const next = [...rows];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export const removeRow = (rows: EditorRow[], index: number): EditorRow[] => rows.filter((_, i) => i !== index);

/** What the lint reads of the editor's state (the same checks the server runs when publishing). */
export const toLintSheet = (header: EditorHeader, rows: EditorRow[]): LintSheet => ({
  kind: header.kind,
  unit: header.unit,
  name: header.kind === "department" ? DEPARTMENT_SHEET_NAME : header.name,
  lead: header.lead,
  goal: header.goal,
  funds: { total: header.fundsTotal.trim() === "" ? sumText(header.fundsFiscal, header.fundsOther) : header.fundsTotal, fiscal: header.fundsFiscal, other: header.fundsOther },
  budgetExecutionWeight: header.budgetExecutionWeight,
  indicators: rows.map((r) => ({ ...r, evidence: splitEvidence(r.evidence) })),
});

/** 财政拨款 + 其他资金 as the server will compute a blank total; the text itself when not numbers. */
function sumText(fiscal: string, other: string): string {
  const a = fiscal.trim() === "" ? { ok: true as const, value: "0" } : parseDecimal(fiscal);
  const b = other.trim() === "" ? { ok: true as const, value: "0" } : parseDecimal(other);
  return a.ok && b.ok ? new Decimal(a.value).plus(b.value).toFixed() : "";
}

/** Σ of the weights that are numbers, and whether every weight was one. */
export function weightTotal(rows: EditorRow[]): { total: string; complete: boolean } {
  let total = new Decimal(0);
  let complete = true;
  for (const row of rows) {
    const parsed = parseDecimal(row.weight);
    if (parsed.ok) total = total.plus(parsed.value);
    else complete = false;
  }
  return { total: total.toFixed(), complete };
}

/** The id of a field's input, for labels, error messages and "go to" links. */
export const fieldId = (prefix: string, field: string, rowKey?: string) => (rowKey ? `${prefix}-${rowKey}-${field}` : `${prefix}-${field}`);

/**
 * Problems of a refused save (`indicators.2.weight`, `fundsFiscal`) → messages by field id, rows
 * identified by their key so a message stays with its row.
 */
export function problemsByField(problems: Problem[], rows: EditorRow[], prefix: string): { fields: Record<string, string>; general: string[] } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const p of problems) {
    const m = /^indicators\.(\d+)\.(\w+)$/.exec(p.path);
    const row = m ? rows[Number(m[1])] : undefined;
    const id = m && row ? fieldId(prefix, m[2] === "id" ? "name" : m[2]!, row.key) : /^\w+$/.test(p.path) ? fieldId(prefix, p.path) : null;
    if (id) fields[id] ??= p.message;
    else general.push(p.path ? `${p.path}：${p.message}` : p.message);
  }
  return { fields, general };
}

/** A stored draft's rows as editor rows (fresh keys). */
export const toEditorRows = (rows: ReadonlyArray<{ id: number | null; level1: string; level2: string; name: string; targetRaw: string; basis: string; lastYear: string; weight: string; rule: string; evidence: readonly string[] }>): EditorRow[] =>
  rows.map((r) => ({ ...r, key: newKey(), evidence: joinEvidence(r.evidence) }));
