import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { auditVisibility, authorize } from "@/lib/auth/authorize";
import { beijingDayStart, isCalendarDay } from "@/lib/beijing-time";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { loadSheetScope } from "@/lib/sheets/sheet-scope";
import { idSchema } from "@/lib/input";
import { type AuditEntryView, auditEntrySelect, sheetEntriesWhere, toEntryViews, visibleAuditWhere } from "@/lib/audit/entry-view";

export const AUDIT_PAGE_SIZE = 50;

/** A calendar day `YYYY-MM-DD`. */
const daySchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 2025-07-31")
  .refine(isCalendarDay, "没有这一天");

/** A keyset cursor: the id of an entry of the page one came from. */
const cursorSchema = z.string().regex(/^\d{1,18}$/, "翻页参数有误");

export const listAuditSchema = z
  .object({
    /** Entries that belong to this sheet (see entry-view.ts for the conventions). */
    sheetId: idSchema.optional(),
    /** Entries by this user, or by the system (seed, CLI). */
    actorId: z.union([z.literal("system"), idSchema], { error: "操作人有误" }).optional(),
    /** First and last day, inclusive, Beijing time whatever the server's zone. */
    from: daySchema.optional(),
    to: daySchema.optional(),
    /** Older than this entry (the next page). */
    before: cursorSchema.optional(),
    /** Newer than this entry (the previous page). */
    after: cursorSchema.optional(),
    pageSize: z.number().int().min(1).max(200).default(AUDIT_PAGE_SIZE),
  })
  .refine((d) => !(d.from && d.to) || d.from <= d.to, { path: ["to"], message: "结束日期不能早于开始日期" })
  .refine((d) => !(d.before && d.after), { path: ["after"], message: "翻页参数有误" });

export type ListAuditInput = z.input<typeof listAuditSchema>;

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntryView[];
  /** Entries matching the filters, on every page. */
  total: number;
  /** Cursor for the newer page (`after`), null on the newest page. */
  newer: string | null;
  /** Cursor for the older page (`before`), null on the oldest page. */
  older: string | null;
}

/**
 * 操作日志: audit entries newest first, 50 a page (keyset pagination on the entry id), filtered by
 * sheet, by actor and by days. Admins read every entry, managers those of their department
 * (`auditVisibility`). Filtering by a sheet also needs the right to read that sheet.
 */
export async function listAudit(prisma: PrismaClient, actor: Actor, input: ListAuditInput = {}): Promise<AuditPage> {
  authorize(actor, { type: "audit.read" });
  const f = parseInput(listAuditSchema, input, "筛选条件有误");
  if (f.sheetId !== undefined) {
    const scope = await loadSheetScope(prisma, f.sheetId);
    if (!scope) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
    authorize(actor, { type: "sheet.read", sheet: scope });
  }
  const conditions: Prisma.AuditLogWhereInput[] = [visibleAuditWhere(auditVisibility(actor))];
  if (f.sheetId !== undefined) conditions.push(sheetEntriesWhere(f.sheetId));
  if (f.actorId !== undefined) conditions.push({ actorId: f.actorId === "system" ? null : f.actorId });
  if (f.from) conditions.push({ createdAt: { gte: beijingDayStart(f.from) } });
  if (f.to) conditions.push({ createdAt: { lt: beijingDayStart(f.to, 1) } });
  const where: Prisma.AuditLogWhereInput = { AND: conditions };

  const rows = f.after
    ? (
        await prisma.auditLog.findMany({
          where: { AND: [where, { id: { gt: BigInt(f.after) } }] },
          orderBy: { id: "asc" },
          take: f.pageSize,
          select: auditEntrySelect,
        })
      ).reverse()
    : await prisma.auditLog.findMany({
        where: f.before ? { AND: [where, { id: { lt: BigInt(f.before) } }] } : where,
        orderBy: { id: "desc" },
        take: f.pageSize,
        select: auditEntrySelect,
      });

  const first = rows[0];
  const last = rows.at(-1);
  const exists = (extra: Prisma.AuditLogWhereInput) => prisma.auditLog.findFirst({ where: { AND: [where, extra] }, select: { id: true } }).then(Boolean);
  const [total, hasNewer, hasOlder] = await Promise.all([
    prisma.auditLog.count({ where }),
    first ? exists({ id: { gt: first.id } }) : Promise.resolve(false),
    last ? exists({ id: { lt: last.id } }) : Promise.resolve(false),
  ]);
  return {
    entries: await toEntryViews(prisma, rows),
    total,
    newer: hasNewer && first ? first.id.toString() : null,
    older: hasOlder && last ? last.id.toString() : null,
  };
}
