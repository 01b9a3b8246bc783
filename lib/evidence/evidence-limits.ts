import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { evidenceStore } from "@/lib/storage/evidence-store";
import { DEFAULT_EVIDENCE_LIMITS, type DiskSpace, diskRefusal, type EvidenceLimits, quotaRefusal } from "./storage-limits";

type Db = Pick<Prisma.TransactionClient, "evidenceLimits" | "evidenceFile">;

/** The limits in force: the admin's (系统管理), else the defaults. */
export async function readEvidenceLimits(db: Pick<Prisma.TransactionClient, "evidenceLimits">): Promise<EvidenceLimits & { version: number }> {
  const row = await db.evidenceLimits.findUnique({ where: { id: 1 } });
  return row
    ? { sheetQuotaMb: row.sheetQuotaMb, userQuotaMb: row.userQuotaMb, minFreeMb: row.minFreeMb, minFreePercent: row.minFreePercent, version: row.version }
    : { ...DEFAULT_EVIDENCE_LIMITS, version: 0 };
}

/**
 * Free space where the evidence goes: the local directory's file system. Null for object storage (S3), which has
 * no disk an upload could fill — there only the quotas apply.
 */
export async function evidenceDiskSpace(): Promise<DiskSpace | null> {
  return evidenceStore().freeSpace();
}

/**
 * Refuses (STORAGE_FULL, naming the limit) an upload of `size` bytes that would leave the local disk too full or
 * break the sheet's or the uploader's quota. Called before a byte is written, and again inside the upload's
 * transaction, where the sheet is locked and the uploader's uploads queue on an advisory lock, so parallel
 * uploads cannot together pass a quota each passes alone.
 */
export async function assertRoomFor(db: Db, upload: { sheetId: number; userId: number | null; name: string; size: number }): Promise<void> {
  const limits = await readEvidenceLimits(db);
  const space = await evidenceDiskSpace();
  const disk = space && diskRefusal(upload.name, upload.size, space, limits);
  if (disk) throw new AppError("STORAGE_FULL", disk, [{ path: "file", message: disk }]);
  const [sheet, user] = await Promise.all([
    db.evidenceFile.aggregate({ where: { sheetId: upload.sheetId }, _sum: { sizeBytes: true } }),
    upload.userId === null ? null : db.evidenceFile.aggregate({ where: { uploadedById: upload.userId }, _sum: { sizeBytes: true } }),
  ]);
  const quota = quotaRefusal(upload.name, upload.size, { sheetBytes: sheet._sum.sizeBytes ?? 0, userBytes: user?._sum.sizeBytes ?? 0 }, limits);
  if (quota) throw new AppError("STORAGE_FULL", quota, [{ path: "file", message: quota }]);
}

/** Namespace of the per-uploader advisory lock ("EVQU"). */
const QUOTA_LOCK = 0x45565155;

/** Serialises one user's uploads inside their transactions, for the quota check. */
export async function lockUploaderQuota(tx: Prisma.TransactionClient, userId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${QUOTA_LOCK}::int4, ${userId}::int4)`;
}
