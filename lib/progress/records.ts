import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Likelihood, MonthStatus, QualitativeStatus } from "@/lib/generated/prisma/enums";
import { LIKELIHOOD_LABEL, MONTH_STATUS_LABEL, QUALITATIVE_LABEL } from "./labels";
import type { EntryFields } from "./write-entries";

/**
 * What the audit log keeps of each record this slice changes (before/after), and how a stale save is explained:
 * the version the user started from is looked up in the audit log, so the message can say what changed since.
 * Every snapshot names its sheet and month.
 */

type Dec = { toString(): string } | null;
const str = (d: Dec): string | null => (d === null ? null : d.toString());

export interface EntrySnapshot extends EntryFields {
  sheetId: number;
  month: number;
  indicatorId: number;
  indicator: string;
  version: number;
}

export function entrySnapshot(
  sheetId: number,
  indicator: { id: number; name: string },
  e: {
    month: number;
    value: Dec;
    qualitativeValue: QualitativeStatus | null;
    likelihood: Likelihood | null;
    forecast: Dec;
    deviationReason: string;
    improvement: string;
    version: number;
  },
): EntrySnapshot {
  return {
    sheetId,
    month: e.month,
    indicatorId: indicator.id,
    indicator: indicator.name,
    value: str(e.value),
    qualitativeValue: e.qualitativeValue,
    likelihood: e.likelihood,
    forecast: str(e.forecast),
    deviationReason: e.deviationReason,
    improvement: e.improvement,
    version: e.version,
  };
}

export interface MonthSnapshot {
  sheetId: number;
  month: number;
  status: MonthStatus;
  executed: string | null;
  reviewComment: string;
  version: number;
}

export function monthSnapshot(m: {
  sheetId: number;
  month: number;
  status: MonthStatus;
  executed: Dec;
  reviewComment: string;
  version: number;
}): MonthSnapshot {
  return { sheetId: m.sheetId, month: m.month, status: m.status, executed: str(m.executed), reviewComment: m.reviewComment, version: m.version };
}

// ── Explaining a stale save ─────────────────────────────────────────────────────────────────────────────

const ENTRY_FIELDS: [keyof EntrySnapshot, string][] = [
  ["value", "实际完成值"],
  ["qualitativeValue", "实际完成值"],
  ["likelihood", "完成目标可能性"],
  ["forecast", "全年预计完成值"],
  ["deviationReason", "偏差原因"],
  ["improvement", "改进措施"],
];
const MONTH_FIELDS: [keyof MonthSnapshot, string][] = [
  ["executed", "执行数"],
  ["status", "状态"],
  ["reviewComment", "审核意见"],
];

function shown(field: string, v: unknown): string {
  if (v === null || v === undefined || v === "") return "空";
  if (field === "qualitativeValue") return QUALITATIVE_LABEL[v as QualitativeStatus] ?? String(v);
  if (field === "likelihood") return LIKELIHOOD_LABEL[v as Likelihood] ?? String(v);
  if (field === "status") return MONTH_STATUS_LABEL[v as MonthStatus] ?? String(v);
  const text = String(v);
  if (field === "value" || field === "forecast" || field === "executed") return text;
  return `“${text.length > 30 ? `${text.slice(0, 30)}…` : text}”`;
}

type AuditReader = Pick<Prisma.TransactionClient, "auditLog">;

/** The record as it was at `version`, from the audit log; an empty record for version 0; null when unknown. */
async function snapshotAt(tx: AuditReader, entityType: string, entityId: number, version: number): Promise<Record<string, unknown> | null> {
  // Version 0: the record did not exist yet (a month without a record is a draft).
  if (version === 0) return entityType === "SheetMonth" ? { status: "DRAFT" } : {};
  const entry = await tx.auditLog.findFirst({
    where: { entityType, entityId: String(entityId), after: { path: ["version"], equals: version } },
    orderBy: { id: "desc" },
    select: { after: true },
  });
  const after = entry?.after;
  return after && typeof after === "object" && !Array.isArray(after) ? (after as Record<string, unknown>) : null;
}

/**
 * `「name」已被他人修改：实际完成值现为 X（你修改前为 Y）；…` — what changed between the version the user started
 * from and the current record.
 */
export async function describeStale(
  tx: AuditReader,
  what: { name: string; entityType: "ProgressEntry" | "SheetMonth"; entityId: number; baseVersion: number; current: EntrySnapshot | MonthSnapshot },
): Promise<string> {
  const fields = what.entityType === "ProgressEntry" ? ENTRY_FIELDS : MONTH_FIELDS;
  const base = await snapshotAt(tx, what.entityType, what.entityId, what.baseVersion);
  const current = what.current as unknown as Record<string, unknown>;
  if (base) {
    const changes = fields
      .filter(([field]) => (base[field] ?? null) !== (current[field] ?? null) && !(isBlank(base[field]) && isBlank(current[field])))
      .map(([field, label]) => `${label}现为 ${shown(field, current[field])}（你修改前为 ${shown(field, base[field])}）`);
    if (changes.length > 0) return `「${what.name}」已被他人修改：${changes.join("；")}`;
  }
  return `「${what.name}」已被他人修改（现为第 ${what.current.version} 版，你修改前为第 ${what.baseVersion} 版），请刷新后重新填写`;
}

const isBlank = (v: unknown) => v === null || v === undefined || v === "";
