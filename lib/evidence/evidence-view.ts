import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { assertPeriodOpen } from "@/lib/fiscal-years/assert-period-open";

/** One 佐证资料 file as the UI and the API show it (plain JSON: it crosses to client components). */
export interface EvidenceFileView {
  id: number;
  sheetId: number;
  /** 1–12. */
  month: number;
  /** The indicator it backs; null for the month's report as a whole. */
  indicatorId: number | null;
  /** The uploaded file's name, sanitised. */
  originalName: string;
  /** Content-Type it is served with (decided from its content, not from what the browser declared). */
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: { id: number; displayName: string } | null;
  /** ISO 8601. */
  createdAt: string;
}

export const evidenceSelect = {
  id: true,
  sheetId: true,
  month: true,
  indicatorId: true,
  originalName: true,
  mimeType: true,
  sizeBytes: true,
  sha256: true,
  createdAt: true,
  uploadedBy: { select: { id: true, displayName: true } },
} satisfies Prisma.EvidenceFileSelect;

type EvidenceRow = Prisma.EvidenceFileGetPayload<{ select: typeof evidenceSelect }>;

export const toEvidenceView = (row: EvidenceRow): EvidenceFileView => ({ ...row, createdAt: row.createdAt.toISOString() });

/** What the audit log keeps of a file (before of a delete, after of an upload). */
export const auditShape = (row: EvidenceRow) => ({
  id: row.id,
  sheetId: row.sheetId,
  month: row.month,
  indicatorId: row.indicatorId,
  originalName: row.originalName,
  mimeType: row.mimeType,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
});

const MAX_ID = 2_147_483_647;
export const idSchema = (label: string) =>
  z.number({ error: `${label}应为正整数` }).int(`${label}应为正整数`).positive(`${label}应为正整数`).max(MAX_ID, `${label}超出范围`);
export const monthSchema = z.number({ error: "月份应为 1–12" }).int("月份应为 1–12").min(1, "月份应为 1–12").max(12, "月份应为 1–12");

type Verb = "上传" | "删除";

/**
 * Refuses a change to a month that is submitted or approved (no row: draft), or inside the period an admin
 * has locked. Inside a transaction the rows are read FOR SHARE, so a submission, review or lock waits for
 * this change to commit instead of racing it.
 */
export async function assertMonthEditable(
  db: Pick<Prisma.TransactionClient, "$queryRaw" | "targetSheet">,
  sheetId: number,
  month: number,
  verb: Verb,
): Promise<void> {
  const rows = await db.$queryRaw<{ status: string }[]>`
    SELECT status::text AS status FROM sheet_month WHERE sheet_id = ${sheetId} AND month = ${month} FOR SHARE`;
  const status = rows[0]?.status ?? "DRAFT";
  if (status !== "SUBMITTED" && status !== "APPROVED") return assertPeriodOpen(db, sheetId, month, `${verb}佐证资料`);
  const sheet = await db.targetSheet.findUnique({ where: { id: sheetId }, select: { fiscalYear: { select: { year: true } } } });
  const when = `${sheet ? `${sheet.fiscalYear.year}年` : ""}${month}月`;
  throw new AppError("LOCKED", `${when}${status === "SUBMITTED" ? "已提交" : "已审核通过"}，不能再${verb}佐证资料`);
}
