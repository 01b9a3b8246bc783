import type { Metadata } from "next";
import Link from "next/link";
import { orInterrupt } from "@/app/_lib/interrupts";
import { NotificationList } from "@/components/notifications/notification-list";
import { formatTimestamp } from "@/lib/beijing-time";
import { getPrisma } from "@/lib/db";
import { EVENT_LABEL } from "@/lib/notifications/events";
import { listNotifications } from "@/lib/notifications/inbox";
import { requireActor } from "@/lib/session/session";
import { markAllReadAction, markReadAction } from "./actions";

export const metadata: Metadata = { title: "通知" };

/** 通知: the signed-in user's notifications (the bell's list), newest first. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireActor();
  const { page } = await searchParams;
  const inbox = await orInterrupt(getPrisma().then((prisma) => listNotifications(prisma, actor, { page })));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-lg font-semibold">通知</h1>
        <Link href="/account#notifications" className="text-brand hover:underline">
          邮件提醒设置
        </Link>
      </div>
      <NotificationList
        rows={inbox.items.map((n) => ({
          id: n.id,
          eventLabel: EVENT_LABEL[n.event],
          title: n.title,
          body: n.body,
          at: formatTimestamp(n.createdAt),
          read: n.read,
        }))}
        unread={inbox.unread}
        markRead={markReadAction}
        markAllRead={markAllReadAction}
      />
      {inbox.pages > 1 ? (
        <nav aria-label="分页" className="flex items-center gap-3">
          {inbox.page > 1 ? <Link href={`/notifications?page=${inbox.page - 1}`}>上一页</Link> : null}
          <span className="text-muted">
            第 {inbox.page} / {inbox.pages} 页
          </span>
          {inbox.page < inbox.pages ? <Link href={`/notifications?page=${inbox.page + 1}`}>下一页</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
