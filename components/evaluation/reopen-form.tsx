"use client";

import { type FormEvent, useState, useTransition } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { EvaluationActionState } from "./action-state";

/**
 * 重新开放: a manager reopens a final evaluation — or the lead's submitted 自评 (`kind="SELF"`) — saying why (kept
 * with the evaluation and in the audit log).
 */
export function ReopenForm({
  sheetId,
  version,
  kind = "EVALUATOR",
  reopen,
}: {
  sheetId: number;
  version: number;
  kind?: "EVALUATOR" | "SELF";
  reopen: (form: FormData) => Promise<EvaluationActionState>;
}) {
  const self = kind === "SELF";
  const id = self ? "reopen-self-reason" : "reopen-reason";
  const hydrated = useHydrated();
  const [reason, setReason] = useState("");
  const [state, setState] = useState<EvaluationActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const error = state && !state.ok ? (state.problems.find((p) => p.path === "reason")?.message ?? state.error) : undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === "") {
      setState({ ok: false, error: "请填写重新开放的原因", problems: [{ path: "reason", message: "请填写重新开放的原因" }] });
      return;
    }
    const form = new FormData(event.currentTarget);
    startTransition(async () => setState(await reopen(form)));
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={self ? "重新开放自评" : "重新开放评价"} className="no-print space-y-2 rounded border border-line bg-white p-3">
      <input type="hidden" name="sheetId" value={sheetId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="kind" value={kind} />
      <label htmlFor={id} className="block font-medium">
        {self ? "重新开放自评原因" : "重新开放原因"}
      </label>
      <textarea
        id={id}
        name="reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        maxLength={500}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        className="w-full rounded border border-line px-2 py-1 focus:border-brand aria-[invalid=true]:border-red-600"
      />
      <p id={`${id}-hint`} className="text-xs text-muted">
        {self ? "负责人已提交自评；重新开放后负责人可以修改并重新提交" : "重新开放后评价回到草稿，评价人可以修改并重新定稿"}；原因将记入操作日志。
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-green-800">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={!hydrated || pending} className="rounded border border-brand bg-white px-3 py-1 font-medium text-brand hover:bg-head disabled:opacity-60">
        {pending ? "正在重新开放…" : self ? "重新开放自评" : "重新开放"}
      </button>
    </form>
  );
}
