import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * For tests: marks the end of the audit log now; the returned function lists the entries appended
 * since, oldest first ("each change leaves exactly one audit entry").
 */
export async function auditMark(prisma: PrismaClient) {
  const last = await prisma.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const since = last?.id ?? 0n;
  return () => prisma.auditLog.findMany({ where: { id: { gt: since } }, orderBy: { id: "asc" } });
}
