"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, useContext, useState } from "react";
import { Button } from "@/components/ui/button";
import { DataTable, dataTableColumnHelper } from "@/components/ui/data-table";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";
import type { ApproveMonthsResult } from "@/lib/progress/approve-months";
import type { ReviewItem } from "@/lib/progress/list-review-queue";
import { LightBadge } from "./light-badge";

const keyOf = (item: Pick<ReviewItem, "sheetId" | "month">) => `${item.sheetId}-${item.month}`;
const nameOf = (item: ReviewItem) => `${item.sheetName} ${item.monthLabel}`;

/** The selection of the checkbox cells: the columns are module-level, the state lives in the table. */
const Selection = createContext<{ selected: ReadonlySet<string>; toggle: (keys: string[], on: boolean) => void; disabled: boolean }>({
  selected: new Set(),
  toggle: () => {},
  disabled: true,
});

function SelectCell({ item }: { item: ReviewItem }) {
  const { selected, toggle, disabled } = useContext(Selection);
  return (
    <input
      type="checkbox"
      className="h-5 w-5"
      aria-label={`选择 ${nameOf(item)}`}
      checked={selected.has(keyOf(item))}
      disabled={disabled}
      onChange={(e) => toggle([keyOf(item)], e.target.checked)}
    />
  );
}

/** 全选 over the rows the filter shows. */
function SelectAll({ shown }: { shown: ReviewItem[] }) {
  const { selected, toggle, disabled } = useContext(Selection);
  const keys = shown.map(keyOf);
  const all = keys.length > 0 && keys.every((k) => selected.has(k));
  return (
    <label className="inline-flex items-center gap-1 font-semibold">
      <input type="checkbox" className="h-5 w-5" checked={all} disabled={disabled || keys.length === 0} onChange={(e) => toggle(keys, e.target.checked)} />
      全选
    </label>
  );
}

const helper = dataTableColumnHelper<ReviewItem>();

// Module scope: TanStack needs stable column definitions.
const columns = helper.columns([
  helper.display({
    id: "select",
    header: (ctx) => <SelectAll shown={ctx.table.getRowModel().rows.map((r) => r.original)} />,
    meta: { width: "7%" },
    cell: (ctx) => <SelectCell item={ctx.row.original} />,
  }),
  helper.accessor("sheetName", {
    header: "项目名称",
    sortFn: "text",
    meta: { width: "24%" },
    cell: (ctx) => (
      <Link href={`/sheets/${ctx.row.original.sheetId}`} className="text-brand hover:underline">
        {ctx.getValue()}
      </Link>
    ),
  }),
  helper.accessor((row) => row.year * 100 + row.month, {
    id: "month",
    header: "月份",
    sortFn: "basic",
    enableGlobalFilter: false,
    meta: { width: "9%" },
    cell: (ctx) => <span className="whitespace-nowrap">{ctx.row.original.monthLabel}</span>,
  }),
  helper.accessor("unit", { header: "预算单位", sortFn: "text", meta: { width: "16%" } }),
  helper.accessor((row) => row.submittedBy ?? "", { id: "submittedBy", header: "提交人", sortFn: "text", meta: { width: "8%" } }),
  helper.accessor((row) => row.submittedAt ?? "", {
    id: "submittedAt",
    header: "提交时间",
    sortFn: "basic",
    enableGlobalFilter: false,
    meta: { width: "12%" },
    cell: (ctx) => <span className="whitespace-nowrap">{ctx.getValue() || "—"}</span>,
  }),
  helper.display({ id: "sheetLight", header: "指标预警", meta: { width: "9%" }, cell: (ctx) => <LightBadge light={ctx.row.original.sheetLight} /> }),
  helper.display({ id: "budgetLight", header: "预算预警", meta: { width: "9%" }, cell: (ctx) => <LightBadge light={ctx.row.original.budgetLight} /> }),
  helper.display({
    id: "review",
    header: "操作",
    meta: { width: "6%" },
    // 退回 needs its comment: one month at a time, on the month's page.
    cell: (ctx) => (
      <Link
        href={`/sheets/${ctx.row.original.sheetId}/progress?month=${ctx.row.original.month}`}
        aria-label={`审核 ${nameOf(ctx.row.original)}`}
        className="whitespace-nowrap text-brand hover:underline"
      >
        审核
      </Link>
    ),
  }),
]);

/**
 * 待审核 with 批量审核通过: tick months (or 全选 the rows shown) and approve them together. Each is approved as on
 * its own page, with the version listed here; the answer lists what was approved and every refusal by sheet and
 * month, and the queue reloads. 退回 stays on the month's page, with its comment.
 */
export function ReviewQueueTable({ items, approveMonths }: { items: ReviewItem[]; approveMonths: Action<ApproveMonthsResult> }) {
  const router = useRouter();
  const form = useActionForm({ initial: {}, guard: false });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [result, setResult] = useState<ApproveMonthsResult | null>(null);
  // Months that left the queue (approved, or returned elsewhere) are no longer selectable.
  const listed = new Set(items.map(keyOf));
  const chosen = items.filter((item) => selected.has(keyOf(item)));
  const toggle = (keys: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set([...current].filter((k) => listed.has(k)));
      for (const k of keys) on ? next.add(k) : next.delete(k);
      return next;
    });

  async function approve() {
    const yes = await form.confirm({
      title: `审核通过所选的 ${chosen.length} 个月份？`,
      body: `审核通过后这些月份将锁定，负责人不能再修改：\n${chosen.map(nameOf).join("\n")}`,
      confirm: "确认审核通过",
      cancel: "暂不审核",
      tone: "primary",
    });
    if (!yes) return;
    const months = chosen.map(({ sheetId, month, version }) => ({ sheetId, month, version }));
    const answer = await form.run("approve", () => approveMonths({ months }));
    if (!answer?.ok) return;
    setResult(answer.data);
    setSelected(new Set());
    router.refresh();
  }

  return (
    <Selection.Provider value={{ selected, toggle, disabled: form.busy }}>
      <div className="space-y-3">
        {/* Nothing to tick: no bulk action either (the result of the last one stays below). */}
        {items.length > 0 ? (
          <div className="no-print flex flex-wrap items-center gap-3">
            <Button
              tone="approve"
              onClick={() => void approve()}
              disabled={form.busy || chosen.length === 0}
              pending={form.pending === "approve"}
              pendingText="正在审核…"
            >
              批量审核通过{chosen.length > 0 ? `（${chosen.length}）` : ""}
            </Button>
            <span className="text-sm text-muted">勾选月份后一并审核通过；退回需填写意见，请在该月页面逐个处理。</span>
          </div>
        ) : null}
        <FormFeedback form={form} />
        {result ? <BulkResult result={result} /> : null}
        {items.length === 0 ? (
          <p className="rounded border border-line bg-white p-6 text-center text-muted">没有待审核的月份。</p>
        ) : (
          <DataTable
            columns={columns}
            data={items}
            getRowId={keyOf}
            caption="待审核的月份"
            filterLabel="筛选"
            filterPlaceholder="项目名称、预算单位或提交人"
            noMatchText="没有符合筛选条件的月份"
          />
        )}
        <FormDialog form={form} />
      </div>
    </Selection.Provider>
  );
}

/** What the last 批量审核通过 did: the months approved, and each refused one with its reason. */
function BulkResult({ result }: { result: ApproveMonthsResult }) {
  return (
    <section aria-label="批量审核结果" className="space-y-2 rounded border border-line bg-white px-3 py-2">
      {result.approved.length > 0 ? (
        <div>
          <h2 className="font-medium text-green-800">已审核通过 {result.approved.length} 个月份</h2>
          <ul className="list-disc pl-5 text-sm">
            {result.approved.map((m) => (
              <li key={keyOf(m)}>{m.name}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.refused.length > 0 ? (
        <div role="alert">
          <h2 className="font-medium text-red-800">未能审核通过 {result.refused.length} 个月份</h2>
          <ul className="list-disc pl-5 text-sm">
            {result.refused.map((m) => (
              <li key={keyOf(m)}>
                {m.name}：{m.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
