import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { putVerified } from "@/lib/storage/evidence-store";
import { ContentHashMismatchError, type EvidenceStore } from "@/lib/storage/port";
import { hashStream } from "@/lib/storage/staging";
import { FILE_TX_OPTIONS, lockContent } from "./content-lock";

/**
 * `evidence:migrate`: copies every stored file an EvidenceFile row refers to from one evidence store to the other
 * (local directory ⇄ S3), for moving an installation onto object storage or back. Each file is hashed on its way
 * in (refused before it becomes visible if its bytes are not its hash) and read back from the target and hashed
 * again. Resumable: a file the target already holds is skipped — a store makes content visible only whole and
 * only after its hash was checked, so what is there is verified. Nothing is removed from the source.
 *
 * Each file is copied under its hash's advisory lock (content-lock.ts), so a delete in the running app either
 * happens first (the file is skipped) or waits until the copy is done; the app keeps serving from the source.
 */

export type MigrationOutcome = "copied" | "present" | "deleted" | "missing" | "damaged";

export interface MigrationStep {
  /** 1-based position and the number of files. */
  index: number;
  total: number;
  sha256: string;
  size: number;
  outcome: MigrationOutcome;
  /** Why a file could not be copied. */
  problem?: string;
}

export type MigrationSummary = Record<MigrationOutcome, number> & { total: number };

export async function migrateEvidence(
  prisma: PrismaClient,
  from: EvidenceStore,
  to: EvidenceStore,
  onStep: (step: MigrationStep) => void = () => undefined,
): Promise<MigrationSummary> {
  const files = await prisma.evidenceFile.groupBy({ by: ["sha256"], _max: { sizeBytes: true }, orderBy: { sha256: "asc" } });
  const summary: MigrationSummary = { total: files.length, copied: 0, present: 0, deleted: 0, missing: 0, damaged: 0 };
  for (const [i, file] of files.entries()) {
    const sha256 = file.sha256;
    const size = file._max.sizeBytes ?? 0;
    const step = await copyOne(prisma, from, to, sha256, size);
    summary[step.outcome]++;
    onStep({ index: i + 1, total: files.length, sha256, size, ...step });
  }
  return summary;
}

async function copyOne(
  prisma: PrismaClient,
  from: EvidenceStore,
  to: EvidenceStore,
  sha256: string,
  size: number,
): Promise<{ outcome: MigrationOutcome; problem?: string }> {
  const there = await to.stat(sha256);
  if (there && there.size === size) return { outcome: "present" };
  return prisma.$transaction(async (tx) => {
    await lockContent(tx, sha256);
    if ((await tx.evidenceFile.count({ where: { sha256 } })) === 0) return { outcome: "deleted" as const };
    const source = await from.open(sha256);
    if (!source) return { outcome: "missing" as const, problem: `源存储（${from.location}）中没有该文件` };
    try {
      await putVerified(to, sha256, source.stream as unknown as AsyncIterable<Uint8Array>);
    } catch (error) {
      if (error instanceof ContentHashMismatchError) return { outcome: "damaged" as const, problem: `源文件已损坏：${error.message}` };
      throw error;
    }
    // Read back what the target now serves: the copy is done only when its bytes are the hash.
    const copy = await to.open(sha256);
    const check = copy && (await hashStream(copy.stream as unknown as AsyncIterable<Uint8Array>));
    if (check?.sha256 !== sha256) {
      await to.remove(sha256);
      return { outcome: "damaged" as const, problem: `目标存储（${to.location}）读回的内容与校验值不符，已删除该副本` };
    }
    return { outcome: "copied" as const };
  }, FILE_TX_OPTIONS);
}
