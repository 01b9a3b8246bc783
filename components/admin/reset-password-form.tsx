"use client";

import type { FormAction } from "./action-state";
import { FormMessage, NewPasswordFields, SubmitButton, useActionForm } from "./form-parts";

/** 重置密码: the admin types a new password twice; passwords are never sent back to the page. */
export function ResetPasswordForm({ action, userId }: { action: FormAction; userId: number }) {
  const { state, formAction, hydrated, formRef, id } = useActionForm(action);
  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-3" aria-label="重置密码">
      <input type="hidden" name="id" value={userId} />
      <NewPasswordFields state={state} idPrefix={id} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton hydrated={hydrated} pendingText="正在重置…">
          重置密码
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
