"use client";

import { DataTable, dataTableColumnHelper } from "@/components/ui/data-table";

export interface FiscalYearTableRow {
  id: number;
  year: number;
  sheets: number;
  published: number;
  monthsApproved: number;
  monthsSubmitted: number;
  lockedThroughMonth: number;
  lockText: string;
}

const helper = dataTableColumnHelper<FiscalYearTableRow>();

// Module scope: TanStack needs stable column definitions.
const columns = helper.columns([
  helper.accessor("year", { header: "年度", meta: { width: "14%" }, cell: (ctx) => `${ctx.getValue()}年` }),
  helper.accessor("sheets", { header: "绩效目标表数", enableGlobalFilter: false, meta: { numeric: true, width: "14%" } }),
  helper.accessor("published", { header: "其中已发布", enableGlobalFilter: false, meta: { numeric: true, width: "14%" } }),
  helper.accessor("monthsApproved", { header: "已审核通过（表·月）", enableGlobalFilter: false, meta: { numeric: true, width: "18%" } }),
  helper.accessor("monthsSubmitted", { header: "待审核（表·月）", enableGlobalFilter: false, meta: { numeric: true, width: "16%" } }),
  helper.accessor("lockedThroughMonth", {
    header: "期间锁定",
    meta: { width: "24%" },
    cell: (ctx) => <span className={ctx.getValue() > 0 ? "font-medium" : "text-muted"}>{ctx.row.original.lockText}</span>,
  }),
]);

const rowId = (row: FiscalYearTableRow) => String(row.id);

/** 年度 of 系统管理: each year's sheets, reviewed months and period lock; sortable. */
export function FiscalYearsTable({ rows }: { rows: FiscalYearTableRow[] }) {
  return <DataTable columns={columns} data={rows} getRowId={rowId} caption="年度列表" noMatchText="还没有任何年度" />;
}
