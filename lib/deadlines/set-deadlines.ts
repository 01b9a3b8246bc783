import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import { asJson } from "@/lib/audit/as-json";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { TEXT_MAX, textOf, yearSchema } from "@/lib/input";
import { parseInput } from "@/lib/parse-input";
import { dateOfDay, loadYearDeadlines } from "./load-deadlines";
import { type DeadlineView, type Day, defaultReportDue, defaultYearEndDue, dueProblem, readDay, type StoredDeadline, type YearDeadlines } from "./rules";

const entry = z.object({
  /** The deadline day as typed; blank: the default. */
  due: z.string({ error: "截止日应为日期" }).max(20, "截止日应为日期，如 2025-08-10"),
  note: textOf("说明", { max: TEXT_MAX.reason }).default(""),
});

export const setDeadlinesSchema = z.object({
  year: yearSchema,
  /** Months 1–12 in order. */
  months: z.array(entry).length(12, "应有 1–12 月的截止日"),
  selfEvaluation: entry,
  evaluation: entry,
  /** deadlinesFingerprint of the deadlines the form was read from: a save over someone else's change is refused. */
  read: z.string().max(20_000),
});
export type SetDeadlinesInput = z.input<typeof setDeadlinesSchema>;

/** The deadlines as the form shows them, as one string: what a concurrent change is detected by. */
export const deadlinesFingerprint = (d: YearDeadlines): string =>
  JSON.stringify([...d.months.map((m) => [m.due, m.note, m.isDefault]), ...[d.selfEvaluation, d.evaluation].map((v) => [v.due, v.note, v.isDefault])]);

interface Wanted extends StoredDeadline {
  label: string;
  path: string;
  /** Stored as a row: a day other than the default, or with a note. */
  stored: boolean;
}

export interface SetDeadlinesResult {
  year: number;
  /** What changed, in the users' words: `3月 → 2025-04-14（清明假期顺延）`. */
  changes: string[];
  /** The fingerprint of the deadlines now: what the form sends with its next save. */
  read: string;
}

/**
 * 填报期限: an admin sets a fiscal year's reporting deadlines (per month) and year-end deadlines. A blank day, or the
 * default day without a note, means the default (no row). One transaction with the year's row locked; refused when
 * the deadlines changed since the form was read; audited as `deadline.set` with what changed.
 */
export async function setDeadlines(prisma: PrismaClient, actor: Actor, input: SetDeadlinesInput): Promise<SetDeadlinesResult> {
  authorize(actor, { type: "fiscal-year.manage" });
  const parsed = parseInput(setDeadlinesSchema, input, "填报期限有误");
  const { year } = parsed;
  const wanted = readWanted(parsed);
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM fiscal_year WHERE year = ${year} FOR UPDATE`;
    const fiscalYear = rows[0];
    if (!fiscalYear) throw new AppError("NOT_FOUND", `没有${year}年`, [{ path: "year", message: `没有${year}年，请先新增年度` }]);
    const current = await loadYearDeadlines(tx, { id: fiscalYear.id, year });
    if (deadlinesFingerprint(current) !== parsed.read) {
      throw new AppError("CONFLICT", `${year}年的填报期限已被他人修改，请刷新页面后重新填写`);
    }
    const before = viewsOf(current);
    const changed = wanted.filter((w) => {
      const was = before.get(w.path)!;
      return was.isDefault === w.stored || (w.stored && (was.due !== w.due || was.note !== w.note));
    });
    if (changed.length === 0) throw new AppError("INVALID", `${year}年的填报期限未作更改`);
    for (const w of changed) {
      const key = { fiscalYearId_kind_month: { fiscalYearId: fiscalYear.id, kind: w.kind, month: w.month } };
      if (w.stored) {
        const data = { dueDate: dateOfDay(w.due), note: w.note };
        await tx.deadline.upsert({ where: key, create: { fiscalYearId: fiscalYear.id, kind: w.kind, month: w.month, ...data }, update: data });
      } else {
        await tx.deadline.deleteMany({ where: key.fiscalYearId_kind_month });
      }
    }
    const snapshot = (pick: (w: Wanted) => DeadlineView) => Object.fromEntries(changed.map((w) => [w.label, pick(w)]));
    await appendAudit(tx, actor, {
      action: "deadline.set",
      entityType: "FiscalYear",
      entityId: fiscalYear.id,
      before: asJson({ year, deadlines: snapshot((w) => before.get(w.path)!) }),
      after: asJson({ year, deadlines: snapshot((w) => ({ due: w.due, note: w.note, isDefault: !w.stored })) }),
    });
    const read = deadlinesFingerprint(await loadYearDeadlines(tx, { id: fiscalYear.id, year }));
    return { year, read, changes: changed.map((w) => `${w.label} → ${w.due}${w.note ? `（${w.note}）` : w.stored ? "" : "（默认）"}`) };
  });
}

function viewsOf(d: YearDeadlines): Map<string, DeadlineView> {
  return new Map<string, DeadlineView>([
    ...d.months.map((m, i): [string, DeadlineView] => [`months.${i}`, m]),
    ["selfEvaluation", d.selfEvaluation],
    ["evaluation", d.evaluation],
  ]);
}

/** Each deadline as asked, checked: every problem at its field (`months.2.due`), all at once. */
function readWanted(input: z.output<typeof setDeadlinesSchema>): Wanted[] {
  const { year } = input;
  const problems: { path: string; message: string }[] = [];
  const read = (e: { due: string; note: string }, path: string, label: string, kind: StoredDeadline["kind"], month: number, fallback: Day): Wanted => {
    const day = readDay(e.due);
    let due = fallback;
    if (day === null) problems.push({ path: `${path}.due`, message: `${label}：「${e.due.trim()}」不是有效日期，请按 2025-08-10 的格式填写` });
    else if (day !== "") {
      const problem = dueProblem(year, kind, month, day);
      if (problem) problems.push({ path: `${path}.due`, message: `${label}：${problem}` });
      else due = day;
    }
    return { kind, month, due, note: e.note, label, path, stored: due !== fallback || e.note !== "" };
  };
  const wanted = [
    ...input.months.map((e, i) => read(e, `months.${i}`, `${i + 1}月`, "REPORT", i + 1, defaultReportDue(year, i + 1))),
    read(input.selfEvaluation, "selfEvaluation", "自评", "SELF_EVALUATION", 0, defaultYearEndDue(year, "SELF_EVALUATION")),
    read(input.evaluation, "evaluation", "年终评价", "EVALUATION", 0, defaultYearEndDue(year, "EVALUATION")),
  ];
  if (problems.length > 0) throw new AppError("INVALID", "填报期限有误，请按提示修改", problems);
  return wanted;
}
