import type { Cell, Worksheet } from "exceljs";
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
 *
 * Reading visits every cell several times (finding the forms, their captions, then their rows), so each
 * position is resolved once and kept in an array per row: a 10,000-row workbook asks for ~10⁶ positions,
 * and a string-keyed map with a fresh object per hit was most of its reading time (issue 12).
 */
export function gridOf(worksheet: Worksheet): Grid {
  const rows = worksheet.rowCount;
  const cols = worksheet.columnCount;
  const cache: Array<Array<GridCell | undefined> | undefined> = [];
  const resolve = (row: number, col: number): GridCell => {
    // findRow + findCell by number: worksheet.findCell(r, c) builds and parses an address string per call.
    const cell: Cell | undefined = row >= 1 && col >= 1 ? worksheet.findRow(row)?.findCell(col) : undefined;
    const master = cell?.isMerged ? cell.master : cell;
    if (!master) return { text: "", asTyped: "", address: columnLetter(col) + row, row, col, slave: false };
    const content = cellContent(master);
    return {
      text: content.text,
      ...(content.number !== undefined ? { number: content.number } : {}),
      asTyped: content.asTyped,
      address: master.address,
      row: Number(master.row),
      col: Number(master.col),
      slave: master !== cell,
    };
  };
  const at = (row: number, col: number): GridCell => {
    const hit = cache[row]?.[col];
    if (hit) return hit;
    const resolved = resolve(row, col);
    // Only cells the sheet holds are kept: a blank position is cheap to answer again, and keeping one object per
    // position would make memory grow with the used range instead of with the cells.
    if (resolved.text === "" && resolved.asTyped === "" && resolved.number === undefined && !resolved.slave) return resolved;
    let line = cache[row];
    if (!line) {
      line = [];
      cache[row] = line;
    }
    line[col] = resolved;
    return resolved;
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
