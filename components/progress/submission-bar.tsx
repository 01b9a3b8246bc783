"use client";

import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import type { ActionForm } from "@/components/ui/use-action-form";
import type { ProgressView } from "@/lib/progress/progress-view";

/** 保存 / 提交 for the lead, with how many changes are unsaved. */
export function SubmissionBar({ view, form, onSave, onSubmit }: { view: ProgressView; form: ActionForm; onSave: () => void; onSubmit: () => void }) {
  if (!view.permissions.edit && !view.permissions.submit) return null;
  const unsaved = form.dirtyPaths.filter((p) => p === "executed" || p.startsWith("rows.")).length;
  return (
    <div className="no-print flex flex-wrap items-center gap-3 border-t border-line pt-3">
      {view.permissions.edit ? (
        <Button onClick={onSave} disabled={form.busy || unsaved === 0} pending={form.pending === "save"} pendingText="正在保存…">
          保存
        </Button>
      ) : null}
      {view.permissions.submit ? (
        <Button tone="secondary" onClick={onSubmit} disabled={form.busy} pending={form.pending === "submit"} pendingText="正在提交…">
          提交
        </Button>
      ) : null}
      <span className="text-sm text-muted">{unsaved > 0 ? `有 ${unsaved} 项修改尚未保存` : "所有修改均已保存"}。提交后本月将锁定，由管理者审核。</span>
    </div>
  );
}

/** 审核通过 / 退回 with a comment, and 重新开放 with a reason (managers). */
export function ReviewPanel({
  view,
  form,
  onReview,
  onReopen,
}: {
  view: ProgressView;
  form: ActionForm;
  onReview: (decision: "approve" | "return") => void;
  onReopen: () => void;
}) {
  if (!view.permissions.review && !view.permissions.reopen) return null;
  return (
    <section aria-labelledby="review-title" className="no-print space-y-2 rounded border border-line bg-white p-3">
      <h2 id="review-title" className="font-semibold">
        审核
      </h2>
      {view.permissions.review ? (
        <div className="flex flex-wrap items-end gap-3">
          <Button tone="approve" onClick={() => onReview("approve")} disabled={form.busy} pending={form.pending === "approve"} pendingText="正在审核…">
            审核通过
          </Button>
          {/* Inside a period locked by an admin a month cannot go back to the lead: approving is all that is left. */}
          {view.periodLock ? (
            <p className="text-sm text-muted">{view.periodLock.label}：只能审核通过，不能退回。</p>
          ) : (
            <>
              <TextArea label="退回意见" className="min-w-0 flex-1 basis-64 space-y-1" {...form.bind("review.comment")} />
              <Button tone="danger" onClick={() => onReview("return")} disabled={form.busy} pending={form.pending === "return"} pendingText="正在退回…">
                退回
              </Button>
            </>
          )}
        </div>
      ) : null}
      {view.permissions.reopen ? (
        <div className="flex flex-wrap items-end gap-3">
          <TextArea label="重新开放原因" className="min-w-0 flex-1 basis-64 space-y-1" {...form.bind("reopen.reason")} />
          <Button tone="secondary" onClick={onReopen} disabled={form.busy} pending={form.pending === "reopen"} pendingText="正在处理…">
            重新开放
          </Button>
        </div>
      ) : null}
    </section>
  );
}
