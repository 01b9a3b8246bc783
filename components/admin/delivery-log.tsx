"use client";

import { Button } from "@/components/ui/button";
import { FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";

export interface DeliveryLogRow {
  id: number;
  channel: string;
  what: string;
  recipient: string;
  subject: string;
  status: "QUEUED" | "SENT" | "FAILED";
  statusText: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

const STATUS_CLASS = { QUEUED: "text-amber-800", SENT: "text-green-800", FAILED: "text-red-800 font-semibold" } as const;

/** 发送记录: newest first; an unsent message shows its error and can be sent again. Cards on a phone, a table on wider screens. */
export function DeliveryLog({ rows, resend }: { rows: DeliveryLogRow[]; resend: Action }) {
  const form = useActionForm({ initial: {}, guard: false });
  if (rows.length === 0) return <p className="rounded border border-line bg-white p-4 text-muted">暂无发送记录。</p>;
  const resendButton = (row: DeliveryLogRow) =>
    // A message not yet tried is on its way already; one that failed (or waits for its retry) can go now.
    row.status === "SENT" || (row.status === "QUEUED" && row.attempts === 0) ? null : (
      <Button
        tone="secondary"
        compact
        disabled={form.busy}
        pending={form.pending === `resend-${row.id}`}
        pendingText="正在加入…"
        aria-label={`重新发送：${row.subject}`}
        onClick={() => void form.run(`resend-${row.id}`, () => resend({ id: String(row.id) }))}
      >
        重新发送
      </Button>
    );
  return (
    <div className="space-y-2">
      <FormFeedback form={form} compact />
      <ul className="space-y-2 md:hidden" aria-label="发送记录">
        {rows.map((row) => (
          <li key={row.id} className="space-y-1 rounded border border-line bg-white p-3">
            <p className="flex flex-wrap justify-between gap-2 text-xs text-muted">
              <span>
                {row.createdAt} · {row.channel} · {row.what}
              </span>
              <span className={STATUS_CLASS[row.status]}>{row.statusText}</span>
            </p>
            <p className="break-words">{row.subject}</p>
            <p className="break-all text-xs text-muted">{row.recipient}</p>
            {row.lastError ? <p className="break-words text-xs text-red-800">错误：{row.lastError}</p> : null}
            {resendButton(row)}
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full border-collapse bg-white text-left">
          <caption className="sr-only">发送记录</caption>
          <thead className="bg-head">
            <tr>
              {["时间", "方式", "收件方", "主题", "状态", "次数", "错误", ""].map((h, i) => (
                <th key={i} scope="col" className="border border-line px-2 py-1 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className="whitespace-nowrap border border-line px-2 py-1">{row.createdAt}</td>
                <td className="whitespace-nowrap border border-line px-2 py-1">
                  {row.channel}
                  <span className="block text-xs text-muted">{row.what}</span>
                </td>
                <td className="border border-line px-2 py-1 break-all">{row.recipient}</td>
                <td className="border border-line px-2 py-1">{row.subject}</td>
                <td className={`whitespace-nowrap border border-line px-2 py-1 ${STATUS_CLASS[row.status]}`}>{row.statusText}</td>
                <td className="border border-line px-2 py-1 text-right">{row.attempts}</td>
                <td className="max-w-xs border border-line px-2 py-1 text-xs break-words text-red-800">{row.lastError ?? ""}</td>
                <td className="border border-line px-2 py-1">{resendButton(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
