import { type Grid, type GridCell, hasOwnText } from "./grid";
import { HEADER_LABELS, type HeaderField, isLabel, labelKey } from "./labels";

export interface HeaderEntry {
  label: GridCell;
  /** Undefined when the caption is there but nothing was filled in. */
  value?: GridCell;
  /** Where the value goes: the value's cell, else the blank cell beside the caption (for problems). */
  slot: GridCell;
}

/**
 * Finds each header caption (预算单位, 项目名称, …) in rows `from..to` and the value that belongs to it.
 * Captions are found by text, not position, because units insert rows, merge differently or put
 * 项目负责人 on its own row.
 */
export function readHeaderFields(grid: Grid, from: number, to: number): Map<HeaderField, HeaderEntry> {
  const fields = new Map<HeaderField, HeaderEntry>();
  for (let r = from; r <= to; r++) {
    for (let c = 1; c <= grid.cols; c++) {
      const label = grid.at(r, c);
      if (!hasOwnText(label)) continue;
      const key = labelKey(label.text);
      const field = HEADER_LABELS.get(key) ?? inlineField(key);
      if (!field) continue;
      const value = inlineValue(label) ?? valueRightOf(grid, label) ?? valueBelow(grid, label, to);
      // Two captions may feed one field (`其他资金（万元）` then `其他` on the department form): keep the
      // first one that has a value.
      const known = fields.get(field);
      if (!known || (!known.value && value)) fields.set(field, { label, value, slot: value ?? slotRightOf(grid, label) });
    }
  }
  return fields;
}

/** `年度预算总额：1600` typed in one cell. */
const INLINE = /^(.+?)[:：]\s*(\S.*)$/su;

function inlineField(key: string): HeaderField | undefined {
  const m = INLINE.exec(key.replace(/:/g, "："));
  return m ? HEADER_LABELS.get(labelKey(m[1]!)) : undefined;
}

function inlineValue(label: GridCell): GridCell | undefined {
  if (HEADER_LABELS.has(labelKey(label.text))) return undefined;
  const m = INLINE.exec(label.text.replace(/^\s*其中\s*[:：]/, "").trim());
  if (!m) return undefined;
  const text = m[2]!;
  return { ...label, text, asTyped: text, number: undefined };
}

/** The first filled cell to the right, unless another caption comes first. */
function valueRightOf(grid: Grid, label: GridCell): GridCell | undefined {
  for (let c = label.col + 1; c <= grid.cols; c++) {
    const cell = grid.at(label.row, c);
    if (cell.address === label.address || cell.text.trim() === "") continue;
    if (isLabel(labelKey(cell.text))) return undefined;
    return cell;
  }
  return undefined;
}

function slotRightOf(grid: Grid, label: GridCell): GridCell {
  let c = label.col + 1;
  while (c <= grid.cols && grid.at(label.row, c).address === label.address) c++;
  const cell = grid.at(label.row, c);
  return c > grid.cols || isLabel(labelKey(cell.text)) ? label : cell;
}

/**
 * The cell under the caption, when it starts in the caption's column: forms that print the caption
 * above its value (`年度绩效目标` over a wide text cell). A wider merge starting further left belongs to
 * something else.
 */
function valueBelow(grid: Grid, label: GridCell, lastRow: number): GridCell | undefined {
  let r = label.row + 1;
  while (r <= lastRow && grid.at(r, label.col).address === label.address) r++;
  if (r > lastRow) return undefined;
  const cell = grid.at(r, label.col);
  if (cell.col !== label.col || cell.text.trim() === "" || isLabel(labelKey(cell.text))) return undefined;
  return cell;
}
