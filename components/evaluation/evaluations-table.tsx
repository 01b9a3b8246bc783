"use client";

import Link from "next/link";
import { DataTable, dataTableColumnHelper } from "@/components/ui/data-table";
import type { EvaluationListRow } from "@/lib/evaluation/list-evaluations";
import { SELF_STATE_LABEL, STATE_LABEL } from "@/lib/evaluation/labels";

const helper = dataTableColumnHelper<EvaluationListRow>();

/** The lead's 自评: not started, its total as saved (not yet submitted), or the submitted total. */
const selfText = (row: EvaluationListRow) =>
  row.selfState === "NONE" ? SELF_STATE_LABEL.NONE : row.selfState === "DRAFT" ? `${row.selfTotal ?? ""}（未提交）` : (row.selfTotal ?? "");

/** 逾期 beside a state whose year-end deadline has passed (lib/deadlines), in words, never colour alone. */
const Overdue = ({ what }: { what: string }) => (
  <span className="ml-1 text-xs font-medium text-red-800" title={`${what}截止日已过，尚未完成`}>
    逾期
  </span>
);

const ACTION_LABEL: Record<EvaluationListRow["role"], string> = { evaluator: "评价", lead: "自评", viewer: "查看" };

// Module scope: TanStack needs stable column definitions.
const columns = helper.columns([
  helper.accessor("name", {
    header: "项目名称",
    sortFn: "text",
    meta: { width: "30%" },
    cell: (ctx) => (
      <Link href={`/sheets/${ctx.row.original.sheetId}/evaluate`} className="text-brand hover:underline">
        {ctx.row.original.name}
      </Link>
    ),
  }),
  helper.accessor("unit", { header: "预算单位", sortFn: "text", meta: { width: "16%" } }),
  helper.accessor("lead", { header: "项目负责人", sortFn: "text", meta: { width: "9%" } }),
  helper.accessor((row) => STATE_LABEL[row.state], {
    id: "state",
    header: "评价状态",
    sortFn: "text",
    meta: { width: "8%" },
    cell: (ctx) => (
      <>
        {ctx.getValue()}
        {ctx.row.original.overdue ? <Overdue what="年终评价" /> : null}
      </>
    ),
  }),
  helper.accessor((row) => (row.total === null ? -1 : Number(row.total)), {
    id: "total",
    header: "得分",
    sortFn: "basic",
    enableGlobalFilter: false,
    meta: { numeric: true, width: "8%" },
    cell: (ctx) => {
      const r = ctx.row.original;
      if (r.total === null) return <span className="text-muted">—</span>;
      return (
        <span title={r.state === "FINAL" ? "定稿时记录的总分" : r.complete ? "草稿得分" : "草稿得分（尚有待评项，按 0 分计）"}>
          {r.total}
          {r.state !== "FINAL" ? <span className="ml-1 text-xs text-muted">{r.complete ? "草稿" : "未完成"}</span> : null}
        </span>
      );
    },
  }),
  helper.accessor((row) => row.grade ?? "", { id: "grade", header: "评价等级", sortFn: "text", meta: { width: "7%" } }),
  helper.accessor(selfText, {
    id: "self",
    header: "负责人自评",
    sortFn: "text",
    enableGlobalFilter: false,
    meta: { width: "9%" },
    cell: (ctx) => (
      <>
        {ctx.getValue()}
        {ctx.row.original.selfOverdue ? <Overdue what="自评" /> : null}
      </>
    ),
  }),
  helper.display({
    id: "actions",
    header: "操作",
    meta: { width: "13%" },
    cell: (ctx) => {
      const r = ctx.row.original;
      return (
        <span className="flex gap-3">
          <Link href={`/sheets/${r.sheetId}/evaluate`} className="text-brand hover:underline" aria-label={`${ACTION_LABEL[r.role]}：${r.name}`}>
            {ACTION_LABEL[r.role]}
          </Link>
          <Link href={`/sheets/${r.sheetId}/report`} className="text-brand hover:underline" aria-label={`自评表：${r.name}`}>
            自评表
          </Link>
        </span>
      );
    },
  }),
]);

const rowId = (row: EvaluationListRow) => String(row.sheetId);

/**
 * 待评价 / 年终评价: the sheets with their evaluation state and score, sortable and filtered by text; on a phone,
 * one card per sheet instead (the wide table would scroll the page sideways).
 */
export function EvaluationsTable({ rows, caption }: { rows: EvaluationListRow[]; caption: string }) {
  return (
    <>
      <div className="max-md:hidden">
        <DataTable
          columns={columns}
          data={rows}
          getRowId={rowId}
          caption={caption}
          filterLabel="筛选"
          filterPlaceholder="项目名称、预算单位或项目负责人"
          noMatchText="没有符合筛选条件的项目"
        />
      </div>
      <ul aria-label={caption} className="space-y-2 md:hidden">
        {rows.map((r) => (
          <li key={r.sheetId} className="rounded border border-line bg-white px-3 py-2">
            <Link href={`/sheets/${r.sheetId}/evaluate`} className="flex min-h-[40px] items-center font-medium text-brand">
              {r.name}
            </Link>
            <p className="text-xs text-muted">
              {r.unit} · {r.lead}
            </p>
            <p className="mt-1 text-sm">
              {STATE_LABEL[r.state]}
              {r.total !== null ? `：${r.total}${r.grade ? `（${r.grade}）` : ""}${r.state !== "FINAL" ? (r.complete ? " 草稿" : " 未完成") : ""}` : ""}
              {r.overdue ? <Overdue what="年终评价" /> : null}
              <span className="ml-3 text-muted">负责人自评：{selfText(r)}</span>
              {r.selfOverdue ? <Overdue what="自评" /> : null}
            </p>
            <p className="mt-1 flex gap-4">
              <Link
                href={`/sheets/${r.sheetId}/evaluate`}
                className="inline-flex min-h-[40px] items-center text-brand"
                aria-label={`${ACTION_LABEL[r.role]}：${r.name}`}
              >
                {ACTION_LABEL[r.role]}
              </Link>
              <Link href={`/sheets/${r.sheetId}/report`} className="inline-flex min-h-[40px] items-center text-brand" aria-label={`自评表：${r.name}`}>
                自评表
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
