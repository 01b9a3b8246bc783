"use client";

import Link from "next/link";
import { DataTable, dataTableColumnHelper } from "@/components/ui/data-table";
import { formatAmount, formatPercent } from "@/components/ui/format";
import { LightBadge } from "@/components/progress/light-badge";
import { overdueText } from "@/lib/deadlines/rules";
import { approvedText, finalText, lightCountsText, projectedText, submittedText } from "@/lib/scorecard/cells";
import type { ScorecardRow, Subtotal } from "@/lib/scorecard/get-scorecard";
import { type ScorecardColumnId, type ScorecardQuery, SCORECARD_COLUMNS, scorecardSearch } from "@/lib/scorecard/query";

const helper = dataTableColumnHelper<ScorecardRow>();
const header = (id: ScorecardColumnId) => SCORECARD_COLUMNS.find((c) => c.id === id)!.header;
const amount = (v: string | null) => (v === null ? <span className="text-muted">—</span> : formatAmount(v));
const percent = (v: string | null) => (v === null ? <span className="text-muted">—</span> : formatPercent(v));

// Module scope: TanStack needs stable column definitions. Values are never sorted here: the server sorts.
const columns = helper.columns([
  helper.accessor("unit", { id: "unit", header: header("unit"), meta: { width: "14%" } }),
  helper.accessor("name", {
    id: "name",
    header: header("name"),
    enableHiding: false,
    meta: { width: "24%" },
    cell: (ctx) => (
      <Link href={`/sheets/${ctx.row.original.sheetId}/monitor?month=${ctx.row.original.month}`} className="text-brand hover:underline">
        {ctx.row.original.name}
      </Link>
    ),
  }),
  helper.accessor("lead", { id: "lead", header: header("lead"), meta: { width: "7%" } }),
  helper.accessor("budget", { id: "budget", header: header("budget"), meta: { numeric: true, width: "9%" }, cell: (ctx) => amount(ctx.row.original.budget) }),
  helper.accessor("executed", {
    id: "executed",
    header: header("executed"),
    meta: { numeric: true, width: "8%" },
    cell: (ctx) => {
      const r = ctx.row.original;
      return r.executed === null ? amount(null) : <span title={`截至${r.executedMonth}月`}>{formatAmount(r.executed)}</span>;
    },
  }),
  helper.accessor("executionRate", {
    id: "rate",
    header: header("rate"),
    meta: { numeric: true, width: "7%" },
    cell: (ctx) => percent(ctx.row.original.executionRate),
  }),
  helper.accessor("lastSubmittedMonth", {
    id: "submitted",
    header: header("submitted"),
    meta: { width: "7%" },
    cell: (ctx) => submittedText(ctx.row.original),
  }),
  helper.accessor("lastApprovedMonth", { id: "approved", header: header("approved"), meta: { width: "7%" }, cell: (ctx) => approvedText(ctx.row.original) }),
  helper.accessor((row) => row.light.light, {
    id: "light",
    header: header("light"),
    meta: { width: "9%" },
    cell: (ctx) => <LightBadge light={ctx.row.original.light} />,
  }),
  helper.accessor((row) => row.projected?.score ?? null, {
    id: "projected",
    header: header("projected"),
    meta: { numeric: true, width: "8%" },
    cell: (ctx) => <span title={ctx.row.original.projectionError ?? "按各指标最新填报值（有预计值的按预计值）推算"}>{projectedText(ctx.row.original)}</span>,
  }),
  helper.accessor((row) => row.final?.score ?? null, {
    id: "final",
    header: header("final"),
    meta: { numeric: true, width: "7%" },
    cell: (ctx) => finalText(ctx.row.original),
  }),
  helper.accessor((row) => row.overdueMonths.length, {
    id: "overdue",
    header: header("overdue"),
    enableSorting: false,
    meta: { width: "8%" },
    cell: (ctx) => {
      const months = ctx.row.original.overdueMonths;
      return months.length === 0 ? (
        <span className="text-muted">—</span>
      ) : (
        <span className="font-medium text-red-800" title="截止日已过仍未提交的月份（截至今天）">
          逾期 {overdueText(months)}
        </span>
      );
    },
  }),
]);

const rowId = (row: ScorecardRow) => String(row.sheetId);
const groupOf = (row: ScorecardRow) => String(row.unitId);

/** The cells of a subtotal or total row, for the shown columns. */
function subtotalCells(s: Subtotal, columnIds: string[], label: string) {
  return columnIds.map((id, i) => {
    const cls = "bg-head font-semibold";
    if (i === 0)
      return (
        <td key={id} className={cls}>
          {label}
        </td>
      );
    switch (id as ScorecardColumnId) {
      case "budget":
        return (
          <td key={id} className={`num ${cls}`}>
            {formatAmount(s.budget)}
          </td>
        );
      case "executed":
        return (
          <td key={id} className={`num ${cls}`}>
            {formatAmount(s.executed)}
          </td>
        );
      case "rate":
        return (
          <td key={id} className={`num ${cls}`}>
            {formatPercent(s.executionRate)}
          </td>
        );
      case "light":
        return (
          <td key={id} className={`${cls} text-xs`}>
            {lightCountsText(s.lights)}
          </td>
        );
      case "projected":
        return (
          <td key={id} className={`num ${cls}`} title="平均预计得分">
            {s.averageProjected === null ? "—" : `平均 ${s.averageProjected}`}
          </td>
        );
      case "final":
        return (
          <td key={id} className={`num ${cls}`} title={`已定稿 ${s.finalised} 项`}>
            {s.averageFinal === null ? `定稿 ${s.finalised}` : `平均 ${s.averageFinal}`}
          </td>
        );
      case "overdue":
        return (
          <td key={id} className={`${cls} text-xs`}>
            {s.overdueSheets > 0 ? `逾期 ${s.overdueSheets} 项` : "—"}
          </td>
        );
      default:
        return <td key={id} className={cls} />;
    }
  });
}

export interface ScorecardTableProps {
  rows: ScorecardRow[];
  query: ScorecardQuery;
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  totals: Subtotal;
  groups: Subtotal[];
  caption: string;
}

/**
 * 计分卡 table: the server filters, sorts, groups and pages (the URL keeps it all); TanStack renders the columns
 * chosen, the sort marks and links, the unit subtotal rows and the total row.
 */
export function ScorecardTable({ rows, query, total, page, pageCount, pageSize, totals, groups, caption }: ScorecardTableProps) {
  const visibility = Object.fromEntries(SCORECARD_COLUMNS.map((c) => [c.id, query.columns.includes(c.id)]));
  const byUnit = new Map(groups.map((g) => [String(g.unitId), g]));
  // Where each unit's rows start in the whole (grouped) result, to mark a group continued from the previous page.
  const starts = new Map<string, number>();
  let offset = 0;
  for (const g of groups) {
    starts.set(String(g.unitId), offset);
    offset += g.sheets;
  }
  const first = (page - 1) * pageSize;
  // The chooser's form carries the rest of the state; the page goes back to 1.
  const params = Object.entries(query).flatMap(([k, v]): [string, string][] =>
    v === undefined || v === null || k === "columns" || k === "page" ? [] : [[k, String(v)]],
  );
  return (
    <DataTable
      columns={columns}
      data={rows}
      getRowId={rowId}
      caption={caption}
      noMatchText="没有符合筛选条件的项目"
      status={total === 0 ? "共 0 项" : `共 ${total} 项${pageCount > 1 ? `，第 ${first + 1}–${first + rows.length} 项` : ""}`}
      serverSorting={{
        sorting: [{ id: query.sort, desc: query.dir === "desc" }],
        sortHref: (id, desc) => `/scorecard${scorecardSearch({ ...query, sort: id as ScorecardColumnId, dir: desc ? "desc" : "asc", page: 1 })}`,
      }}
      columnVisibility={visibility}
      columnChooser={{ action: "/scorecard", name: "cols", params }}
      groupRows={
        query.group === "unit"
          ? {
              groupOf,
              render: (unitId, columnIds, firstOnPage) => {
                const g = byUnit.get(unitId);
                if (!g) return null;
                const continued = firstOnPage && (starts.get(unitId) ?? 0) < first;
                return subtotalCells(g, columnIds, `${g.unit}（${g.sheets} 项）${continued ? "（续）" : ""} 小计`);
              },
            }
          : undefined
      }
      footer={(columnIds) => subtotalCells(totals, columnIds, `合计（${totals.sheets} 项）`)}
    />
  );
}
