import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { idSchema, monthSchema } from "@/lib/input";
import { parseInput } from "@/lib/parse-input";
import { buildProgressView, type ProgressView } from "./progress-view";
import { reportingMonth } from "@/lib/figures/reporting-month";
import { type Db, loadSheetData } from "./sheet-data";

export const getProgressSchema = z.object({
  sheetId: idSchema,
  /** 1–12; omitted: the reporting month (1 before the fiscal year starts). */
  month: monthSchema.optional(),
});
export type GetProgressInput = z.input<typeof getProgressSchema>;

/** A sheet-month's progress for the page: rows with entries, lights, projected score; months; what the actor may do. */
export async function getProgress(db: Db, actor: Actor, input: GetProgressInput, options: { now?: Date } = {}): Promise<ProgressView> {
  const { sheetId, month } = parseInput(getProgressSchema, input);
  const now = options.now ?? new Date();
  const sheet = await loadSheetData(db, sheetId);
  authorize(actor, { type: "sheet.read", sheet: sheet.scope });
  return buildProgressView(sheet, actor, month ?? Math.max(1, reportingMonth(sheet.year, now)), now);
}
