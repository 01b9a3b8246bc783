import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { loadSheetScope } from "@/lib/sheets/sheet-scope";
import { type EvidenceFileView, evidenceSelect, toEvidenceView } from "./evidence-view";
import { idOf, monthSchema } from "@/lib/input";

export interface ListEvidenceInput {
  sheetId: number;
  /** Only this month's files; all months when omitted. */
  month?: number;
  /** A number: only that indicator's files; null: only the files of the month as a whole; omitted: all. */
  indicatorId?: number | null;
}

const inputSchema = z.object({
  sheetId: idOf("绩效目标表编号有误"),
  month: monthSchema.optional(),
  indicatorId: idOf("指标编号有误").nullable().optional(),
});

/** 佐证资料 of a sheet, oldest first, for anyone who may read the sheet. */
export async function listEvidence(prisma: PrismaClient, actor: Actor, input: ListEvidenceInput): Promise<EvidenceFileView[]> {
  const { sheetId, month, indicatorId } = parseInput(inputSchema, input, "查询条件有误");
  const sheet = await loadSheetScope(prisma, sheetId);
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  authorize(actor, { type: "sheet.read", sheet });
  const rows = await prisma.evidenceFile.findMany({
    where: { sheetId, month, indicatorId },
    orderBy: [{ month: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: evidenceSelect,
  });
  return rows.map(toEvidenceView);
}
