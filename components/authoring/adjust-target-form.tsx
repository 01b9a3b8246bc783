"use client";

import { useActionState, useId, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { AuthoringResult } from "./action-state";
import { understoodTarget } from "./target-text";

type State = AuthoringResult<never> | null;

export interface AdjustableRow {
  id: number;
  name: string;
  targetRaw: string;
  version: number;
}

/**
 * 指标调整: pick the row, type the new 指标值 (understood as typed), give the reason. The approver is
 * the person recording it. What was typed stays when the save is refused.
 */
export function AdjustTargetForm({ rows, action }: { rows: AdjustableRow[]; action: (state: State, form: FormData) => Promise<State> }) {
  const [indicatorId, setIndicatorId] = useState(String(rows[0]?.id ?? ""));
  const [targetRaw, setTargetRaw] = useState("");
  const [reason, setReason] = useState("");
  const [state, formAction, pending] = useActionState(async (previous: State, form: FormData) => {
    const answer = await action(previous, form);
    if (answer?.ok) {
      setTargetRaw("");
      setReason("");
    }
    return answer;
  }, null);
  const hydrated = useHydrated();
  const id = useId();
  const row = rows.find((r) => String(r.id) === indicatorId);
  const understood = understoodTarget(targetRaw);
  const problem = (path: string) => (state && !state.ok ? state.problems.find((p) => p.path === path)?.message : undefined);
  return (
    <form action={formAction} aria-label="指标调整" className="space-y-3">
      <input type="hidden" name="version" value={row?.version ?? ""} />
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <div className="space-y-1">
          <label htmlFor={`${id}-row`} className="block font-medium">
            调整的指标
          </label>
          <select id={`${id}-row`} name="indicatorId" value={indicatorId} onChange={(e) => setIndicatorId(e.target.value)} className="w-full rounded border border-line bg-white px-2 py-1">
            {rows.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}（现为 {r.targetRaw}）
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-target`} className="block font-medium">
            调整后指标值
          </label>
          <input
            id={`${id}-target`}
            name="targetRaw"
            value={targetRaw}
            onChange={(e) => setTargetRaw(e.target.value)}
            placeholder={row?.targetRaw}
            aria-describedby={`${id}-target-understood`}
            aria-invalid={problem("targetRaw") ? true : undefined}
            className="w-full rounded border border-line bg-white px-2 py-1 aria-[invalid=true]:border-red-600"
          />
          <p id={`${id}-target-understood`} className={`text-xs ${understood.ok || !targetRaw ? "text-muted" : "text-red-700"}`}>
            {targetRaw ? (understood.ok ? `解析为：${understood.text}` : understood.text) : "如 ＞=4项、＜=5%、有效推动"}
          </p>
          {problem("targetRaw") ? <p className="text-sm text-red-700">{problem("targetRaw")}</p> : null}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-reason`} className="block font-medium">
            调整原因
          </label>
          <textarea id={`${id}-reason`} name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={problem("reason") ? true : undefined} className="w-full rounded border border-line bg-white px-2 py-1 aria-[invalid=true]:border-red-600" />
          {problem("reason") ? <p className="text-sm text-red-700">{problem("reason")}</p> : null}
        </div>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={!hydrated || pending || rows.length === 0} className="rounded bg-brand px-3 py-1.5 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
          {pending ? "正在记录…" : "记录指标调整"}
        </button>
        {state ? (
          state.ok ? (
            <p role="status" className="text-green-800">
              {state.message}
            </p>
          ) : (
            <p role="alert" className="text-red-800">
              {state.error}
            </p>
          )
        ) : null}
      </div>
    </form>
  );
}
