"use client";

import Link from "next/link";
import type { SheetListRow } from "@/lib/sheets/list-sheets";
import { DataTable, dataTableColumnHelper } from "@/components/ui/data-table";
import { StatusTag } from "@/components/authoring/status-tag";
import { formatAmount } from "@/components/ui/format";
import { LIST_COLUMN_WIDTHS } from "./list-columns";

const helper = dataTableColumnHelper<SheetListRow>();

// Module scope: TanStack needs stable column definitions.
const columns = helper.columns([
  helper.accessor("unit", { header: "预算单位", sortFn: "text", meta: { width: LIST_COLUMN_WIDTHS[0] } }),
  helper.accessor("name", {
    header: "项目名称",
    sortFn: "text",
    meta: { width: LIST_COLUMN_WIDTHS[1] },
    cell: (ctx) => (
      <>
        <Link href={`/sheets/${ctx.row.original.id}`} className="text-brand hover:underline">
          {ctx.row.original.name}
        </Link>
        <StatusTag status={ctx.row.original.status} />
      </>
    ),
  }),
  helper.accessor("lead", { header: "项目负责人", sortFn: "text", meta: { width: LIST_COLUMN_WIDTHS[2] } }),
  helper.accessor((row) => Number(row.fundsTotal), {
    id: "fundsTotal",
    header: "年度预算总额（万元）",
    sortFn: "basic",
    enableGlobalFilter: false,
    meta: { numeric: true, width: LIST_COLUMN_WIDTHS[3] },
    cell: (ctx) => formatAmount(ctx.row.original.fundsTotal),
  }),
  helper.accessor("indicatorCount", { header: "指标数", sortFn: "basic", enableGlobalFilter: false, meta: { numeric: true, width: LIST_COLUMN_WIDTHS[4] } }),
  helper.accessor((row) => Number(row.weightSum), {
    id: "weightSum",
    header: "权重合计",
    sortFn: "basic",
    enableGlobalFilter: false,
    meta: { numeric: true, width: LIST_COLUMN_WIDTHS[5] },
    cell: (ctx) => formatAmount(ctx.row.original.weightSum),
  }),
]);

const rowId = (row: SheetListRow) => String(row.id);

/** 项目支出绩效目标表 of a year: sortable by any column, filtered by unit, name or lead. */
export function SheetsTable({ rows, caption }: { rows: SheetListRow[]; caption: string }) {
  return (
    <DataTable
      columns={columns}
      data={rows}
      getRowId={rowId}
      caption={caption}
      filterLabel="筛选"
      filterPlaceholder="项目名称、预算单位或项目负责人"
      noMatchText="没有符合筛选条件的绩效目标表"
    />
  );
}
