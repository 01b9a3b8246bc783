import type { EvaluationView } from "@/lib/evaluation/evaluation-view";
import { fmt2 } from "@/lib/scoring/decimal";
import type { SheetScore } from "@/lib/scoring/types";

/** 评价结果: the total and grade of what the form holds now, what is still pending, and the other party's total. */
export function EvaluationSummary({ view, score, dirty }: { view: EvaluationView; score: SheetScore | null; dirty: boolean }) {
  const pending = score ? score.rows.filter((r) => r.status === "pending").length + (score.budget.status === "pending" ? 1 : 0) : 0;
  return (
    <section aria-label="评价结果" className="flex flex-wrap items-baseline gap-x-6 gap-y-1 rounded border border-line bg-white px-4 py-2">
      <p>
        {view.mode === "self" ? "自评总分" : "总分"}
        <output aria-label="总分" className="ml-2 text-xl font-semibold tabular-nums">
          {score ? fmt2(score.total) : "—"}
        </output>
        <span className="ml-1 text-muted">/ {view.result.maxTotal}</span>
      </p>
      <p>
        评价等级
        <output aria-label="评价等级" className="ml-2 text-xl font-semibold">
          {score?.grade ?? "—"}
        </output>
      </p>
      {score && !score.complete ? <p className="text-amber-800">尚有 {pending} 项待评（按 0 分计）</p> : null}
      {dirty ? <p className="text-muted">含未保存的修改</p> : null}
      {view.beside ? (
        <p className="text-muted">
          {view.beside.label}：
          {view.beside.state === "NONE" ? "未填写" : `${view.beside.total}（${view.beside.grade}）${view.beside.complete ? "" : "，未完成"}`}
          {view.beside.kind === "SELF" && view.beside.state === "DRAFT" ? "（未提交）" : ""}
        </p>
      ) : null}
    </section>
  );
}
