"use client";

import { fieldError, fieldsKey, typed, type FormAction } from "./action-state";
import { describedBy, Field, FormMessage, inputClass, SubmitButton, useActionForm } from "./form-parts";

/** 新增年度: a fiscal year without sheets yet (imports and 年度结转 also add the year they need). */
export function CreateYearForm({ action, suggested }: { action: FormAction; suggested: number }) {
  const { state, formAction, hydrated, formRef, f } = useActionForm(action);
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
