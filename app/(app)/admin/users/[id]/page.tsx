import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { idSchema } from "@/lib/input";
import { orInterrupt } from "@/app/_lib/interrupts";
import { AdminHeader } from "@/components/admin/admin-tabs";
import { EditUserForm } from "@/components/admin/edit-user-form";
import { ResetPasswordForm } from "@/components/admin/reset-password-form";
import { SignInLock } from "@/components/admin/sign-in-lock";
import { ROLE_LABEL } from "@/components/layout/role-label";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { getUser } from "@/lib/users/get-user";
import { unlockUserAction } from "../actions";
import { resetPasswordAction, updateUserAction } from "./actions";

export const metadata: Metadata = { title: "编辑用户" };

const paramsSchema = z.object({ id: idSchema });

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const actor = await requireActor();
  const { user, assignments, departments, lock } = await orInterrupt(getPrisma().then((prisma) => getUser(prisma, actor, parsed.data)));
  const self = user.id === actor.id;
  return (
    <div className="space-y-4">
      <AdminHeader current="users" />
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 className="text-base font-semibold">
          {user.displayName}（{user.username}）<span className="ml-2 font-normal text-muted">{ROLE_LABEL[user.role]}</span>
          {user.active ? null : <span className="ml-2 font-medium text-red-700">已停用</span>}
        </h2>
        <div className="flex gap-4">
          <Link href={`/audit/history?entityType=User&entityId=${user.id}`} className="text-brand hover:underline">
            修改记录
          </Link>
          <Link href="/admin/users" className="text-brand hover:underline">
            ← 返回用户列表
          </Link>
        </div>
      </div>
      <SignInLock lock={lock} user={user} action={unlockUserAction} layout="panel" />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <section aria-labelledby="basic" className="rounded border border-line bg-white p-4">
          <h3 id="basic" className="mb-3 font-semibold">
            基本信息
          </h3>
          <EditUserForm
            action={updateUserAction}
            user={{ id: user.id, username: user.username, displayName: user.displayName, role: user.role, department: user.department, active: user.active }}
            departments={departments}
            self={self}
          />
        </section>
        <section aria-labelledby="password" className="rounded border border-line bg-white p-4">
          <h3 id="password" className="mb-3 font-semibold">
            重置密码
          </h3>
          <ResetPasswordForm action={resetPasswordAction} userId={user.id} />
        </section>
        <section aria-labelledby="duties" className="rounded border border-line bg-white p-4">
          <h3 id="duties" className="mb-3 font-semibold">
            分工
          </h3>
          {assignments.length === 0 ? (
            <p className="text-muted">尚未分配任何绩效目标表。</p>
          ) : (
            <ul className="space-y-1">
              {assignments.map((a) => (
                <li key={`${a.sheetId}-${a.role}`}>
                  <span className="text-muted">
                    {a.year}年 · {ROLE_LABEL[a.role]}：
                  </span>
                  <Link href={`/sheets/${a.sheetId}`} className="text-brand hover:underline">
                    {a.sheet}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <Link href={`/admin/assignments${assignments[0] ? `?year=${assignments[0].year}` : ""}`} className="mt-3 inline-block text-brand hover:underline">
            调整分工
          </Link>
        </section>
      </div>
    </div>
  );
}
