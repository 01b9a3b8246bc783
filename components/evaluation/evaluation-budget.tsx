"use client";

import { formatAmount } from "@/components/ui/format";
import { NumberInput } from "@/components/ui/number-input";
import type { ActionForm } from "@/components/ui/use-action-form";
import type { EvaluationView } from "@/lib/evaluation/evaluation-view";
import { fmt2 } from "@/lib/scoring/decimal";
import type { SheetScore } from "@/lib/scoring/types";
import { CELL } from "./evaluation-row";
import { ScoreExplanation } from "./score-explanation";

const CAPTIONS = ["年初预算数（万元）", "年内调整（万元）", "全年预算数（万元）", "全年执行数（万元）", "执行率", "分值", "得分", "各月执行数"] as const;

/** A cell of the budget line; on a phone the line stacks into a card and each cell shows its caption. */
function Cell({ caption, className = "", children }: { caption: (typeof CAPTIONS)[number]; className?: string; children: React.ReactNode }) {
  return (
    <td className={`${className} ${CELL} max-md:flex max-md:items-baseline max-md:justify-between max-md:gap-3`}>
      <span aria-hidden="true" className="text-xs font-medium text-muted md:hidden">
        {caption}
      </span>
      {children}
    </td>
  );
}

/** 项目资金与预算执行率: the budget figures, 全年执行数 (prefilled from the latest month's 执行数) and its score. */
export function EvaluationBudget({
  view,
  form,
  editable,
  score,
  liveError,
}: {
  view: EvaluationView;
  form: ActionForm;
  editable: boolean;
  score: SheetScore | null;
  liveError?: string;
}) {
  const b = score?.budget ?? null;
  const executed = form.value("executed");
  return (
    <table className="form-table max-md:block max-md:rounded max-md:border max-md:border-line">
      <caption className="sr-only">项目资金与预算执行率</caption>
      <thead className="max-md:hidden">
        <tr>
          {CAPTIONS.map((caption) => (
            <th key={caption} scope="col">
              {caption}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="max-md:block">
        <tr className="max-md:block">
          <Cell caption="年初预算数（万元）" className="num">
            {formatAmount(view.budget.initial)}
          </Cell>
          <Cell caption="年内调整（万元）" className="num">
            {formatAmount(view.budget.adjustment)}
          </Cell>
          <Cell caption="全年预算数（万元）" className="num">
            {formatAmount(view.budget.fullYear)}
          </Cell>
          <td className={CELL}>
            {editable ? (
              <>
                <span aria-hidden="true" className="mb-0.5 block text-xs font-medium text-muted md:hidden">
                  全年执行数（万元）
                </span>
                <NumberInput
                  {...form.bind("executed")}
                  error={form.error("executed") ?? liveError}
                  label="全年执行数（万元）"
                  hideLabel
                  stored={view.budget.savedExecuted}
                  show={formatAmount}
                />
                {view.budget.prefilledFrom !== null && executed === view.budget.executed ? (
                  <p className="mt-1 text-xs text-amber-700">取自{view.budget.prefilledFrom}月执行数，未保存</p>
                ) : null}
              </>
            ) : (
              <span className="block text-right max-md:text-left">
                <span className="text-xs text-muted md:hidden">全年执行数（万元） </span>
                {executed ? formatAmount(executed) : "—"}
              </span>
            )}
          </td>
          <Cell caption="执行率" className="num">
            {b?.rate ? `${fmt2(b.rate)}%` : "—"}
          </Cell>
          <Cell caption="分值" className="num">
            {view.budget.weight}
          </Cell>
          <Cell caption="得分" className="num">
            <ScoreExplanation label="预算执行率 得分" score={b?.score ? fmt2(b.score) : null} explanation={b?.explanation ?? "—"} />
          </Cell>
          <Cell caption="各月执行数" className="text-xs">
            {view.executedByMonth.length > 0 ? (
              <details>
                <summary className="cursor-pointer">
                  {view.executedByMonth.at(-1)!.month}月：{formatAmount(view.executedByMonth.at(-1)!.executed)}
                </summary>
                <ul className="mt-1">
                  {view.executedByMonth.map((m) => (
                    <li key={m.month}>
                      {m.month}月：{formatAmount(m.executed)}
                    </li>
                  ))}
                </ul>
              </details>
            ) : (
              <span className="text-muted">未填报</span>
            )}
          </Cell>
        </tr>
      </tbody>
    </table>
  );
}
