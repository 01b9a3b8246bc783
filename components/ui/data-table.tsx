"use client";

import {
  columnFilteringFeature,
  columnVisibilityFeature,
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
  type SortingState,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import Link from "next/link";
import { Fragment, type ReactNode, useId } from "react";
import { useHydrated } from "./use-hydrated";
import { TableScroll } from "./table-scroll";

/** What a column may say about its cells beyond TanStack's own options. */
export interface DataTableColumnMeta {
  /** Amounts and counts: right-aligned, tabular figures. */
  numeric?: boolean;
  /** Column width as CSS (`18%`), so tables of one page line up. */
  width?: string;
}

const chinese = new Intl.Collator("zh-Hans-CN", { numeric: true });

/** Sorting, one text filter across the columns that allow it, and column visibility; nothing else is bundled. */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: {
    basic: sortFn_basic,
    // Chinese text in pinyin order, as people expect in a list of names.
    // biome-ignore lint/suspicious/noExplicitAny: one sorting function serves every table's row and value types
    text: (a: Row<any, any>, b: Row<any, any>, id: string) => chinese.compare(String(a.getValue(id) ?? ""), String(b.getValue(id) ?? "")),
  },
  filterFns: { includesString: filterFn_includesString },
  columnMeta: {} as DataTableColumnMeta,
});

export type DataTableFeatures = typeof dataTableFeatures;

export const dataTableColumnHelper = <TData extends RowData>() => createColumnHelper<DataTableFeatures, TData>();

export interface DataTableProps<TData extends RowData> {
  // biome-ignore lint/suspicious/noExplicitAny: a table's columns hold values of different types (TanStack's idiom)
  columns: ColumnDef<DataTableFeatures, TData, any>[];
  data: TData[];
  getRowId: (row: TData) => string;
  /** Accessible name of the table. */
  caption: string;
  /** Label of the text filter; without one the table has no filter of its own (the server filters). */
  filterLabel?: string;
  filterPlaceholder?: string;
  /** Shown when the filter leaves no row. */
  noMatchText: string;
  /**
   * Sorting done by the server: rows are shown in the order given, the current sort is marked, and each header
   * is a link to the URL of its next sort (works without JavaScript; the URL keeps the state).
   */
  serverSorting?: { sorting: SortingState; sortHref: (columnId: string, desc: boolean) => string };
  /** Shown columns, by id (TanStack column visibility); a column missing from the record is shown. */
  columnVisibility?: Record<string, boolean>;
  /**
   * A 显示列 chooser over the columns that can be hidden (`enableHiding` not false): a GET form to `action` that
   * submits the ids of the checked columns as `name`, with `params` (the rest of the state) as hidden fields.
   */
  columnChooser?: { action: string; name: string; params: [string, string][] };
  /** Rows arrive ordered by group; a row made by `render` (its cells, for the shown columns) heads each group. */
  groupRows?: { groupOf: (row: TData) => string; render: (group: string, columnIds: string[], firstOnPage: boolean) => ReactNode };
  /** Cells of a total row at the foot of the table, for the shown columns. */
  footer?: (columnIds: string[]) => ReactNode;
  /** Replaces the row count next to the filter (e.g. with the page shown). */
  status?: ReactNode;
}

const SORT_MARK = { asc: "▲", desc: "▼" } as const;
const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

/** The one table of the product over TanStack Table: click a header to sort, type to filter. */
export function DataTable<TData extends RowData>({
  columns,
  data,
  getRowId,
  caption,
  filterLabel,
  filterPlaceholder,
  noMatchText,
  serverSorting,
  columnVisibility,
  columnChooser,
  groupRows,
  footer,
  status,
}: DataTableProps<TData>) {
  const filterId = useId();
  const hydrated = useHydrated();
  // Every column sorts ascending on the first click (TanStack would start numbers descending).
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    globalFilterFn: "includesString",
    sortDescFirst: false,
    manualSorting: serverSorting !== undefined,
    ...(serverSorting || columnVisibility
      ? { state: { ...(serverSorting ? { sorting: serverSorting.sorting } : {}), ...(columnVisibility ? { columnVisibility } : {}) } }
      : {}),
  });
  const rows = table.getRowModel().rows;
  const total = table.getCoreRowModel().rows.length;
  const leafColumns = table.getVisibleLeafColumns();
  const columnIds = leafColumns.map((c) => c.id);

  return (
    <div className="space-y-2">
      {filterLabel !== undefined || status !== undefined || columnChooser ? (
        <div className="no-print flex flex-wrap items-center gap-3">
          {filterLabel !== undefined ? (
            <>
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
                className="w-72 max-w-full rounded border border-line bg-white px-2 py-1"
              />
            </>
          ) : null}
          <span className="text-muted" aria-live="polite">
            {status ?? (rows.length === total ? `共 ${total} 项` : `显示 ${rows.length} / ${total} 项`)}
          </span>
          {columnChooser ? (
            <details className="relative ml-auto">
              <summary className="cursor-pointer rounded border border-line bg-white px-2 py-1 hover:border-brand">显示列</summary>
              <form
                method="get"
                action={columnChooser.action}
                className="absolute right-0 z-10 mt-1 w-56 space-y-1 rounded border border-line bg-white p-3 shadow"
              >
                {columnChooser.params.map(([name, value], i) => (
                  <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
                ))}
                <fieldset>
                  <legend className="mb-1 font-medium">选择显示的列</legend>
                  {table.getAllLeafColumns().map((column) =>
                    column.getCanHide() ? (
                      <label key={column.id} className="flex items-center gap-2">
                        <input type="checkbox" name={columnChooser.name} value={column.id} defaultChecked={column.getIsVisible()} />
                        {typeof column.columnDef.header === "string" ? column.columnDef.header : column.id}
                      </label>
                    ) : (
                      <input key={column.id} type="hidden" name={columnChooser.name} value={column.id} />
                    ),
                  )}
                </fieldset>
                <button type="submit" className="mt-2 rounded bg-brand px-3 py-1 text-white hover:bg-brand-dark">
                  应用
                </button>
              </form>
            </details>
          ) : null}
        </div>
      ) : null}
      <TableScroll>
        <table className="form-table">
          <caption className="sr-only">{caption}</caption>
          <colgroup>
            {leafColumns.map((column) => (
              <col key={column.id} style={{ width: column.columnDef.meta?.width }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const toggle = header.column.getToggleSortingHandler();
                  const mark = (
                    <span aria-hidden="true" className="w-3 text-xs text-muted">
                      {sorted ? SORT_MARK[sorted] : ""}
                    </span>
                  );
                  return (
                    <th key={header.id} colSpan={header.colSpan} scope="col" aria-sort={sorted ? ARIA_SORT[sorted] : undefined}>
                      {header.isPlaceholder ? null : header.column.getCanSort() && serverSorting ? (
                        <Link
                          href={serverSorting.sortHref(header.column.id, sorted === "asc")}
                          scroll={false}
                          className="inline-flex items-center gap-1 font-semibold text-ink hover:text-brand"
                          title="点击排序"
                        >
                          <table.FlexRender header={header} />
                          {mark}
                        </Link>
                      ) : header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={toggle}
                          disabled={!hydrated}
                          className="inline-flex items-center gap-1 font-semibold hover:text-brand"
                          title="点击排序"
                        >
                          <table.FlexRender header={header} />
                          {mark}
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
            {rows.map((row, index) => {
              const group = groupRows?.groupOf(row.original);
              const startsGroup = groupRows !== undefined && (index === 0 || groupRows.groupOf(rows[index - 1]!.original) !== group);
              return (
                <Fragment key={row.id}>
                  {startsGroup ? <tr className="group-row">{groupRows!.render(group!, columnIds, index === 0)}</tr> : null}
                  <tr>
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className={cell.column.columnDef.meta?.numeric ? "num" : undefined}>
                        <table.FlexRender cell={cell} />
                      </td>
                    ))}
                  </tr>
                </Fragment>
              );
            })}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={leafColumns.length} className="py-6 text-center text-muted">
                  {noMatchText}
                </td>
              </tr>
            ) : null}
          </tbody>
          {footer && rows.length > 0 ? (
            <tfoot>
              <tr className="total-row">{footer(columnIds)}</tr>
            </tfoot>
          ) : null}
        </table>
      </TableScroll>
    </div>
  );
}
