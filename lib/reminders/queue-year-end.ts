import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadDeadlines } from "@/lib/deadlines/load-deadlines";
import type { YearEndKind } from "@/lib/deadlines/rules";
import type { NotifyEvent } from "@/lib/notifications/notify";
import { type YearEndPhase, yearEndPhase, yearEndText, yearEndYears } from "./rules";

/** Who owes each year-end piece of work, and which evaluation shows it done (FINAL). */
const OWED_BY = {
  SELF_EVALUATION: { role: "LEAD", evaluation: "SELF", key: "self-evaluation" },
  EVALUATION: { role: "EVALUATOR", evaluation: "EVALUATOR", key: "evaluation" },
} as const;

export interface YearEndRaised {
  soon: number;
  passed: number;
}

/**
 * 年度自评 and 年终评价 reminders (rules.ts yearEndPhase): to the leads of every published sheet whose 自评 is not final,
 * and to the evaluators of every one whose 年终评价 is not, once per sheet and phase. `raise` commits one event and
 * says whether it added anything.
 */
export async function queueYearEndReminders(prisma: PrismaClient, now: Date, raise: (event: NotifyEvent) => Promise<boolean>): Promise<YearEndRaised> {
  const raised: YearEndRaised = { soon: 0, passed: 0 };
  const years = await prisma.fiscalYear.findMany({ where: { year: { in: yearEndYears(now) } }, select: { id: true, year: true } });
  const deadlines = await loadDeadlines(prisma, years);
  for (const year of years) {
    const d = deadlines.get(year.id)!;
    for (const [kind, due] of [
      ["SELF_EVALUATION", d.selfEvaluation.due],
      ["EVALUATION", d.evaluation.due],
    ] as const) {
      const phase = yearEndPhase(due, now);
      if (!phase) continue;
      for (const c of await candidates(prisma, year.id, kind, phase)) {
        const added = await raise({
          type: phase === "soon" ? "DEADLINE_SOON" : "DEADLINE_PASSED",
          recipients: c.recipients,
          sheetId: c.sheet.id,
          month: null,
          ...yearEndText(kind, phase, c.sheet, year.year, due, now),
          idempotencyKey: c.key,
          // As for a month's reminders: the department's robot hears of these in the daily summary, not one by one.
          departmentId: null,
          at: now,
        });
        if (added) raised[phase] += 1;
      }
    }
  }
  return raised;
}

interface Candidate {
  sheet: { id: number; name: string };
  recipients: number[];
  key: string;
}

/** The published sheets of the year whose evaluation of this kind is not final, with someone to remind, not yet reminded. */
async function candidates(prisma: PrismaClient, fiscalYearId: number, kind: YearEndKind, phase: YearEndPhase): Promise<Candidate[]> {
  const owed = OWED_BY[kind];
  const sheets = await prisma.targetSheet.findMany({
    where: { fiscalYearId, status: "PUBLISHED", evaluations: { none: { kind: owed.evaluation, status: "FINAL" } } },
    select: { id: true, name: true, assignments: { where: { role: owed.role, user: { active: true } }, select: { userId: true }, orderBy: { userId: "asc" } } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  const keyOf = (sheetId: number) => `${owed.key}-${phase}:${sheetId}`;
  const withPeople = sheets.filter((s) => s.assignments.length > 0);
  const done = withPeople.length
    ? await prisma.notification.findMany({
        where: { event: phase === "soon" ? "DEADLINE_SOON" : "DEADLINE_PASSED", month: null, sheetId: { in: withPeople.map((s) => s.id) } },
        select: { idempotencyKey: true },
      })
    : [];
  // Each recipient's row is `<key>:u<id>`: a sheet is done once any of its rows exists.
  const reminded = new Set(done.map((n) => n.idempotencyKey.replace(/:(u\d+|robot)$/, "")));
  return withPeople
    .filter((s) => !reminded.has(keyOf(s.id)))
    .map((s) => ({ sheet: { id: s.id, name: s.name }, recipients: s.assignments.map((a) => a.userId), key: keyOf(s.id) }));
}
