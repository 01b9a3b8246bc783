"use client";

import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_basic,
  type ColumnDef,
  type Row,
  type RowData,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { useId } from "react";
import { useHydrated } from "./use-hydrated";

/** What a column may say about its cells beyond TanStack's own options. */
export interface DataTableColumnMeta {
  /** Amounts and counts: right-aligned, tabular figures. */
  numeric?: boolean;
  /** Column width as CSS (`18%`), so tables of one page line up. */
  width?: string;
}

const chinese = new Intl.Collator("zh-Hans-CN", { numeric: true });

/** Sorting, and one text filter across the columns that allow it; nothing else is bundled. */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: {
    basic: sortFn_basic,
    // Chinese text in pinyin order, as people expect in a list of names.
    text: (a: Row<any, any>, b: Row<any, any>, id: string) => chinese.compare(String(a.getValue(id) ?? ""), String(b.getValue(id) ?? "")),
  },
  filterFns: { includesString: filterFn_includesString },
  columnMeta: {} as DataTableColumnMeta,
});

export type DataTableFeatures = typeof dataTableFeatures;

export const dataTableColumnHelper = <TData extends RowData>() => createColumnHelper<DataTableFeatures, TData>();

export interface DataTableProps<TData extends RowData> {
  columns: ColumnDef<DataTableFeatures, TData, any>[];
  data: TData[];
  getRowId: (row: TData) => string;
  /** Accessible name of the table. */
  caption: string;
  /** Label of the text filter. */
  filterLabel: string;
  filterPlaceholder?: string;
  /** Shown when the filter leaves no row. */
  noMatchText: string;
}

const SORT_MARK = { asc: "▲", desc: "▼" } as const;
const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

/** The one table of the product over TanStack Table: click a header to sort, type to filter. */
export function DataTable<TData extends RowData>({ columns, data, getRowId, caption, filterLabel, filterPlaceholder, noMatchText }: DataTableProps<TData>) {
  const filterId = useId();
  const hydrated = useHydrated();
  // Every column sorts ascending on the first click (TanStack would start numbers descending).
  const table = useTable({ features: dataTableFeatures, columns, data, getRowId, globalFilterFn: "includesString", sortDescFirst: false });
  const rows = table.getRowModel().rows;
  const total = table.getCoreRowModel().rows.length;

  return (
    <div className="space-y-2">
      <div className="no-print flex items-center gap-3">
        <label htmlFor={filterId} className="text-muted">
          {filterLabel}
        </label>
        <input
          id={filterId}
          type="search"
          disabled={!hydrated}
          value={String(table.state.globalFilter ?? "")}
          onChange={(event) => table.setGlobalFilter(event.target.value)}
          placeholder={filterPlaceholder}
          className="w-72 rounded border border-line bg-white px-2 py-1"
        />
        <span className="text-muted" aria-live="polite">
          {rows.length === total ? `共 ${total} 项` : `显示 ${rows.length} / ${total} 项`}
        </span>
      </div>
      <table className="form-table">
        <caption className="sr-only">{caption}</caption>
        <colgroup>
          {table.getAllLeafColumns().map((column) => (
            <col key={column.id} style={{ width: column.columnDef.meta?.width }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const toggle = header.column.getToggleSortingHandler();
                return (
                  <th key={header.id} colSpan={header.colSpan} scope="col" aria-sort={sorted ? ARIA_SORT[sorted] : undefined}>
                    {header.isPlaceholder ? null : header.column.getCanSort() ? (
                      <button type="button" onClick={toggle} disabled={!hydrated} className="inline-flex items-center gap-1 font-semibold hover:text-brand" title="点击排序">
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className="w-3 text-xs text-muted">
                          {sorted ? SORT_MARK[sorted] : ""}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={cell.column.columnDef.meta?.numeric ? "num" : undefined}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={table.getAllLeafColumns().length} className="py-6 text-center text-muted">
                {noMatchText}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
