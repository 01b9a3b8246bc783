"use client";

import { useActionState, useId, useRef } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { type ActionState, fieldError, fieldsKey, typed } from "./action-state";
import { describedBy, Field, FormMessage, inputClass, SubmitButton, useFocusFirstError } from "./form-parts";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** 新增年度: a fiscal year without sheets yet (imports and 年度结转 also add the year they need). */
export function CreateYearForm({ action, suggested }: { action: Action; suggested: number }) {
  const [state, formAction] = useActionState(action, null);
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, formRef);
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  return (
    <form key={fieldsKey(state)} ref={formRef} action={formAction} noValidate className="flex flex-wrap items-end gap-3" aria-label="新增年度">
      <div className="w-40">
        <Field id={f("year")} label="年度" error={fieldError(state, "year")}>
          <input name="year" inputMode="numeric" autoComplete="off" defaultValue={typed(state, "year", String(suggested))} className={inputClass} {...describedBy(f("year"), fieldError(state, "year"))} />
        </Field>
      </div>
      <SubmitButton hydrated={hydrated} pendingText="正在新增…">
        新增年度
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
