import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { evidenceStore } from "@/lib/storage/evidence-store";
import { evidenceDiskSpace, readEvidenceLimits } from "./evidence-limits";
import type { DiskSpace, EvidenceLimits } from "./storage-limits";

export interface EvidenceSettings {
  limits: EvidenceLimits;
  /** 0 while the defaults apply (nothing saved yet). */
  version: number;
  /** Where the files are (EVIDENCE_STORE), for the page. */
  store: { kind: "local" | "s3"; location: string };
  /** The evidence directory's file system now; null for S3, or when it cannot be read. */
  disk: DiskSpace | null;
  /** Bytes of every stored 佐证资料 row (as the quotas count them). */
  usedBytes: number;
}

/** 系统管理 · 佐证资料: the limits in force, the disk and what is used, for the settings form (`settings.manage`). */
export async function getEvidenceSettings(prisma: PrismaClient, actor: Actor): Promise<EvidenceSettings> {
  authorize(actor, { type: "settings.manage" });
  const [{ version, ...limits }, disk, used] = await Promise.all([
    readEvidenceLimits(prisma),
    evidenceDiskSpace().catch(() => null),
    prisma.evidenceFile.aggregate({ _sum: { sizeBytes: true } }),
  ]);
  const { kind, location } = evidenceStore();
  return { limits, version, store: { kind, location }, disk, usedBytes: used._sum.sizeBytes ?? 0 };
}
