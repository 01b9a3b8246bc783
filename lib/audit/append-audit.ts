import type { Prisma } from "@/lib/generated/prisma/client";
import { type Actor, actorId } from "@/lib/auth/actor";

type Tx = Pick<Prisma.TransactionClient, "auditLog">;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

/** Appends to the audit log inside the caller's transaction, so the change and its record stand or fall together. */
export async function appendAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actorId(actor),
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
