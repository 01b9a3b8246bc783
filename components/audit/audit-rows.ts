import type { AuditEntryView } from "@/lib/audit/entry-view";
import { formatTimestamp } from "@/lib/beijing-time";
import { actionLabel, type ChangeLine, describeChanges, entityLabel } from "./describe";

/** One line of the 操作日志 as the page shows it: everything already in words (built on the server). */
export interface AuditRow {
  id: string;
  /** `2025-07-31 16:05`. */
  time: string;
  actor: string;
  action: string;
  /** What was changed: the kind of record and its name where the entry has one. */
  subject: string;
  sheet: { id: number; name: string } | null;
  /** The entity's whole history. */
  historyHref: string;
  changes: ChangeLine[];
  /** The record was deleted: `changes` list what it held. */
  deleted: boolean;
}

const NAME_KEYS = ["displayName", "name", "originalName", "user", "username"] as const;

function nameIn(json: unknown): string | null {
  if (!json || typeof json !== "object" || Array.isArray(json)) return null;
  for (const key of NAME_KEYS) {
    const value = (json as Record<string, unknown>)[key];
    if (typeof value === "string" && value) return value;
  }
  return null;
}

export function toAuditRow(entry: AuditEntryView): AuditRow {
  const name = entry.entityType === "TargetSheet" ? null : (nameIn(entry.after) ?? nameIn(entry.before));
  return {
    id: entry.id,
    time: formatTimestamp(entry.createdAt),
    actor: entry.actor ? `${entry.actor.displayName}（${entry.actor.username}）` : "系统",
    action: actionLabel(entry.action),
    subject: `${entityLabel(entry.entityType)}${name ? `「${name}」` : entry.entityType === "TargetSheet" ? "" : ` #${entry.entityId}`}`,
    sheet: entry.sheet ? { id: entry.sheet.id, name: entry.sheet.name } : null,
    historyHref: `/audit/history?${new URLSearchParams({ entityType: entry.entityType, entityId: entry.entityId })}`,
    changes: describeChanges(entry.before, entry.after),
    deleted: entry.after === null && entry.before !== null,
  };
}
