"use client";

import { useActionState, useId, useState } from "react";
import { Refusal } from "@/components/ui/refusal";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { AuthoringResult } from "./action-state";

type State = AuthoringResult<never> | null;
type Action = (state: State, form: FormData) => Promise<State>;

export interface WorkflowProps {
  sheetId: number;
  version: number;
  can: { submit: boolean; publish: boolean; returnDraft: boolean };
  errorCount: number;
  actions: { submit: Action; publish: Action; returnDraft: Action };
}

/** 提交审核 / 审核通过并发布 / 退回: the buttons that move a draft along, each with its outcome. */
export function SheetWorkflow({ sheetId, version, can, errorCount, actions }: WorkflowProps) {
  const hydrated = useHydrated();
  const blocked = errorCount > 0;
  return (
    <div className="flex flex-wrap items-start gap-4">
      {can.submit ? (
        <StepForm action={actions.submit} sheetId={sheetId} version={version} label="提交审核" pendingLabel="正在提交…" disabled={!hydrated || blocked} hint={blocked ? "请先改正检查结果中的错误" : undefined} />
      ) : null}
      {can.publish ? (
        <StepForm action={actions.publish} sheetId={sheetId} version={version} label="审核通过并发布" pendingLabel="正在发布…" disabled={!hydrated || blocked} hint={blocked ? "请先改正检查结果中的错误" : "发布后只能通过指标调整修改指标值"} />
      ) : null}
      {can.returnDraft ? <ReturnForm action={actions.returnDraft} sheetId={sheetId} version={version} hydrated={hydrated} /> : null}
    </div>
  );
}

function Outcome({ state }: { state: State }) {
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="text-green-800">
      {state.message}
    </p>
  ) : (
    <Refusal error={state.error} problems={state.problems} />
  );
}

function StepForm({ action, sheetId, version, label, pendingLabel, disabled, hint }: { action: Action; sheetId: number; version: number; label: string; pendingLabel: string; disabled: boolean; hint?: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="sheetId" value={sheetId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={disabled || pending} className="rounded bg-brand px-3 py-1.5 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
        {pending ? pendingLabel : label}
      </button>
      {hint ? <p className="text-xs text-muted">{hint}</p> : null}
      <Outcome state={state} />
    </form>
  );
}

function ReturnForm({ action, sheetId, version, hydrated }: { action: Action; sheetId: number; version: number; hydrated: boolean }) {
  const [comment, setComment] = useState("");
  const [state, formAction, pending] = useActionState(action, null);
  const id = useId();
  return (
    <form action={formAction} className="flex items-start gap-2">
      <input type="hidden" name="sheetId" value={sheetId} />
      <input type="hidden" name="version" value={version} />
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium">
          退回意见
        </label>
        <textarea id={id} name="comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} className="w-72 rounded border border-line px-2 py-1" />
        <Outcome state={state} />
      </div>
      <button type="submit" disabled={!hydrated || pending} className="mt-6 rounded border border-line bg-white px-3 py-1.5 hover:border-brand disabled:opacity-60">
        {pending ? "正在退回…" : "退回修改"}
      </button>
    </form>
  );
}
