import "server-only";
import { expect } from "vitest";
import type { AppError, AppErrorCode } from "@/lib/errors";
import { refusal } from "./errors";
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

/**
 * For tests: runs work that must be refused with `code` (and, if given, a problem at `path`), and checks
 * it appended nothing to the audit log.
 */
export async function expectRefused(prisma: PrismaClient, work: () => Promise<unknown>, code: AppErrorCode, path?: string): Promise<AppError> {
  const entries = await auditMark(prisma);
  const error = await refusal(work());
  expect(error.code).toBe(code);
  if (path) expect(error.problems.map((p) => p.path)).toContain(path);
  expect(await entries()).toHaveLength(0);
  return error;
}
