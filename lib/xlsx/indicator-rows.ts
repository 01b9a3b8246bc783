import { parseTarget } from "@/lib/targets";
import type { InterchangeIndicator } from "@/lib/interchange/schema";
import { isTableHeader, rowKeys } from "./blocks";
import { type Grid, type GridCell, hasOwnText } from "./grid";
import { type ColumnField, isNote } from "./labels";
import { fromCellNumber, isNil, parseNumberText } from "./numbers";
import type { TableColumns } from "./table-columns";
import { cleanText, splitEvidence } from "./text";

export interface ReadRow {
  indicator: InterchangeIndicator;
  /** Where each field was read, for problems (the master address of a merged 一级/二级 cell). */
  cells: Record<ColumnField, string>;
  /** Problems found while reading, by field; the message names the value. */
  problems: Array<{ field: ColumnField; message: string }>;
}

const FIELDS: ColumnField[] = ["level1", "level2", "name", "targetRaw", "basis", "lastYear", "weight", "rule", "evidence"];

/**
 * The indicator rows below a table header, up to the end of the block or a note (`注：…`). Blank spacer
 * rows and repeated header rows are skipped; every other row with content becomes an indicator, even a
 * broken one, so that its problems are reported instead of the row vanishing.
 */
export function readIndicatorRows(grid: Grid, headerRow: number, lastRow: number, columns: TableColumns): ReadRow[] {
  const rows: ReadRow[] = [];
  const used = FIELDS.map((f) => columns[f]).filter((c): c is number => c !== undefined);
  let previous: { level1: string; level2: string } | undefined;
  // Where the 一级/二级 shown on each row was typed: the nearest cell at or above it, below the header,
  // with text. Carried down row by row (a search upward from each row was quadratic in a long table).
  const shownAt: Partial<Record<"level1" | "level2", string>> = {};
  for (let r = headerRow + 1; r <= lastRow; r++) {
    for (const field of ["level1", "level2"] as const) {
      const col = columns[field];
      if (col === undefined) continue;
      const c = grid.at(r, col);
      if (c.text.trim() !== "") shownAt[field] = c.address;
    }
    const own = used.map((c) => grid.at(r, c)).filter(hasOwnText);
    const first = firstOwnText(grid, r);
    if (first && isNote(first.text)) break;
    if (own.length === 0 || isTableHeader(rowKeys(grid, r))) continue;
    const row = readRow(grid, r, columns, previous, shownAt);
    previous = { level1: row.indicator.level1, level2: row.indicator.level2 };
    rows.push(row);
  }
  return rows;
}

function firstOwnText(grid: Grid, row: number): GridCell | undefined {
  for (let c = 1; c <= grid.cols; c++) {
    const cell = grid.at(row, c);
    if (hasOwnText(cell)) return cell;
  }
  return undefined;
}

function readRow(
  grid: Grid,
  r: number,
  columns: TableColumns,
  previous: { level1: string; level2: string } | undefined,
  shownAt: Partial<Record<"level1" | "level2", string>>,
): ReadRow {
  const cell = (field: ColumnField): GridCell | undefined => (columns[field] === undefined ? undefined : grid.at(r, columns[field]));
  const text = (field: ColumnField) => cleanText(cell(field)?.text ?? "");
  const problems: ReadRow["problems"] = [];

  // An unmerged form shows 一级/二级 once over its group and leaves the cells below blank; they mean the
  // same as a merged cell. A new 一级 with a blank 二级 does not inherit the old group's 二级.
  let level1 = text("level1");
  let level2 = text("level2");
  if (previous && level1 === "") {
    level1 = previous.level1;
    if (level2 === "") level2 = previous.level2;
  }

  const targetRaw = cleanText(cell("targetRaw")?.asTyped ?? "");
  const parsed = targetRaw === "" ? undefined : parseTarget(targetRaw);
  if (parsed && !parsed.ok) problems.push({ field: "targetRaw", message: parsed.error.replace(/^指标值/, "") });

  const weightCell = cell("weight");
  const weight = readWeight(weightCell);
  if (typeof weight === "string") problems.push({ field: "weight", message: weight === "" ? "缺少分值" : `「${weight}」不是数字` });

  const indicator: InterchangeIndicator = {
    level1,
    level2,
    name: text("name"),
    targetRaw,
    ...(parsed?.ok ? { target: parsed.target } : {}),
    basis: text("basis"),
    lastYear: text("lastYear"),
    weight,
    rule: text("rule") as InterchangeIndicator["rule"],
    evidence: splitEvidence(cell("evidence")?.text ?? ""),
  };
  const cells = Object.fromEntries(
    // A filled-down 一级/二级 is reported at the cell the person can see the value in.
    FIELDS.map((f) => [f, f === "level1" || f === "level2" ? (shownAt[f] ?? cell(f)?.address ?? "") : (cell(f)?.address ?? "")]),
  ) as Record<ColumnField, string>;
  return { indicator, cells, problems };
}

/** A number, or the offending text (empty when blank) for the schema and the problem message. */
function readWeight(cell: GridCell | undefined): number | string {
  if (!cell) return "";
  if (cell.number !== undefined) return fromCellNumber(cell.number).toNumber();
  const raw = cell.text.trim();
  if (isNil(raw)) return "";
  const d = parseNumberText(raw, /分$/);
  return d === undefined ? cleanText(raw) : d.toNumber();
}
