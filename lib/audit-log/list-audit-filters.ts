import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { auditVisibility, authorize } from "@/lib/auth/authorize";
import { readableSheetsWhere } from "@/lib/sheets/sheet-scope";
import { visibleAuditWhere } from "@/lib/audit/entry-view";

export interface AuditFilterOptions {
  /** Sheets the actor may read, newest year first, in document order. */
  sheets: { id: number; name: string; year: number }[];
  /** Admins: everybody who may appear as the actor of an entry; managers: the actors of the entries they may read. */
  users: { id: number; username: string; displayName: string; active: boolean }[];
}

/** The choices of the 操作日志 filters (admins and managers): nothing the actor may not read. */
export async function listAuditFilters(prisma: PrismaClient, actor: Actor): Promise<AuditFilterOptions> {
  authorize(actor, { type: "audit.read" });
  const visibility = auditVisibility(actor);
  // A manager is not shown other departments' people: only who acted in the entries they may read.
  const usersWhere = "all" in visibility ? {} : { auditEntries: { some: visibleAuditWhere(visibility) } };
  const [sheets, users] = await Promise.all([
    prisma.targetSheet.findMany({
      where: readableSheetsWhere(actor),
      orderBy: [{ fiscalYear: { year: "desc" } }, { position: "asc" }, { id: "asc" }],
      select: { id: true, name: true, fiscalYear: { select: { year: true } } },
    }),
    prisma.user.findMany({
      where: usersWhere,
      orderBy: [{ active: "desc" }, { username: "asc" }],
      select: { id: true, username: true, displayName: true, active: true },
    }),
  ]);
  return { sheets: sheets.map((s) => ({ id: s.id, name: s.name, year: s.fiscalYear.year })), users };
}
