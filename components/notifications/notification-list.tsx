"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";

export interface NotificationRow {
  id: number;
  eventLabel: string;
  title: string;
  body: string;
  /** Beijing time, as shown. */
  at: string;
  read: boolean;
}

/**
 * The notification centre's list: newest first, unread ones marked; 查看 follows the link (and marks it read),
 * 标为已读 and 全部标为已读 only mark.
 */
export function NotificationList({ rows, unread, markRead, markAllRead }: { rows: NotificationRow[]; unread: number; markRead: Action; markAllRead: Action }) {
  const form = useActionForm({ initial: {}, guard: false });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-muted">{unread > 0 ? `${unread} 条未读` : "没有未读通知"}</p>
        {unread > 0 ? (
          <Button
            tone="secondary"
            disabled={form.busy}
            pending={form.pending === "all"}
            pendingText="正在标记…"
            onClick={() => void form.run("all", () => markAllRead({}))}
          >
            全部标为已读
          </Button>
        ) : null}
        <FormFeedback form={form} compact />
      </div>
      {rows.length === 0 ? (
        <p className="rounded border border-line bg-white p-4 text-muted">暂无通知。月报被退回、审核通过、待审核，年终评价定稿等事项会在这里提醒你。</p>
      ) : (
        <ul className="divide-y divide-line rounded border border-line bg-white" aria-label="通知列表">
          {rows.map((n) => (
            <li key={n.id} className={`flex flex-col gap-2 p-3 sm:flex-row sm:items-start ${n.read ? "" : "bg-brand/5"}`}>
              <div className="min-w-0 flex-1 space-y-1">
                <p className="flex flex-wrap items-center gap-x-2 text-xs text-muted">
                  {n.read ? null : <span className="rounded bg-red-600 px-1.5 text-white">未读</span>}
                  <span>{n.eventLabel}</span>
                  <time>{n.at}</time>
                </p>
                <p className={`break-words ${n.read ? "" : "font-semibold"}`}>{n.title}</p>
                {n.body ? <p className="whitespace-pre-line break-words text-muted">{n.body}</p> : null}
              </div>
              <div className="flex shrink-0 gap-2">
                <Link
                  href={`/notifications/${n.id}/open`}
                  prefetch={false}
                  aria-label={`查看：${n.title}`}
                  className="inline-flex min-h-[40px] items-center rounded border border-brand bg-brand px-4 text-white hover:bg-brand-dark"
                >
                  查看
                </Link>
                {n.read ? null : (
                  <Button
                    tone="plain"
                    disabled={form.busy}
                    aria-label={`标为已读：${n.title}`}
                    onClick={() => void form.run(`read-${n.id}`, () => markRead({ id: String(n.id) }))}
                  >
                    标为已读
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
