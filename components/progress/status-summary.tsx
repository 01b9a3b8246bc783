import type { ReactNode } from "react";
import type { ProgressView } from "@/lib/progress/progress-view";
import { LightBadge } from "./light-badge";

/** The month's status (who submitted and reviewed, why it is locked) and its figures at a glance. */
export function StatusBar({ view }: { view: ProgressView }) {
  const tone =
    view.status === "APPROVED"
      ? "border-green-300 bg-green-50"
      : view.status === "RETURNED"
        ? "border-red-300 bg-red-50"
        : view.status === "SUBMITTED"
          ? "border-sky-300 bg-sky-50"
          : "border-line bg-white";
  return (
    <section aria-label="填报状态" className={`flex flex-wrap items-center gap-x-4 gap-y-1 rounded border px-3 py-2 ${tone}`}>
      <span>
        状态：<strong>{view.statusLabel}</strong>
      </span>
      {view.locked ? <span className="rounded bg-ink px-2 py-px text-xs text-white">{view.periodLock?.label ?? "已锁定"}</span> : null}
      {view.submitted ? (
        <span className="text-sm text-muted">
          提交：{view.submitted.by ?? "—"} {view.submitted.at}
        </span>
      ) : null}
      {view.reviewed ? (
        <span className="text-sm text-muted">
          审核：{view.reviewed.by ?? "—"} {view.reviewed.at}
        </span>
      ) : null}
      {view.reviewComment ? (
        <p className="basis-full">
          {view.status === "RETURNED" ? "退回意见" : "审核意见"}：{view.reviewComment}
        </p>
      ) : null}
      {!view.sheet.published ? <p className="basis-full text-muted">该绩效目标表尚未发布，发布后才能填报进度。</p> : null}
      {view.month > view.reportingMonth ? <p className="basis-full text-muted">{view.monthLabel}尚未到来，还不能填报。</p> : null}
      {view.locked && view.status === "SUBMITTED" ? <p className="basis-full text-muted">已提交待审核，审核前不能修改。</p> : null}
      {view.periodLock ? (
        <p className="basis-full text-muted">{view.periodLock.message}；如确需修改，请联系管理员解除锁定。</p>
      ) : view.locked && view.status === "APPROVED" ? (
        <p className="basis-full text-muted">已审核通过，如需修改请联系管理者重新开放。</p>
      ) : null}
    </section>
  );
}

export function Summary({ view }: { view: ProgressView }) {
  return (
    <section aria-label="本月概况" className="grid grid-cols-2 gap-2 md:grid-cols-4">
      <Item label="时间进度">{view.timeProgress}</Item>
      <Item label="本月预警">
        <LightBadge light={view.sheetLight} />
      </Item>
      <Item label="预计得分">
        {view.projected ? (
          <span
            title={`按预计全年完成值（未填则按当前完成值）推算；预算执行：${view.projected.budget.explanation}`}
            className="cursor-help text-lg font-semibold tabular-nums"
          >
            {view.projected.total}
            <span className="ml-1 text-sm font-normal">（{view.projected.grade}）</span>
            {view.projected.complete ? null : <span className="ml-1 text-xs font-normal text-muted">部分指标待填报</span>}
          </span>
        ) : (
          <span className="text-muted">{view.projectionError ?? "待填报"}</span>
        )}
      </Item>
      <Item label="预算执行率">
        <span className="tabular-nums">{view.budget.executionRate === null ? "—" : `${view.budget.executionRate}%`}</span>{" "}
        <LightBadge light={view.budget.light} />
      </Item>
    </section>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="rounded border border-line bg-white px-3 py-2">
      <div className="text-xs text-muted">{label}</div>
      <div className="mt-0.5">{children}</div>
    </div>
  );
}
