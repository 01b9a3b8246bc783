"use client";

import { useActionState, useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import { useHydrated } from "@/components/ui/use-hydrated";
import { type FormAction, fieldError, fieldsKey, typed } from "./action-state";
import { describedBy, Field, FormMessage, inputClass, SubmitButton, useActionForm } from "./form-parts";

/** The forms of 部门与预算单位: a name to add, a name to change, a row to delete. */

const smallButton = "rounded border border-line bg-white px-2 py-0.5 hover:border-brand disabled:opacity-50";

/** 新增部门 / 新增预算单位: one name (the department a unit goes under is a hidden field). */
export function AddNameForm({
  action,
  title,
  label,
  hint,
  submit,
  hidden,
}: {
  action: FormAction;
  /** Accessible name of the form. */
  title: string;
  label: string;
  hint?: string;
  submit: string;
  hidden?: Record<string, string | number>;
}) {
  const { state, formAction, hydrated, formRef, f } = useActionForm(action);
  const id = f("name");
  // A refusal about the department (deleted meanwhile) has no field of its own: show it by the name.
  const error = fieldError(state, "name") ?? fieldError(state, "departmentId");
  return (
    <form key={fieldsKey(state)} ref={formRef} action={formAction} noValidate aria-label={title} className="flex flex-wrap items-end gap-3">
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="w-80">
        <Field id={id} label={label} error={error} hint={hint}>
          <input name="name" autoComplete="off" defaultValue={typed(state, "name")} className={inputClass} {...describedBy(id, error, Boolean(hint))} />
        </Field>
      </div>
      <div className="flex items-center gap-3 pb-0.5">
        <SubmitButton hydrated={hydrated} pendingText="正在保存…">
          {submit}
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/**
 * 重命名: a disclosure holding the name field, so the table stays calm until asked. Closes on success and
 * announces what changed; on refusal it stays open with the typed name and the reason beside it.
 */
export function RenameForm({
  action,
  id,
  name,
  what,
  hint,
  summary = "重命名",
}: {
  action: FormAction;
  id: number;
  name: string;
  /** 部门 or 预算单位, for the accessible names. */
  what: string;
  hint: string;
  summary?: string;
}) {
  const { state, formAction, hydrated, formRef, f } = useActionForm(action);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (state?.ok && detailsRef.current) detailsRef.current.open = false;
  }, [state]);
  const inputId = f("name");
  const error = fieldError(state, "name") ?? fieldError(state, "id");
  return (
    <div className="max-w-80 space-y-1">
      <details ref={detailsRef}>
        <summary className="cursor-pointer text-brand hover:underline" aria-label={`重命名${what}「${name}」`}>
          {summary}
        </summary>
        <form key={fieldsKey(state)} ref={formRef} action={formAction} noValidate aria-label={`重命名${what}「${name}」`} className="mt-2 space-y-2">
          <input type="hidden" name="id" value={id} />
          <Field id={inputId} label="新名称" error={error} hint={hint}>
            <input name="name" autoComplete="off" defaultValue={typed(state, "name", name)} className={inputClass} {...describedBy(inputId, error, true)} />
          </Field>
          <SubmitButton hydrated={hydrated} pendingText="正在保存…" className={smallButton}>
            保存名称
          </SubmitButton>
        </form>
      </details>
      {state?.ok ? (
        <p role="status" className="text-xs text-green-800">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

/** 删除: shown only for rows nothing uses; a refusal (used meanwhile) appears beside the button. */
export function DeleteForm({ action, id, name, what }: { action: FormAction; id: number; name: string; what: string }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      <DeleteButton label={`删除${what}「${name}」`} />
      {state && !state.ok ? (
        <p role="alert" className="text-xs text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}

/** The visible word is short; the accessible name says what goes (a table has several 删除 buttons). */
function DeleteButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  const hydrated = useHydrated();
  return (
    <button type="submit" disabled={pending || !hydrated} aria-label={label} className={`${smallButton} text-red-700`}>
      {pending ? "正在删除…" : "删除"}
    </button>
  );
}
