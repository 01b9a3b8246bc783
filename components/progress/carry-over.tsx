"use client";

import { Button } from "@/components/ui/button";
import type { ActionForm } from "@/components/ui/use-action-form";
import { carryOverFills, type CurrentText, isCarriedDraft } from "@/lib/progress/carry-over";
import type { ProgressRowView, ProgressView } from "@/lib/progress/progress-view";
import { rowPath } from "./progress-values";

const currentText =
  (form: ActionForm): CurrentText =>
  (indicatorId, field) =>
    form.value(rowPath(indicatorId, field));

/**
 * 沿用上月 (lib/progress/carry-over.ts): fills the month's empty rows on the form from the previous month. It only
 * types into the form — the fills are unsaved input like any other (counted by 保存, kept as the browser draft,
 * guarded on leaving) until the lead reviews them and clicks 保存. Disabled with the reason when nothing can be filled.
 */
export function CarryOverAction({ view, form }: { view: ProgressView; form: ActionForm }) {
  if (!view.permissions.edit) return null;
  const { fills, reason } = carryOverFills(view.month, view.rows, currentText(form));
  const rows = new Set(fills.map((f) => f.indicatorId)).size;
  const hintId = `carry-over-hint-${view.month}`;
  return (
    <div className="no-print flex flex-wrap items-center gap-x-3 gap-y-1">
      <Button
        tone="plain"
        disabled={form.busy || reason !== null}
        aria-describedby={hintId}
        onClick={() => {
          for (const fill of fills) form.set(rowPath(fill.indicatorId, fill.field), fill.value);
        }}
      >
        沿用上月
      </Button>
      <span id={hintId} className="text-sm text-muted">
        {reason ??
          `将${view.month - 1}月的完成目标可能性、全年预计完成值和定性指标完成情况填入 ${rows} 个空行；实际完成值请按本月填写。填入后请核对，点击「保存」才会保存。`}
      </span>
    </div>
  );
}

/** The 「沿用上月」 tag of a row whose unsaved values came from the previous month. */
export function CarriedTag({ row, form }: { row: ProgressRowView; form: ActionForm }) {
  const carried = isCarriedDraft(
    { ...row, saved: { value: row.entry.value, likelihood: row.entry.likelihood, forecast: row.entry.forecast } },
    currentText(form),
  );
  if (!carried) return null;
  return (
    <span className="ml-1 inline-block rounded border border-amber-400 bg-amber-50 px-1 text-xs font-normal text-amber-900" title="沿用上月的填写，尚未保存">
      沿用上月
    </span>
  );
}
