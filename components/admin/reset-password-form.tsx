"use client";

import { useActionState, useId, useRef } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionState } from "./action-state";
import { FormMessage, NewPasswordFields, SubmitButton, useFocusFirstError } from "./form-parts";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** 重置密码: the admin types a new password twice; passwords are never sent back to the page. */
export function ResetPasswordForm({ action, userId }: { action: Action; userId: number }) {
  const [state, formAction] = useActionState(action, null);
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, formRef);
  const id = useId();
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
