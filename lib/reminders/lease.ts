import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

type Db = Pick<PrismaClient | Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/** The lease of the reminder scheduler (table scheduler_lease). */
export const REMINDERS_LEASE = "reminders";

/**
 * Takes or renews a lease for `holder` for `ttlMs`, in one statement, by the database's clock (so instances on machines
 * whose clocks differ agree): inserted when there is none, taken over when it has expired, renewed when `holder` has
 * it already; otherwise left alone. True when `holder` holds it now. The row's lock makes two instances asking at once
 * see each other: exactly one of them gets it. Works the same on PGlite and PostgreSQL (no advisory locks needed).
 */
export async function takeLease(db: Db, holder: string, ttlMs: number, name = REMINDERS_LEASE): Promise<boolean> {
  const rows = await db.$queryRaw<{ holder: string }[]>`
    INSERT INTO scheduler_lease (name, holder, expires_at, updated_at)
    VALUES (${name}, ${holder}, clock_timestamp() + ${ttlMs} * interval '1 millisecond', clock_timestamp())
    ON CONFLICT (name) DO UPDATE
       SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at, updated_at = EXCLUDED.updated_at
     WHERE scheduler_lease.holder = EXCLUDED.holder OR scheduler_lease.expires_at <= clock_timestamp()
    RETURNING holder`;
  return rows[0]?.holder === holder;
}

/** Gives the lease up (a stopping instance), so another takes over at once instead of after the expiry. */
export async function releaseLease(db: Db, holder: string, name = REMINDERS_LEASE): Promise<void> {
  await db.$executeRaw`UPDATE scheduler_lease SET expires_at = clock_timestamp(), updated_at = clock_timestamp() WHERE name = ${name} AND holder = ${holder}`;
}

/** Who holds the lease and until when (for the CLI's report); null when nobody ever took it. */
export async function leaseHolder(db: Db, name = REMINDERS_LEASE): Promise<{ holder: string; expiresAt: Date; active: boolean } | null> {
  const rows = await db.$queryRaw<{ holder: string; expiresAt: Date; active: boolean }[]>`
    SELECT holder, expires_at AS "expiresAt", expires_at > clock_timestamp() AS active FROM scheduler_lease WHERE name = ${name}`;
  return rows[0] ?? null;
}
