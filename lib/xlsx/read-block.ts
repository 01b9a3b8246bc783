import Decimal from "decimal.js";
import type { InterchangeSheet } from "@/lib/interchange/schema";
import { type AmountResult, readAmount } from "./amounts";
import { type Block, isTableHeader, rowKeys } from "./blocks";
import { type Grid, type GridCell, hasOwnText } from "./grid";
import { type HeaderEntry, readHeaderFields } from "./header-fields";
import { readIndicatorRows } from "./indicator-rows";
import { type ColumnField, columnName, DEPARTMENT_SHEET_NAME, type HeaderField, headerName, labelKey, type SheetKind } from "./labels";
import type { Where } from "./locations";
import { tableColumns } from "./table-columns";
import { cleanLead, cleanText } from "./text";

export interface BlockProblem {
  where: Where;
  message: string;
}

export type BlockResult =
  | { kind: "empty" }
  /** The block could not be read as a sheet at all (no table header, a required column missing). */
  | { kind: "broken"; problems: BlockProblem[] }
  | {
      kind: "sheet";
      sheet: InterchangeSheet;
      /** Path inside the sheet (`["funds", "total"]`) → where it was read. */
      locations: Array<{ path: PropertyKey[]; where: Where }>;
      problems: BlockProblem[];
    };

const REQUIRED_COLUMNS: ColumnField[] = ["level1", "level2", "name", "targetRaw", "weight"];

/** Reads one target sheet of a worksheet; problems carry the cell they are about. */
export function readBlock(grid: Grid, block: Block): BlockResult {
  const headerRow = findTableHeader(grid, block);
  const fields = readHeaderFields(grid, block.start, headerRow === undefined ? block.end : headerRow - 1);
  const columns = headerRow === undefined ? {} : tableColumns(grid, headerRow);
  const rows = headerRow === undefined ? [] : readIndicatorRows(grid, headerRow, block.end, columns);
  // A blank form (the template, or a sheet copied but never filled in) is not a sheet to import.
  if (rows.length === 0 && ![...fields.values()].some((f) => f.value && f.value.text.trim() !== "")) return { kind: "empty" };

  const kind = block.kind ?? guessKind(fields);
  const startCell = firstCell(grid, block);
  const at = (cell: GridCell | undefined, field: string): Where => ({ worksheet: grid.name, address: (cell ?? startCell).address, field });

  if (headerRow === undefined) {
    return { kind: "broken", problems: [{ where: at(undefined, ""), message: "找不到指标表的表头（应有「三级指标」「指标值」「指标分值权重」等列）" }] };
  }
  const missing = REQUIRED_COLUMNS.filter((f) => columns[f] === undefined);
  if (missing.length > 0) {
    const headerCell = grid.at(headerRow, columns.name ?? 1);
    return {
      kind: "broken",
      problems: missing.map((f) => ({ where: at(headerCell, "指标表"), message: `缺少「${columnName(kind, f)}」列` })),
    };
  }

  const problems: BlockProblem[] = [];
  const locations: Array<{ path: PropertyKey[]; where: Where }> = [];
  const header = (field: HeaderField): Where => {
    const entry = fields.get(field);
    return at(entry?.slot, headerName(kind, field));
  };
  const text = (field: HeaderField, clean = cleanText) => clean(fields.get(field)?.value?.text ?? "");

  for (const field of kind === "project" ? (["unit", "name", "total"] as const) : (["unit"] as const)) {
    if (!fields.has(field)) problems.push({ where: header(field), message: `找不到「${headerName(kind, field)}」一栏` });
  }

  const amount = (field: HeaderField, required: boolean): AmountResult => {
    const entry = fields.get(field);
    const result = readAmount(entry?.value, required);
    // A caption that is missing altogether was reported above.
    if (!result.ok && entry) problems.push({ where: header(field), message: result.message });
    return result;
  };
  const funds = kind === "project" ? projectFunds(amount) : departmentFunds(amount, fields);
  const fundsCell: Record<"total" | "fiscal" | "other", HeaderField> =
    kind === "project"
      ? { total: "total", fiscal: "fiscal", other: "other" }
      : { total: fields.has("total") ? "total" : "local", fiscal: fields.has("local") ? "local" : "fiscal", other: "other" };

  const sheet: InterchangeSheet = {
    kind,
    unit: text("unit"),
    name: kind === "department" ? DEPARTMENT_SHEET_NAME : text("name"),
    lead: text("lead", cleanLead),
    funds,
    goal: text("goal"),
    indicators: rows.map((r) => r.indicator),
  };

  locations.push({ path: [], where: { worksheet: grid.name, address: block.titleAddress ?? startCell.address, field: "" } });
  for (const field of ["unit", "name", "lead", "goal"] as const) locations.push({ path: [field], where: header(field) });
  for (const part of ["total", "fiscal", "other"] as const) locations.push({ path: ["funds", part], where: header(fundsCell[part]) });
  locations.push({ path: ["indicators"], where: at(grid.at(headerRow, 1), "指标表") });
  rows.forEach((row, i) => {
    for (const [field, address] of Object.entries(row.cells) as Array<[ColumnField, string]>) {
      const where = { worksheet: grid.name, address: address || grid.at(headerRow, columns[field] ?? 1).address, field: columnName(kind, field) };
      locations.push({ path: ["indicators", i, field], where });
      if (field === "targetRaw") locations.push({ path: ["indicators", i, "target"], where });
    }
    for (const p of row.problems)
      problems.push({ where: { worksheet: grid.name, address: row.cells[p.field], field: columnName(kind, p.field) }, message: p.message });
  });
  return { kind: "sheet", sheet, locations, problems };
}

function findTableHeader(grid: Grid, block: Block): number | undefined {
  for (let r = block.start; r <= block.end; r++) if (isTableHeader(rowKeys(grid, r))) return r;
  return undefined;
}

function firstCell(grid: Grid, block: Block): GridCell {
  for (let c = 1; c <= grid.cols; c++) if (hasOwnText(grid.at(block.start, c))) return grid.at(block.start, c);
  return grid.at(block.start, 1);
}

/** Without a title: the department form is the one with 部门联系人 or 上级安排/本级安排 and no 项目名称. */
function guessKind(fields: Map<HeaderField, HeaderEntry>): SheetKind {
  if (fields.has("name")) return "project";
  const lead = fields.get("lead");
  const department = fields.has("upper") || fields.has("local") || (lead && labelKey(lead.label.text) === "部门联系人");
  return department ? "department" : "project";
}

type Amount = (field: HeaderField, required: boolean) => AmountResult;

/** The interchange string: 2 decimals, or the text as read so the schema check fails on it too. */
const fixed = (a: AmountResult): string => (a.ok ? a.value.toFixed(2) : a.text);

function projectFunds(amount: Amount): InterchangeSheet["funds"] {
  return { total: fixed(amount("total", true)), fiscal: fixed(amount("fiscal", false)), other: fixed(amount("other", false)) };
}

/** docs/transcription.md: 财政拨款 = 上级安排 + 本级安排; 其他 is the rest; the total is their sum unless printed. */
function departmentFunds(amount: Amount, fields: Map<HeaderField, HeaderEntry>): InterchangeSheet["funds"] {
  const parts = fields.has("upper") || fields.has("local") ? [amount("upper", false), amount("local", false)] : [amount("fiscal", false)];
  const other = amount("other", false);
  const fiscal = sum(parts);
  const total = fields.has("total") ? amount("total", true) : sum([fiscal, other]);
  return { total: fixed(total), fiscal: fixed(fiscal), other: fixed(other) };
}

function sum(parts: AmountResult[]): AmountResult {
  let total = new Decimal(0);
  for (const p of parts) {
    if (!p.ok) return { ok: false, text: "", message: p.message };
    total = total.plus(p.value);
  }
  return { ok: true, value: total };
}
