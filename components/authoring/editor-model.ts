import Decimal from "decimal.js";
import { joinEvidence, splitEvidence } from "@/lib/authoring/evidence-text";
import { DEPARTMENT_SHEET_NAME } from "@/lib/authoring/fields";
import type { LintSheet } from "@/lib/lint";
import { parseDecimal } from "@/lib/numbers/parse-decimal";

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
  funds: {
    total: header.fundsTotal.trim() === "" ? sumText(header.fundsFiscal, header.fundsOther) : header.fundsTotal,
    fiscal: header.fundsFiscal,
    other: header.fundsOther,
  },
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

/** The form paths of the editor (forms kit values): header fields by name, a row's field under its key. */
export const HEADER_FIELDS = [
  "kind",
  "year",
  "department",
  "unit",
  "name",
  "lead",
  "fundsTotal",
  "fundsFiscal",
  "fundsOther",
  "budgetExecutionWeight",
  "goal",
] as const;
export const ROW_FIELDS = ["level1", "level2", "name", "targetRaw", "basis", "lastYear", "weight", "rule", "evidence"] as const satisfies readonly RowField[];
export const rowPath = (key: string, field: RowField | "id") => `rows.${key}.${field}`;
/** The rows' order: their keys, comma-separated (keys hold no comma), so moving a row changes one value. */
export const ORDER = "order";

/** The editor's state as the forms kit keeps it (strings by path). */
export function toEditorValues(header: EditorHeader, rows: EditorRow[]): Record<string, string> {
  return Object.assign({ ...header, [ORDER]: rows.map((r) => r.key).join(",") }, ...rows.map(rowValues));
}

/** The rows' values under their keys, for a new or copied row (no id). */
export function rowValues(row: EditorRow): Record<string, string> {
  const values: Record<string, string> = { [rowPath(row.key, "id")]: row.id === null ? "" : String(row.id) };
  for (const field of ROW_FIELDS) values[rowPath(row.key, field)] = row[field];
  return values;
}

/** Back from the kit's values: the header and the rows in their order. */
export function fromEditorValues(values: Readonly<Record<string, string>>): { header: EditorHeader; rows: EditorRow[] } {
  const get = (path: string) => values[path] ?? "";
  const header = Object.fromEntries(HEADER_FIELDS.map((f) => [f, get(f)])) as unknown as EditorHeader;
  const keys = get(ORDER) === "" ? [] : get(ORDER).split(",");
  const rows = keys.map((key) => {
    const id = get(rowPath(key, "id"));
    const row = { key, id: id === "" ? null : Number(id) } as EditorRow;
    for (const field of ROW_FIELDS) row[field] = get(rowPath(key, field));
    return row;
  });
  return { header: { ...header, kind: header.kind === "department" ? "department" : "project" }, rows };
}

/** A refused save's path (`indicators.2.weight`) as the form's (`rows.<key>.weight`); a row's id problem sits at its name. */
export function editorProblemPath(path: string, rows: EditorRow[]): string {
  const m = /^indicators\.(\d+)\.(\w+)$/.exec(path);
  const row = m ? rows[Number(m[1])] : undefined;
  if (!m || !row) return path;
  return rowPath(row.key, m[2] === "id" ? "name" : (m[2] as RowField));
}

/** What the save sends: the header and the rows in order (a new row without id). */
export function editorInput(header: EditorHeader, rows: EditorRow[]) {
  return {
    ...header,
    name: header.kind === "department" ? DEPARTMENT_SHEET_NAME : header.name,
    indicators: rows.map(({ key: _key, id, ...row }) => (id === null ? row : { id, ...row })),
  };
}

/** A stored draft's rows as editor rows (fresh keys). */
export const toEditorRows = (
  rows: ReadonlyArray<{
    id: number | null;
    level1: string;
    level2: string;
    name: string;
    targetRaw: string;
    basis: string;
    lastYear: string;
    weight: string;
    rule: string;
    evidence: readonly string[];
  }>,
): EditorRow[] => rows.map((r) => ({ ...r, key: newKey(), evidence: joinEvidence(r.evidence) }));
