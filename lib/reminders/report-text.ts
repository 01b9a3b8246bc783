import { formatTimestamp } from "@/lib/beijing-time";
import type { PassReport } from "./run-pass";

/** What `npm run reminders:run` prints about a pass: what it queued and what it sent, in the users' words. */
export function passReportText(report: PassReport): string {
  const { reminders: r, digests: d, delivery: s } = report;
  return [
    `提醒调度：北京时间 ${formatTimestamp(report.now)}`,
    r.skipped
      ? `生成提醒：${r.skipped}`
      : `生成提醒：截止提醒 ${r.soon} 条，逾期提醒 ${r.passed} 条，管理者每日汇总 ${r.summaries} 份（站内通知 ${r.notifications} 条，待发邮件和群消息 ${r.messages} 条）`,
    `每日摘要邮件：${d.queued} 封（汇总通知 ${d.notifications} 条）`,
    `发送：成功 ${s.sent} 条，稍后重试 ${s.retrying} 条，失败 ${s.failed} 条`,
  ].join("\n");
}

/**
 * `--now` as typed: an ISO 8601 time; without a zone it is Beijing time (`2025-08-11T09:00`, `2025-08-11 09:00`). Null
 * when it is not a time.
 */
export function readNow(text: string): Date | null {
  const trimmed = text.trim().replace(" ", "T");
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(trimmed)) return null;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(trimmed) ? trimmed : `${trimmed.includes("T") ? trimmed : `${trimmed}T00:00`}+08:00`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date;
}
