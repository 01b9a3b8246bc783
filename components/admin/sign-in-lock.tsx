"use client";

import { Button } from "@/components/ui/button";
import { FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";
import { formatTimestamp } from "@/lib/beijing-time";

/** A sign-in lock still running, as listUsers answers it (docs/security.md). */
export interface SignInLockView {
  until: Date;
  /** "account": refused from every address but the user's known ones; "addresses": from these addresses only. */
  scope: "account" | "addresses";
  addresses: string[];
}

export const lockText = (lock: SignInLockView) => `锁定至 ${formatTimestamp(lock.until)}`;

export const lockScopeText = (lock: SignInLockView) =>
  lock.scope === "account" ? "登录失败次数过多：除本人常用地址外，暂停登录" : `来自 ${lock.addresses.join("、")} 的登录失败次数过多：暂停从该地址登录`;

/**
 * The lock of one user and 解除锁定 (an admin's unlock, audited): in the users list and on the user's page.
 * After unlocking, the lock is gone from the page and the confirmation stays.
 */
export function SignInLock({
  lock,
  user,
  action,
  layout = "row",
}: {
  lock: SignInLockView | null;
  user: { id: number; username: string; displayName: string };
  action: Action;
  layout?: "row" | "panel";
}) {
  const form = useActionForm({ initial: {}, guard: false });
  if (!lock && !form.state.outcome) return null;
  return (
    <form
      noValidate
      aria-label={`${user.displayName}（${user.username}）的登录锁定`}
      className={
        layout === "row"
          ? "mt-1 flex flex-wrap items-center gap-2"
          : `flex flex-wrap items-center gap-3 ${lock ? "rounded border border-red-300 bg-red-50 p-3" : ""}`
      }
      onSubmit={(event) => {
        event.preventDefault();
        void form.run("unlock", () => action({ id: String(user.id) }));
      }}
    >
      {lock ? (
        <>
          <span className={`font-medium text-red-700 ${layout === "row" ? "whitespace-nowrap" : ""}`} title={lockScopeText(lock)}>
            {lockText(lock)}
            {layout === "panel" ? <span className="ml-2 font-normal text-ink">（北京时间）{lockScopeText(lock)}</span> : null}
          </span>
          <Button
            type="submit"
            tone="danger"
            compact={layout === "row"}
            className="whitespace-nowrap"
            disabled={form.busy}
            pending={form.pending === "unlock"}
            pendingText="正在解除…"
            aria-label={`解除 ${user.displayName}（${user.username}）的登录锁定`}
          >
            解除锁定
          </Button>
        </>
      ) : null}
      <FormFeedback form={form} compact />
    </form>
  );
}
