import type { Metadata } from "next";
import Link from "next/link";
import { orInterrupt } from "@/app/_lib/interrupts";
import { AdminHeader } from "@/components/admin/admin-tabs";
import { DeliveryLog } from "@/components/admin/delivery-log";
import { RobotForm } from "@/components/admin/robot-form";
import { SmtpSettingsForm } from "@/components/admin/smtp-settings-form";
import { formatTimestamp } from "@/lib/beijing-time";
import { getPrisma } from "@/lib/db";
import { getNotificationSettings } from "@/lib/notifications/admin-settings";
import { listDeliveries } from "@/lib/notifications/deliveries";
import { EVENT_LABEL } from "@/lib/notifications/events";
import { requireActor } from "@/lib/session/session";
import { removeRobotAction, resendAction, saveRobotAction, saveSmtpSettingsAction } from "./actions";

export const metadata: Metadata = { title: "通知设置" };

const STATUS_TEXT = { QUEUED: "待发送", SENT: "已发送", FAILED: "发送失败" } as const;
const FILTERS = [
  { key: undefined, label: "全部" },
  { key: "FAILED", label: "发送失败" },
  { key: "QUEUED", label: "待发送" },
  { key: "SENT", label: "已发送" },
] as const;

/** 系统管理 → 通知: SMTP, a group robot per department, and the delivery log with 重新发送 (admins). */
export default async function NotificationSettingsPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const actor = await requireActor();
  const query = await searchParams;
  const prisma = await getPrisma();
  const [settings, log] = await orInterrupt(
    Promise.all([getNotificationSettings(prisma, actor), listDeliveries(prisma, actor, { status: query.status as "QUEUED" | undefined, page: query.page })]),
  );
  const current = FILTERS.find((f) => f.key === query.status)?.key;
  return (
    <div className="space-y-4">
      <AdminHeader current="notifications" />
      <section aria-labelledby="smtp" className="space-y-2 rounded border border-line bg-white p-4">
        <h2 id="smtp" className="font-semibold">
          邮件（SMTP）
        </h2>
        <p className="text-muted">用户在「账号设置」中填写邮箱，并为每类通知选择立即发送、每日汇总或不发送。邮件由后台按队列发送，失败自动重试。</p>
        <SmtpSettingsForm action={saveSmtpSettingsAction} settings={settings.smtp} />
      </section>
      <section aria-labelledby="robots" className="space-y-3 rounded border border-line bg-white p-4">
        <h2 id="robots" className="font-semibold">
          部门群机器人
        </h2>
        <p className="text-muted">部门的月报待审核、退回、通过、重新开放和年终评价定稿等事项会发到该部门的群（企业微信、钉钉或飞书的自定义机器人）。</p>
        {settings.robots.map((row) => (
          <div key={row.departmentId} className="space-y-2 border-t border-line pt-3">
            <h3 className="font-medium">{row.departmentName}</h3>
            <RobotForm row={row} save={saveRobotAction} remove={removeRobotAction} />
          </div>
        ))}
      </section>
      <section aria-labelledby="log" className="space-y-2">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h2 id="log" className="font-semibold">
            发送记录
          </h2>
          <p className="text-muted">
            待发送 {log.counts.QUEUED} · 已发送 {log.counts.SENT} · 发送失败 {log.counts.FAILED}
          </p>
        </div>
        <nav aria-label="按状态筛选" className="flex flex-wrap gap-2">
          {FILTERS.map((f) => (
            <Link
              key={f.label}
              href={f.key ? `/admin/notifications?status=${f.key}#log` : "/admin/notifications#log"}
              aria-current={f.key === current ? "page" : undefined}
              className={`inline-flex min-h-[40px] items-center rounded border px-3 ${f.key === current ? "border-brand bg-brand text-white" : "border-line bg-white hover:border-brand"}`}
            >
              {f.label}
            </Link>
          ))}
        </nav>
        <DeliveryLog
          resend={resendAction}
          rows={log.rows.map((r) => ({
            id: r.id,
            channel: r.channel === "EMAIL" ? "邮件" : "群机器人",
            what: r.digest ? "每日汇总" : EVENT_LABEL[r.event],
            recipient: r.recipient,
            subject: r.subject,
            status: r.status,
            statusText: r.status === "QUEUED" && r.attempts > 0 ? `待重试（下次 ${formatTimestamp(r.nextAttemptAt)}）` : STATUS_TEXT[r.status],
            attempts: r.attempts,
            lastError: r.lastError,
            createdAt: formatTimestamp(r.createdAt),
          }))}
        />
        {log.pages > 1 ? (
          <nav aria-label="分页" className="flex items-center gap-3">
            {log.page > 1 ? (
              <Link href={`/admin/notifications?${new URLSearchParams({ ...(current ? { status: current } : {}), page: String(log.page - 1) })}`}>上一页</Link>
            ) : null}
            <span className="text-muted">
              第 {log.page} / {log.pages} 页
            </span>
            {log.page < log.pages ? (
              <Link href={`/admin/notifications?${new URLSearchParams({ ...(current ? { status: current } : {}), page: String(log.page + 1) })}`}>下一页</Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
