import type { Worksheet } from "exceljs";
import { type CellContent, cellContent } from "./cell-content";

/** One position of the sheet, with merged cells resolved to the merge's top-left (master) cell. */
export interface GridCell extends CellContent {
  /** The master's address, e.g. `A9` for every cell of a merged `A9:A12`. */
  address: string;
  row: number;
  col: number;
  /** Part of a merge but not its master: shows the master's content without holding it. */
  slave: boolean;
}

export interface Grid {
  name: string;
  rows: number;
  cols: number;
  at(row: number, col: number): GridCell;
}

/**
 * A read-only view of a worksheet. exceljs creates the slave cells of every merge (`worksheet.model.merges`)
 * on load and points them at their master; reading through `cell.master` makes a 一级指标 merged over
 * four rows read the same on each row.
 */
export function gridOf(worksheet: Worksheet): Grid {
  const rows = worksheet.rowCount;
  const cols = worksheet.columnCount;
  const cache = new Map<string, GridCell>();
  const at = (row: number, col: number): GridCell => {
    const key = `${row}:${col}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const cell = row >= 1 && col >= 1 ? worksheet.findCell(row, col) : undefined;
    const master = cell?.isMerged ? cell.master : cell;
    const address = master?.address ?? columnLetter(col) + row;
    const result: GridCell = {
      ...cellContent(master),
      address,
      row: master ? Number(master.row) : row,
      col: master ? Number(master.col) : col,
      slave: master !== undefined && master !== cell,
    };
    cache.set(key, result);
    return result;
  };
  return { name: worksheet.name, rows, cols, at };
}

export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Content of its own (not a merge's copy) and not just whitespace. */
export const hasOwnText = (c: GridCell): boolean => !c.slave && c.text.trim() !== "";
