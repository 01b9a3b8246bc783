import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { type Day, resolveDeadlines, type StoredDeadline, type YearDeadlines } from "./rules";

export type DeadlineDb = Pick<PrismaClient | Prisma.TransactionClient, "deadline">;

/** A DATE column as Prisma reads it (UTC midnight of that day) → the day; and back. */
export const dayOfDate = (date: Date): Day => date.toISOString().slice(0, 10);
export const dateOfDay = (day: Day): Date => new Date(`${day}T00:00:00.000Z`);

/** The deadlines of fiscal years (stored ones over the defaults), by fiscal year id. */
export async function loadDeadlines(db: DeadlineDb, years: readonly { id: number; year: number }[]): Promise<Map<number, YearDeadlines>> {
  if (years.length === 0) return new Map();
  const rows = await db.deadline.findMany({
    where: { fiscalYearId: { in: years.map((y) => y.id) } },
    select: { fiscalYearId: true, kind: true, month: true, dueDate: true, note: true },
  });
  return new Map(
    years.map((y) => {
      const stored: StoredDeadline[] = rows
        .filter((r) => r.fiscalYearId === y.id)
        .map((r) => ({ kind: r.kind, month: r.month, due: dayOfDate(r.dueDate), note: r.note }));
      return [y.id, resolveDeadlines(y.year, stored)];
    }),
  );
}

/** One fiscal year's deadlines. */
export async function loadYearDeadlines(db: DeadlineDb, fiscalYear: { id: number; year: number }): Promise<YearDeadlines> {
  return (await loadDeadlines(db, [fiscalYear])).get(fiscalYear.id)!;
}
