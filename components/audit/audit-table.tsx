"use client";

import Link from "next/link";
import { DataTable, dataTableColumnHelper } from "@/components/ui/data-table";
import type { AuditRow } from "./audit-rows";
import type { ChangeLine } from "./describe";

const helper = dataTableColumnHelper<AuditRow>();

/** Shown at once; the rest of a long change (an imported sheet) opens on demand. */
const VISIBLE_CHANGES = 6;

const makeColumns = (historyLinks: boolean) =>
  helper.columns([
    helper.accessor("time", {
      header: "时间",
      sortFn: "text",
      meta: { width: "11%" },
      cell: (ctx) => <span className="whitespace-nowrap tabular-nums">{ctx.getValue()}</span>,
    }),
    helper.accessor("actor", { header: "操作人", sortFn: "text", meta: { width: "12%" } }),
    helper.accessor("action", { header: "操作", sortFn: "text", meta: { width: "10%" } }),
    helper.accessor((row) => `${row.subject} ${row.sheet?.name ?? ""}`, {
      id: "subject",
      header: "对象",
      sortFn: "text",
      meta: { width: "24%" },
      cell: (ctx) => {
        const row = ctx.row.original;
        return (
          <div className="space-y-0.5">
            <div>{row.subject}</div>
            {row.sheet ? (
              <Link href={`/sheets/${row.sheet.id}`} className="block text-brand hover:underline">
                {row.sheet.name}
              </Link>
            ) : null}
            {historyLinks ? (
              <Link href={row.historyHref} className="text-xs text-muted hover:text-brand hover:underline">
                查看历史
              </Link>
            ) : null}
          </div>
        );
      },
    }),
    helper.accessor((row) => row.changes.map((c) => `${c.field} ${c.before} ${c.after}`).join(" "), {
      id: "changes",
      header: "变更内容（修改前 → 修改后）",
      enableSorting: false,
      meta: { width: "43%" },
      cell: (ctx) => <Changes row={ctx.row.original} />,
    }),
  ]);

// Module scope: TanStack needs stable column definitions.
const LOG_COLUMNS = makeColumns(true);
const HISTORY_COLUMNS = makeColumns(false);

function ChangeList({ changes, deleted }: { changes: ChangeLine[]; deleted: boolean }) {
  return (
    <ul className="space-y-0.5">
      {changes.map((c, i) => (
        <li key={i} className="break-words">
          <span className="text-muted">{c.field}：</span>
          {c.before && c.after ? (
            <>
              <del className="text-red-800 decoration-red-400">{c.before}</del>
              <span aria-hidden="true" className="mx-1 text-muted">
                →
              </span>
              <span className="sr-only">改为</span>
              <ins className="text-green-800 no-underline">{c.after}</ins>
            </>
          ) : c.after ? (
            <ins className="no-underline">{c.after}</ins>
          ) : deleted ? (
            <span>{c.before}</span>
          ) : (
            <span>
              {c.before}
              <span className="ml-1 text-xs text-muted">（已删除）</span>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function Changes({ row: { changes, deleted } }: { row: AuditRow }) {
  if (changes.length === 0) return <span className="text-muted">—</span>;
  if (changes.length <= VISIBLE_CHANGES) return <ChangeList changes={changes} deleted={deleted} />;
  return (
    <div>
      <ChangeList changes={changes.slice(0, VISIBLE_CHANGES)} deleted={deleted} />
      <details className="mt-0.5">
        <summary className="cursor-pointer text-brand">另有 {changes.length - VISIBLE_CHANGES} 项</summary>
        <ChangeList changes={changes.slice(VISIBLE_CHANGES)} deleted={deleted} />
      </details>
    </div>
  );
}

const rowId = (row: AuditRow) => row.id;

/** Entries of the 操作日志 (one page of them), or of one record's history (`history`: no links to it). */
export function AuditTable({ rows, caption, emptyText, history = false }: { rows: AuditRow[]; caption: string; emptyText: string; history?: boolean }) {
  return (
    <DataTable
      columns={history ? HISTORY_COLUMNS : LOG_COLUMNS}
      data={rows}
      getRowId={rowId}
      caption={caption}
      filterLabel="在本页中查找"
      filterPlaceholder="操作人、操作、对象或变更内容"
      noMatchText={rows.length === 0 ? emptyText : "本页没有符合条件的记录"}
    />
  );
}
