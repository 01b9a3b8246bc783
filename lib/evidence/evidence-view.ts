import type { Prisma } from "@/lib/generated/prisma/client";

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
