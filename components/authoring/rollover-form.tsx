"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Refusal } from "@/components/ui/refusal";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { AuthoringResult } from "./action-state";

type State = AuthoringResult<{ toYear: number }> | null;

/** The one button of 年度结转, and what came of it. */
export function RolloverForm({ fromYear, count, disabled, action }: { fromYear: number; count: number; disabled: boolean; action: (state: State, form: FormData) => Promise<State> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const hydrated = useHydrated();
  if (state?.ok) {
    return (
      <div role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-900">
        <p className="font-semibold">{state.message}</p>
        <Link href={`/sheets?year=${state.data?.toYear ?? fromYear + 1}`} className="text-brand hover:underline">
          查看{state.data?.toYear ?? fromYear + 1}年度绩效目标表
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="fromYear" value={fromYear} />
      <button type="submit" disabled={!hydrated || pending || disabled} className="rounded bg-brand px-4 py-1.5 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
        {pending ? "正在结转…" : `将 ${count} 张表结转到${fromYear + 1}年`}
      </button>
      {state && !state.ok ? <Refusal error={state.error} problems={state.problems} /> : null}
    </form>
  );
}
