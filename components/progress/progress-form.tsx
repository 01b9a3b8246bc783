"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DraftOffer, FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { EvidenceFileView } from "@/lib/evidence/evidence-view";
import type { ProgressRowView, ProgressView } from "@/lib/progress/progress-view";
import { BudgetSection } from "./budget-section";
import { CarryOverAction } from "./carry-over";
import { IndicatorRows } from "./indicator-rows";
import { MonthSwitcher } from "./month-switcher";
import type { ProgressActions, ProgressOutcome } from "./progress-actions";
import { ProgressEvidence } from "./progress-evidence";
import { prefixed, progressValues, saveInput, saveProblemPath } from "./progress-values";
import { StatusBar, Summary } from "./status-summary";
import { ReviewPanel, SubmissionBar } from "./submission-bar";

/**
 * 进度填报 of one sheet-month on the forms kit (components/ui/use-action-form.ts): the lead types values,
 * forecasts, explanations and 执行数, sees what each number was understood as, and saves or submits; managers
 * review, return, reopen and switch measure types. Every action answers the page's new state, so the month
 * strip, status, lights, projected score and evidence controls follow at once; what was typed is kept on
 * refusal (each message at its field), in the browser across a failed save or a timed-out session, and
 * leaving with unsaved changes asks first.
 */
export function ProgressForm({
  initial,
  actions,
  files,
  userId,
}: {
  initial: ProgressView;
  actions: ProgressActions;
  files: EvidenceFileView[];
  userId: number;
}) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [seen, setSeen] = useState(initial);
  // A refreshed page (载入最新数据, an upload) brings new server state; what was typed stays (the kit rebases).
  if (initial !== seen) {
    setSeen(initial);
    setView(initial);
  }
  const form = useActionForm({
    initial: progressValues(view),
    draftKey: view.permissions.edit ? `${userId}:progress:${view.sheet.id}:${view.month}` : undefined,
  });
  const base = (d: ProgressOutcome) => progressValues(d.state);
  const warnings = (d: ProgressOutcome) => d.warnings;
  const m = view.month;

  async function save(): Promise<ProgressView | null> {
    const { input, sent, rowIds } = saveInput(view, form.values, form.dirtyPaths);
    const result = await form.run("save", (confirmed) => actions.save(confirmed.length > 0 ? { ...input, confirmed } : input), {
      sent,
      base,
      warnings,
      problemPath: saveProblemPath(rowIds),
      confirmTitle: "这些数值不太寻常，确认无误吗？",
    });
    if (!result?.ok) return null;
    setView(result.data.state);
    return result.data.state;
  }

  async function submit() {
    const unsaved = form.dirtyPaths.some((p) => p === "executed" || p.startsWith("rows."));
    const yes = await form.confirm({
      title: `提交${view.monthLabel}的进度？`,
      body: `提交后，${view.monthLabel}的数值、执行数和佐证资料将锁定，待管理者审核；审核退回后才能再修改。${unsaved ? "\n尚未保存的修改会先保存。" : ""}`,
      confirm: "确认提交",
      cancel: "暂不提交",
    });
    if (!yes) return;
    const current = unsaved ? await save() : view;
    if (!current) return;
    const result = await form.run("submit", () => actions.submit({ sheetId: current.sheet.id, month: m, version: current.monthVersion }), { base });
    if (result?.ok) setView(result.data.state);
  }

  async function review(decision: "approve" | "return") {
    const input = { sheetId: view.sheet.id, month: m, version: view.monthVersion, decision, comment: form.value("review.comment") };
    const result = await form.run(decision, () => actions.review(input), { base, sent: ["review.comment"], problemPath: prefixed("review") });
    if (result?.ok) setView(result.data.state);
  }

  async function reopen() {
    const input = { sheetId: view.sheet.id, month: m, version: view.monthVersion, reason: form.value("reopen.reason") };
    const result = await form.run("reopen", () => actions.reopen(input), { base, sent: ["reopen.reason"], problemPath: prefixed("reopen") });
    if (result?.ok) setView(result.data.state);
  }

  async function adjust() {
    const input = { sheetId: view.sheet.id, month: m, amount: form.value("adjust.amount"), reason: form.value("adjust.reason") };
    const result = await form.run("adjust", () => actions.adjustBudget(input), {
      base,
      sent: ["adjust.amount", "adjust.reason"],
      problemPath: prefixed("adjust"),
    });
    if (result?.ok) setView(result.data.state);
  }

  async function switchMeasureType(row: ProgressRowView, measureType: string) {
    const input = { indicatorId: row.indicatorId, measureType, version: row.indicatorVersion, month: m };
    const result = await form.run("measure", () => actions.setMeasureType(input), { base, sent: [] });
    if (result?.ok) setView(result.data.state);
  }

  const conflict = form.state.outcome?.kind === "error" && form.state.outcome.code === "CONFLICT";
  return (
    <div className="space-y-4">
      <MonthSwitcher sheetId={view.sheet.id} months={view.months} current={m} />
      <DraftOffer form={form} />
      <StatusBar view={view} />
      <Summary view={view} />
      <BudgetSection view={view} form={form} onAdjust={() => void adjust()} />
      <IndicatorRows
        view={view}
        form={form}
        files={files}
        onMeasureType={(row, type) => void switchMeasureType(row, type)}
        toolbar={<CarryOverAction view={view} form={form} />}
      />
      {/* Next to the buttons that caused it, where the eyes are after a click. */}
      <FormFeedback
        form={form}
        extra={
          conflict ? (
            <Button tone="plain" compact className="mt-2" onClick={() => router.refresh()}>
              载入最新数据（保留我的填写）
            </Button>
          ) : null
        }
      />
      <SubmissionBar view={view} form={form} onSave={() => void save()} onSubmit={() => void submit()} />
      <ReviewPanel view={view} form={form} onReview={(d) => void review(d)} onReopen={() => void reopen()} />
      <ProgressEvidence view={view} files={files} />
      <FormDialog form={form} />
    </div>
  );
}
