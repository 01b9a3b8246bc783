"use client";

import { Button } from "@/components/ui/button";
import { formatAmount } from "@/components/ui/format";
import { NumberInput } from "@/components/ui/number-input";
import { TextArea } from "@/components/ui/field";
import type { ActionForm } from "@/components/ui/use-action-form";
import type { ProgressView } from "@/lib/progress/progress-view";
import { LightBadge } from "./light-badge";

/** 预算执行 of the month: the budget figures, 执行数 (editable while the month is), 调整预算 and its register. */
export function BudgetSection({ view, form, onAdjust }: { view: ProgressView; form: ActionForm; onAdjust: () => void }) {
  const m = view.month;
  const editable = view.permissions.edit;
  return (
    <section aria-labelledby="budget-title" className="space-y-2">
      <h2 id="budget-title" className="font-semibold">
        预算执行
      </h2>
      <table className="form-table card-table">
        <caption className="sr-only">预算执行（{view.monthLabel}）</caption>
        <thead>
          <tr>
            <th scope="col">年度预算总额（万元）</th>
            <th scope="col">调整预算（万元）</th>
            <th scope="col">全年预算数（万元）</th>
            <th scope="col">执行数（截至{m}月，万元）</th>
            <th scope="col">预算执行率</th>
            <th scope="col">预警</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="num" data-label="年度预算总额（万元）">
              {formatAmount(view.budget.total)}
            </td>
            <td className="num" data-label="调整预算（万元）">
              {formatAmount(view.budget.adjustment)}
            </td>
            <td className="num" data-label="全年预算数（万元）">
              {formatAmount(view.budget.fullYear)}
            </td>
            <td className="num" data-label={`执行数（截至${m}月，万元）`}>
              {editable ? (
                <NumberInput
                  label={`执行数（截至${m}月，万元）`}
                  hideLabel
                  stored={view.budget.executed ?? ""}
                  show={(v) => `${formatAmount(v)} 万元`}
                  {...form.bind("executed")}
                />
              ) : view.budget.executed === null ? (
                <span className="text-muted">未填报</span>
              ) : (
                formatAmount(view.budget.executed)
              )}
            </td>
            <td className="num" data-label="预算执行率">
              {view.budget.executionRate === null ? "—" : `${view.budget.executionRate}%`}
            </td>
            <td data-label="预警">
              <LightBadge light={view.budget.light} />
            </td>
          </tr>
        </tbody>
      </table>
      <Adjustments view={view} />
      {editable ? <AdjustForm form={form} onAdjust={onAdjust} /> : null}
    </section>
  );
}

function Adjustments({ view }: { view: ProgressView }) {
  if (view.budget.adjustments.length === 0) return null;
  return (
    <table className="form-table card-table">
      <caption className="py-1 text-left font-medium">调整预算记录</caption>
      <thead>
        <tr>
          <th scope="col">生效月份</th>
          <th scope="col">调整金额（万元）</th>
          <th scope="col">调整原因</th>
          <th scope="col">登记人</th>
          <th scope="col">登记时间</th>
        </tr>
      </thead>
      <tbody>
        {view.budget.adjustments.map((a) => (
          <tr key={a.id} className={a.month > view.month ? "text-muted" : undefined}>
            <td data-label="生效月份">
              {a.monthLabel}
              {a.month > view.month ? "（本月之后）" : ""}
            </td>
            <td className="num" data-label="调整金额（万元）">
              {a.amount.startsWith("-") ? formatAmount(a.amount) : `+${formatAmount(a.amount)}`}
            </td>
            <td data-label="调整原因">{a.reason}</td>
            <td data-label="登记人">{a.createdBy ?? "—"}</td>
            <td className="num" data-label="登记时间">
              {a.createdAt}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AdjustForm({ form, onAdjust }: { form: ActionForm; onAdjust: () => void }) {
  return (
    <details className="no-print rounded border border-line bg-white px-3 py-2">
      <summary className="min-h-[40px] cursor-pointer py-2 font-medium md:min-h-0 md:py-0">登记调整预算</summary>
      <div className="mt-2 flex flex-wrap items-start gap-3">
        <NumberInput
          label="调整金额（万元）"
          className="w-48 max-w-full space-y-1"
          placeholder="增加为正，减少为负"
          show={(v) => `${v.startsWith("-") ? "" : "+"}${formatAmount(v)} 万元`}
          {...form.bind("adjust.amount")}
        />
        <TextArea label="调整原因" rows={1} className="min-w-0 flex-1 basis-64 space-y-1" {...form.bind("adjust.reason")} />
        <Button tone="secondary" className="mt-6" onClick={onAdjust} disabled={form.busy} pending={form.pending === "adjust"} pendingText="正在登记…">
          登记调整
        </Button>
      </div>
      <p className="mt-1 text-xs text-muted">
        全年预算数 = 年度预算总额 + 各项调整；调整从所选月份起生效，登记后不可修改（如有错误，请再登记一笔相反的调整）。
      </p>
    </details>
  );
}
