import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { evidenceStore } from "@/lib/storage/evidence-store";

/**
 * Stored files are shared by every row with the same hash, so "is this file still referenced?" and
 * "put the file in place" must not interleave between requests (an upload reusing a file that a delete
 * is removing). Both happen inside a transaction holding a PostgreSQL advisory lock on the hash, which
 * works the same on PGlite and on a PostgreSQL server shared by several app processes.
 */

/** Namespace of the advisory locks taken here ("EVID"). */
const LOCK_NAMESPACE = 0x45564944;

/** Transactions that touch stored files write a file of up to 20 MB while holding a lock. */
export const FILE_TX_OPTIONS = { maxWait: 15_000, timeout: 60_000 } as const;

/** Takes the transaction-scoped lock of a content hash; released at commit or rollback. */
export async function lockContent(tx: Prisma.TransactionClient, sha256: string): Promise<void> {
  const key = Number.parseInt(sha256.slice(0, 8), 16) | 0; // the first 32 bits, as a signed int4
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int4, ${key}::int4)`;
}

/** Removes the stored file of a hash unless some row still refers to it. */
export async function removeIfUnreferenced(prisma: PrismaClient, sha256: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    await lockContent(tx, sha256);
    if ((await tx.evidenceFile.count({ where: { sha256 } })) > 0) return false;
    await evidenceStore().remove(sha256);
    return true;
  }, FILE_TX_OPTIONS);
}
