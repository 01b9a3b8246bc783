import type { Metadata } from "next";
import { orInterrupt } from "@/app/_lib/interrupts";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { NotificationSettingsForm } from "@/components/account/notification-settings-form";
import { ROLE_LABEL } from "@/components/layout/role-label";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { EVENT_LABEL, NOTIFICATION_EVENTS } from "@/lib/notifications/events";
import { getOwnNotificationSettings } from "@/lib/notifications/own-preferences";
import { getOwnAccount } from "@/lib/users/get-own-account";
import { changeOwnPasswordAction, saveNotificationSettingsAction } from "./actions";

export const metadata: Metadata = { title: "账号设置" };

export default async function AccountPage() {
  const actor = await requireActor();
  const prisma = await getPrisma();
  const [account, notifications] = await orInterrupt(Promise.all([getOwnAccount(prisma, actor), getOwnNotificationSettings(prisma, actor)]));
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">账号设置</h1>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <section aria-labelledby="me" className="rounded border border-line bg-white p-4">
          <h2 id="me" className="mb-3 font-semibold">
            我的账号
          </h2>
          <dl className="grid grid-cols-[5em_1fr] gap-y-2">
            <dt className="text-muted">用户名</dt>
            <dd>{account.username}</dd>
            <dt className="text-muted">姓名</dt>
            <dd>{account.displayName}</dd>
            <dt className="text-muted">角色</dt>
            <dd>{ROLE_LABEL[account.role]}</dd>
            <dt className="text-muted">部门</dt>
            <dd>{account.department ?? "—"}</dd>
          </dl>
          <p className="mt-3 text-xs text-muted">姓名、角色和部门由管理员维护。</p>
        </section>
        <section aria-labelledby="password" className="rounded border border-line bg-white p-4">
          <h2 id="password" className="mb-1 font-semibold">
            修改密码
          </h2>
          <p className="mb-3 text-xs text-muted">修改后，本账号在所有浏览器上的登录都将失效，需要用新密码重新登录。</p>
          <ChangePasswordForm action={changeOwnPasswordAction} />
        </section>
        <section id="notifications" aria-labelledby="notify" className="rounded border border-line bg-white p-4">
          <h2 id="notify" className="mb-1 font-semibold">
            通知
          </h2>
          <p className="mb-3 text-xs text-muted">
            站内通知（右上角的铃铛）总会送达。{notifications.mailEnabled ? "" : "管理员尚未启用邮件发送，以下设置在启用后生效。"}
          </p>
          <NotificationSettingsForm
            action={saveNotificationSettingsAction}
            email={notifications.email}
            events={NOTIFICATION_EVENTS.map((event) => ({ event, label: EVENT_LABEL[event], mode: notifications.modes[event] }))}
            draftKey={`${actor.id}:notification-settings`}
          />
        </section>
      </div>
    </div>
  );
}
