"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useId, useRef, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { returnPath } from "@/lib/session/return-path";
import { signInErrorMessage } from "@/lib/session/sign-in-error";

/**
 * Signs in with next-auth's credentials provider. `redirect: false` keeps next-auth from building an
 * absolute URL (it would need NEXTAUTH_URL); the form navigates by relative path itself. The inputs
 * are uncontrolled, so what was typed survives hydration and a refused attempt keeps the username.
 */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "");
    const password = String(form.get("password") ?? "");
    if (!username.trim() || !password) {
      setError("请输入用户名和密码");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { username, password, redirect: false });
      if (result?.ok && !result.error) {
        // Checked again here: whoever renders this form, the browser only ever goes to a path of this site.
        window.location.assign(returnPath(callbackUrl));
        return;
      }
      setError(signInErrorMessage(result?.error, result?.status));
    } catch {
      setError("无法连接服务器，请稍后重试");
    }
    setPending(false);
    if (passwordRef.current) {
      passwordRef.current.value = "";
      passwordRef.current.focus();
    }
  }

  const field = "w-full rounded border border-line bg-white px-2 py-1.5 focus:border-brand";
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={error ? errorId : undefined}>
      <div className="space-y-1">
        <label htmlFor="username" className="block font-medium">
          用户名
        </label>
        {/* biome-ignore lint/a11y/noAutofocus: the login page has one task, and its first field is where it starts */}
        <input id="username" name="username" autoComplete="username" autoFocus aria-invalid={error ? true : undefined} className={field} />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block font-medium">
          密码
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          ref={passwordRef}
          aria-invalid={error ? true : undefined}
          className={field}
        />
      </div>
      {error ? (
        <p id={errorId} role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending || !hydrated}
        className="w-full rounded bg-brand px-3 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60"
      >
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
