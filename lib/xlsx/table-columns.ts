import type { Grid } from "./grid";
import { rowKeys } from "./blocks";
import { type ColumnField, COLUMN_LABELS } from "./labels";

/** Column of each field in an indicator table, from its header row's captions. */
export type TableColumns = Partial<Record<ColumnField, number>>;

export function tableColumns(grid: Grid, headerRow: number): TableColumns {
  const columns: TableColumns = {};
  for (const { key, col } of rowKeys(grid, headerRow)) {
    const field = COLUMN_LABELS.get(key);
    if (field && columns[field] === undefined) columns[field] = col;
  }
  return columns;
}
