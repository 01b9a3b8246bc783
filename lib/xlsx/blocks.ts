import { type Grid, hasOwnText } from "./grid";
import { COLUMN_LABELS, labelKey, type SheetKind, titleKind, UNIT_LABEL_KEYS } from "./labels";

/** The rows of one target sheet inside a worksheet. */
export interface Block {
  start: number;
  end: number;
  /** From the title row; undefined when the sheet starts at its 预算单位 row. */
  kind?: SheetKind;
  titleAddress?: string;
}

type RowKeys = ReadonlyArray<{ key: string; col: number }>;

// Finding the forms and then reading their rows asks for every row's keys twice; labelKey runs seven
// regular expressions per cell, so each row's keys are kept for the grid's lifetime.
const keysByGrid = new WeakMap<Grid, RowKeys[]>();

/** Own (non-merge-copy) label keys of a row, with their cells. */
export function rowKeys(grid: Grid, row: number): RowKeys {
  let kept = keysByGrid.get(grid);
  if (!kept) {
    kept = [];
    keysByGrid.set(grid, kept);
  }
  const hit = kept[row];
  if (hit) return hit;
  const out: Array<{ key: string; col: number }> = [];
  for (let c = 1; c <= grid.cols; c++) {
    const cell = grid.at(row, c);
    if (hasOwnText(cell)) out.push({ key: labelKey(cell.text), col: c });
  }
  kept[row] = out;
  return out;
}

/** The header row of an indicator table: it names at least the 三级指标 and 指标值 columns. */
export function isTableHeader(keys: ReadonlyArray<{ key: string }>): boolean {
  const fields = new Set(keys.map((k) => COLUMN_LABELS.get(k.key)));
  return fields.has("name") && fields.has("targetRaw");
}

/**
 * Splits a worksheet into target sheets. A sheet starts at its title row; without a title, at its
 * 预算单位 row (or, with neither, at its indicator table), so several sheets can sit one under another.
 */
export function findBlocks(grid: Grid): Block[] {
  const blocks: Array<Block & { hasUnit: boolean; hasTable: boolean }> = [];
  const open = (start: number, kind?: SheetKind, titleAddress?: string) => {
    const previous = blocks[blocks.length - 1];
    if (previous) previous.end = start - 1;
    const block = { start, end: grid.rows, kind, titleAddress, hasUnit: false, hasTable: false };
    blocks.push(block);
    return block;
  };
  for (let r = 1; r <= grid.rows; r++) {
    const keys = rowKeys(grid, r);
    const title = keys.length === 1 ? titleKind(grid.at(r, keys[0]!.col).text) : undefined;
    let current = blocks[blocks.length - 1];
    if (title) {
      open(r, title, grid.at(r, keys[0]!.col).address);
    } else if (keys.some((k) => UNIT_LABEL_KEYS.has(k.key))) {
      if (!current || current.hasUnit || current.hasTable) current = open(r);
      current.hasUnit = true;
    } else if (isTableHeader(keys)) {
      if (!current) current = open(r);
      // A second header inside one sheet is the header repeated after a page break, not a new sheet.
      current.hasTable = true;
    }
  }
  return blocks.map(({ start, end, kind, titleAddress }) => ({ start, end, kind, titleAddress }));
}
