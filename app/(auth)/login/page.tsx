import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { LoginForm } from "@/components/auth/login-form";
import { returnPath } from "@/lib/session/return-path";
import { getActor } from "@/lib/session/session";

export const metadata: Metadata = { title: "登录" };

const searchSchema = z.object({ callbackUrl: z.union([z.string(), z.array(z.string())]).optional(), notice: z.unknown().optional() });

/** Why the user is here, when another page sent them (the only notice so far: after changing the password). */
const NOTICES: Record<string, string> = { "password-changed": "密码已修改，请用新密码重新登录。" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = searchSchema.safeParse(await searchParams);
  const raw = parsed.success ? parsed.data.callbackUrl : undefined;
  // Only a path on this site, never an absolute URL someone put in a link (lib/session/return-path.ts).
  const callbackUrl = returnPath(Array.isArray(raw) ? raw[0] : (raw ?? "/"));
  if (await getActor()) redirect(callbackUrl);
  const notice = parsed.success && typeof parsed.data.notice === "string" ? NOTICES[parsed.data.notice] : undefined;

  return (
    <main className="flex min-h-screen items-start justify-center px-4 pt-[12vh]">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-center text-xl font-semibold text-brand">绩效目标管理</h1>
        <p className="mb-6 text-center text-muted">项目支出与部门整体绩效目标</p>
        <section aria-labelledby="login-title" className="rounded border border-line bg-white p-6 shadow-sm">
          <h2 id="login-title" className="mb-4 text-base font-semibold">
            登录
          </h2>
          {notice ? (
            <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 px-3 py-2 text-green-800">
              {notice}
            </p>
          ) : null}
          <LoginForm callbackUrl={callbackUrl} />
        </section>
      </div>
    </main>
  );
}
