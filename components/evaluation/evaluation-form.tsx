"use client";

import { type FormEvent, useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { DraftOffer, FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";
import type { Problem } from "@/lib/errors";
import type { EvaluationView } from "@/lib/evaluation/evaluation-view";
import { fmt2 } from "@/lib/scoring/decimal";
import { EvaluationBudget } from "./evaluation-budget";
import { EvaluationRow } from "./evaluation-row";
import { EvaluationSummary } from "./evaluation-summary";
import { initialValues, liveScore, saveInput } from "./live-score";
import { TEXT_MAX } from "@/lib/input";

export interface EvaluationFormProps {
  view: EvaluationView;
  /** Keeps unsent input in this browser (user + sheet + kind). */
  draftKey: string;
  /** 保存 (evaluator) or 保存自评 (lead); absent when the page is read only. */
  save?: Action<unknown>;
  /** 定稿 (evaluator) or 提交自评 (lead). */
  finalise?: Action<unknown>;
}

const EARLY = "earlyReason";

/**
 * The year-end evaluation form on the forms kit: per row the final actual, band and in-band score, deduction with
 * reason, deviation reason; 全年执行数; scores recomputed as typed by the same engine the server uses (every score
 * opens its explanation); 保存, and 定稿 (or the lead's 提交自评) after a confirmation that says what is locked.
 * What was typed stays when the server refuses, each message at its field; leaving with unsaved input asks first.
 */
export function EvaluationForm({ view, draftKey, save, finalise }: EvaluationFormProps) {
  const editable = view.can.write && save !== undefined;
  const self = view.mode === "self";
  const canClose = (view.can.finalise || view.can.submit) && finalise !== undefined;
  // Before the lead has submitted their 自评, 定稿 needs a reason (docs/scoring.md).
  const needsEarlyReason = canClose && !self && view.self.state !== "FINAL";
  const initial = { ...initialValues(view), ...(needsEarlyReason ? { [EARLY]: "" } : {}) };
  const form = useActionForm({ initial, draftKey: editable ? draftKey : undefined, guard: editable });
  const live = useMemo(() => liveScore(view, form.values), [view, form.values]);
  const score = live.score;
  const rowPaths = Object.keys(initial).filter((p) => p !== EARLY);
  const unsaved = form.dirtyPaths.some((p) => p !== EARLY);
  const prefilled = view.rows.some((r) => r.prefilledFrom !== null) || view.budget.prefilledFrom !== null;

  // After a refusal the first field named goes to the keyboard — once the fields are enabled again.
  const [focusPath, setFocusPath] = useState<string | null>(null);
  useEffect(() => {
    if (focusPath === null || form.busy) return;
    document.getElementById(form.fieldId(focusPath))?.focus();
    setFocusPath(null);
  }, [focusPath, form]);
  const focusFirst = (problems: readonly Problem[]) => setFocusPath(problems.find((p) => p.path)?.path ?? null);

  const onSave = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!save) return;
    const values = form.values;
    const result = await form.run("save", () => save(saveInput(view, values)), { sent: rowPaths, base: () => values });
    if (result && !result.ok) focusFirst(result.problems);
  };

  const onClose = async () => {
    if (!finalise) return;
    const reason = form.value(EARLY);
    const input = { sheetId: view.sheet.id, version: view.evaluation.version, ...(needsEarlyReason ? { earlyReason: reason } : {}) };
    // Without the reason the server refuses at once, naming the field: nothing to confirm yet.
    if (!(needsEarlyReason && reason.trim() === "")) {
      const yes = await form.confirm({
        title: self ? "提交自评？" : "确认定稿？",
        body: (
          <>
            <p>
              {self ? "提交后自评将锁定" : "定稿将锁定本次评价"}：{self ? "自评总分" : "总分"} <strong>{score ? fmt2(score.total) : "—"}</strong>，评价等级{" "}
              <strong>{score?.grade ?? "—"}</strong>。
            </p>
            <p>{self ? "提交后只有管理者可以重新开放。" : "定稿后只有管理者可以重新开放。"}</p>
            {needsEarlyReason ? <p>负责人尚未提交自评，提前定稿原因：{reason.trim()}</p> : null}
          </>
        ),
        confirm: self ? "确认提交" : "确认定稿",
        cancel: "取消",
      });
      if (!yes) return;
    }
    const result = await form.run(self ? "submit" : "finalise", () => finalise(input), { sent: [EARLY], base: () => ({ ...form.values, [EARLY]: "" }) });
    if (result && !result.ok) focusFirst(result.problems);
  };

  const showDeduction = !self;
  const showBeside = view.beside !== null;
  const columnCount = 5 + (showDeduction ? 1 : 0) + (showBeside ? 1 : 0);

  return (
    <form onSubmit={onSave} noValidate aria-label={self ? "负责人自评" : "年终评价"} className="space-y-4">
      <DraftOffer form={form} />
      <EvaluationBudget view={view} form={form} editable={editable} score={score} liveError={editable ? live.problems.executed : undefined} />

      <div className="md:overflow-x-auto">
        <table className="form-table max-md:block md:min-w-[1000px] max-md:bg-transparent">
          <caption className="sr-only">逐项评价</caption>
          <colgroup>
            <col style={{ width: "22%" }} />
            <col style={{ width: "10%" }} />
            <col style={{ width: "13%" }} />
            <col style={{ width: "20%" }} />
            {showDeduction ? <col style={{ width: "14%" }} /> : null}
            <col style={{ width: "8%" }} />
            {showBeside ? <col style={{ width: "13%" }} /> : null}
          </colgroup>
          <thead className="max-md:hidden">
            <tr>
              <th scope="col">绩效指标</th>
              <th scope="col">全年进度</th>
              <th scope="col">实际完成值</th>
              <th scope="col">评判等级 / 评分</th>
              {showDeduction ? <th scope="col">扣分</th> : null}
              <th scope="col">得分</th>
              {showBeside ? <th scope="col">{view.beside!.label}</th> : null}
            </tr>
          </thead>
          {view.rows.map((row, i) => (
            <EvaluationRow
              key={row.indicatorId}
              row={row}
              form={form}
              result={score?.rows[i] ?? null}
              completion={live.completion[i] ?? null}
              editable={editable}
              showDeduction={showDeduction}
              showBeside={showBeside}
              besideLabel={view.beside?.label ?? ""}
              columnCount={columnCount}
              liveProblems={live.problems}
            />
          ))}
        </table>
      </div>

      <EvaluationSummary view={view} score={score} dirty={editable && unsaved} />
      <FormFeedback form={form} />

      {editable ? (
        <div className="no-print flex flex-wrap items-start gap-3">
          <Button type="submit" disabled={form.busy} pending={form.pending === "save"} pendingText="正在保存…">
            {self ? "保存自评" : "保存"}
          </Button>
          {canClose ? (
            <>
              {needsEarlyReason ? (
                <TextArea
                  {...form.bind(EARLY)}
                  label="提前定稿原因"
                  hint="负责人尚未提交自评：现在定稿须说明原因（印在自评表上并记入操作日志）"
                  rows={1}
                  maxLength={TEXT_MAX.reason}
                  className="w-full space-y-1 md:order-last"
                />
              ) : null}
              <Button
                tone="secondary"
                onClick={() => void onClose()}
                disabled={form.busy || unsaved || prefilled}
                pending={form.pending === "finalise" || form.pending === "submit"}
                pendingText={self ? "正在提交…" : "正在定稿…"}
                aria-describedby={unsaved || prefilled ? "finalise-hint" : undefined}
              >
                {self ? "提交自评" : "定稿"}
              </Button>
              {unsaved || prefilled ? (
                <span id="finalise-hint" className="self-center text-sm text-muted">
                  有未保存的修改（含取自进度的数值），请先保存再{self ? "提交" : "定稿"}
                </span>
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
      <FormDialog form={form} />
    </form>
  );
}
