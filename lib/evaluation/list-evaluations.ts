import "server-only";
import { z } from "zod";
import { yearSchema } from "@/lib/input";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/parse-input";
import { Decimal, fmt2 } from "@/lib/scoring/decimal";
import { listYears } from "@/lib/sheets/list-sheets";
import { readableSheetsWhere } from "@/lib/sheets/sheet-scope";
import { loadYearDeadlines } from "@/lib/deadlines/load-deadlines";
import { countdownText, daysUntil, type DeadlineView, dueText, isPastDue } from "@/lib/deadlines/rules";
import { loadEvaluationDataMany } from "./evaluation-data";
import type { EvaluationState } from "./labels";
import { scoreStored } from "./score-evaluation";

export const listEvaluationsSchema = z.object({ year: yearSchema.optional() });
export type ListEvaluationsInput = z.input<typeof listEvaluationsSchema>;

export interface EvaluationListRow {
  sheetId: number;
  kind: "PROJECT" | "DEPARTMENT";
  unit: string;
  name: string;
  lead: string;
  /** What the actor does with it: evaluate, self-evaluate, or look. */
  role: "evaluator" | "lead" | "viewer";
  /** The evaluator's evaluation. */
  state: EvaluationState;
  /** Recorded total when final; else the engine's total of the draft as saved (pending parts count 0). */
  total: string | null;
  grade: string | null;
  complete: boolean;
  selfState: EvaluationState;
  selfTotal: string | null;
  /** The year's 年终评价 deadline has passed and the evaluation is not final. */
  overdue: boolean;
  /** The year's 自评 deadline has passed and the lead's 自评 is not submitted (final). */
  selfOverdue: boolean;
}

/** A year-end deadline as the list shows it (Beijing time). */
export interface YearEndDue {
  /** `2026-01-31 23:59`. */
  due: string;
  /** `还剩3天` / `今天截止` / `已逾期5天`. */
  countdown: string;
  past: boolean;
}

export interface EvaluationList {
  year: number | null;
  years: number[];
  rows: EvaluationListRow[];
  /** The year's 自评 and 年终评价 deadlines (lib/deadlines); null without a year. */
  deadlines: { selfEvaluation: YearEndDue; evaluation: YearEndDue } | null;
}

const yearEndDue = (view: DeadlineView, now: Date): YearEndDue => ({
  due: dueText(view.due),
  countdown: countdownText(daysUntil(view.due, now)),
  past: isPastDue(view.due, now),
});

/**
 * 待评价: an evaluator's assigned sheets, a lead's own sheets (for their self-evaluation), a manager's department,
 * everything for an admin — each with the state and score of its evaluations.
 */
export async function listEvaluations(prisma: PrismaClient, actor: Actor, input: ListEvaluationsInput = {}, now = new Date()): Promise<EvaluationList> {
  const data = parseInput(listEvaluationsSchema, input);
  authorize(actor, { type: "sheets.list" });
  const years = await listYears(prisma);
  const year = data.year ?? years[0] ?? null;
  if (year === null) return { year, years, rows: [], deadlines: null };
  const fiscalYear = await prisma.fiscalYear.findUnique({ where: { year }, select: { id: true, year: true } });
  const due = fiscalYear ? await loadYearDeadlines(prisma, fiscalYear) : null;
  const deadlines = due ? { selfEvaluation: yearEndDue(due.selfEvaluation, now), evaluation: yearEndDue(due.evaluation, now) } : null;

  const where: Prisma.TargetSheetWhereInput = { AND: [{ fiscalYear: { year }, status: "PUBLISHED" }, readableSheetsWhere(actor)] };
  const sheets = await prisma.targetSheet.findMany({ where, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
  const rows: EvaluationListRow[] = [];
  // The where above is the actor's share of `sheet.read`, so no row needs judging again.
  for (const sheet of await loadEvaluationDataMany(
    prisma,
    sheets.map((s) => s.id),
    { progress: false },
  )) {
    const ev = sheet.evaluations.EVALUATOR;
    const self = sheet.evaluations.SELF;
    let total: string | null = null;
    let grade: string | null = null;
    let complete = false;
    if (ev?.status === "FINAL" && ev.total !== null) {
      total = fmt2(new Decimal(ev.total));
      grade = ev.grade;
      complete = true;
    } else if (ev) {
      const s = scoreStored(sheet, ev).score;
      total = fmt2(s.total);
      grade = s.grade;
      complete = s.complete;
    }
    rows.push({
      sheetId: sheet.id,
      kind: sheet.kind,
      unit: sheet.unit,
      name: sheet.name,
      lead: sheet.lead,
      role: can(actor, { type: "evaluation.write", sheet: sheet.scope })
        ? "evaluator"
        : can(actor, { type: "self-evaluation.write", sheet: sheet.scope })
          ? "lead"
          : "viewer",
      state: ev?.status ?? "NONE",
      total,
      grade,
      complete,
      selfState: self?.status ?? "NONE",
      selfTotal: self?.status === "FINAL" && self.total !== null ? fmt2(new Decimal(self.total)) : self ? fmt2(scoreStored(sheet, self).score.total) : null,
      overdue: (deadlines?.evaluation.past ?? false) && ev?.status !== "FINAL",
      selfOverdue: (deadlines?.selfEvaluation.past ?? false) && self?.status !== "FINAL",
    });
  }
  return { year, years, rows, deadlines };
}
