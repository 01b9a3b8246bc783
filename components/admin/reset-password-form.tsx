"use client";

import { useActionState, useId, useRef } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { type ActionState, fieldError } from "./action-state";
import { describedBy, Field, FormMessage, inputClass, SubmitButton, useFocusFirstError } from "./form-parts";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** 重置密码: the admin types a new password twice; passwords are never sent back to the page. */
export function ResetPasswordForm({ action, userId }: { action: Action; userId: number }) {
  const [state, formAction] = useActionState(action, null);
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, formRef);
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-3" aria-label="重置密码">
      <input type="hidden" name="id" value={userId} />
      <Field id={f("password")} label="新密码" error={fieldError(state, "password")} hint="至少 10 个字符，须包含字母和数字">
        <input name="password" type="password" autoComplete="new-password" className={inputClass} {...describedBy(f("password"), fieldError(state, "password"), true)} />
      </Field>
      <Field id={f("confirm")} label="再次输入新密码" error={fieldError(state, "confirm")}>
        <input name="confirm" type="password" autoComplete="new-password" className={inputClass} {...describedBy(f("confirm"), fieldError(state, "confirm"))} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton hydrated={hydrated} pendingText="正在重置…">
          重置密码
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
