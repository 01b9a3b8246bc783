import "server-only";
import { z } from "zod";
import { yearSchema } from "@/lib/input";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { type Actor, actorId } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { assignmentSnapshot } from "@/lib/assignments/fields";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { fromTargetColumns } from "@/lib/columns/target-columns";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { finalActualOf } from "./final-actual";
import { headerSelect, headerSnapshot, indicatorSnapshot } from "./records";

export const rolloverYearSchema = z.object({
  fromYear: yearSchema,
  /** Carry each sheet's 分工 (leads, evaluators) into its copy; on unless the admin opts out. A form sends "true"/"false". */
  keepAssignments: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ error: "是否结转分工有误" })).default(true),
});
export type RolloverYearInput = z.input<typeof rolloverYearSchema>;

export interface RolledOverSheet {
  id: number;
  sourceSheetId: number;
  unit: string;
  name: string;
  /** Assignments carried from the source sheet. */
  assignments: number;
}

export interface RolloverResult {
  toYear: number;
  created: RolledOverSheet[];
}

/** `2025年“两区”创新建设专项` → `2026年“两区”创新建设专项`: a project named after its year keeps following it. */
export const nextYearName = (name: string, fromYear: number) => name.replaceAll(`${fromYear}年`, `${fromYear + 1}年`);

const sourceInclude = {
  unit: { select: { name: true } },
  indicators: {
    orderBy: { position: "asc" },
    include: { progressEntries: { select: { month: true, value: true, qualitativeValue: true } } },
  },
  evaluations: {
    where: { kind: "EVALUATOR", status: "FINAL" },
    select: { rows: { select: { indicatorId: true, actual: true, band: true } } },
  },
  assignments: {
    orderBy: { id: "asc" },
    select: { userId: true, role: true, user: { select: { displayName: true, role: true, active: true } } },
  },
} satisfies Prisma.TargetSheetInclude;

type SourceAssignment = { userId: number; role: "LEAD" | "EVALUATOR"; user: { displayName: string; role: string; active: boolean } };

/**
 * The 分工 a copy inherits: those an admin could assign today (an active account whose role is the duty),
 * the same rule as `assign`; a deactivated lead or a changed role stays behind.
 */
export const carriedAssignments = <A extends SourceAssignment>(assignments: A[]): A[] => assignments.filter((a) => a.user.active && a.user.role === a.role);

/** The published sheets of a year that a rollover copies, with what it needs. */
export function loadRolloverSources(db: Pick<Prisma.TransactionClient, "targetSheet">, year: number) {
  return db.targetSheet.findMany({
    where: { fiscalYear: { year }, status: "PUBLISHED" },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    include: sourceInclude,
  });
}

/** The copies that would clash with a sheet already in the next year (same unit and name). */
export async function rolloverClashes(
  db: Pick<Prisma.TransactionClient, "targetSheet">,
  fromYear: number,
  sources: { unitId: number; name: string; unit: { name: string } }[],
) {
  if (sources.length === 0) return [];
  const existing = await db.targetSheet.findMany({
    where: { fiscalYear: { year: fromYear + 1 }, OR: sources.map((s) => ({ unitId: s.unitId, name: nextYearName(s.name, fromYear) })) },
    select: { unitId: true, name: true, unit: { select: { name: true } } },
  });
  return existing.map((e) => ({ unit: e.unit.name, name: e.name }));
}

/**
 * 年度结转: copies every published sheet of year Y into Y+1 as a DRAFT (admins only), to be edited and
 * published for the new year. Header, rows and targets are kept (a year in the name moves on:
 * `2025年…` → `2026年…`); each row's 上年完成值 becomes what it achieved in Y (`finalActualOf`); the
 * copy remembers its source (`sourceSheetId`) and its author is the admin. Its 分工 (leads and
 * evaluators) come along unless `keepAssignments` is false (`carriedAssignments`: active accounts of the
 * duty's role), so the people keep their work; an admin changes them on 分工 as usual.
 *
 * All or nothing, in one transaction: refused (CONFLICT, listing them) when Y+1 already has a sheet of
 * the same unit and name. Audit `sheet.rollover` per copy (TargetSheet, with `sourceSheetId`), and
 * `indicator.create` per row, `assignment.create` per carried 分工 (as `assign` writes it).
 */
export async function rolloverYear(prisma: PrismaClient, actor: Actor, input: RolloverYearInput): Promise<RolloverResult> {
  authorize(actor, { type: "sheets.rollover" });
  const { fromYear, keepAssignments } = parseInput(rolloverYearSchema, input);
  const toYear = fromYear + 1;
  return writeSheet(prisma, actor, { action: { type: "sheets.rollover" }, timeout: 120_000 }, async ({ tx, audit, changed }) => {
    const sources = await loadRolloverSources(tx, fromYear);
    if (sources.length === 0) throw new AppError("NOT_FOUND", `${fromYear}年没有已发布的绩效目标表可以结转`);
    const clashes = await rolloverClashes(tx, fromYear, sources);
    if (clashes.length > 0) {
      throw new AppError(
        "CONFLICT",
        `${toYear}年已有 ${clashes.length} 张同名绩效目标表，未做任何结转`,
        clashes.map((c) => ({ path: `${toYear}年「${c.unit}」`, message: `已有「${c.name}」` })),
      );
    }
    const year = await tx.fiscalYear.upsert({ where: { year: toYear }, create: { year: toYear }, update: {}, select: { id: true } });
    const last = await tx.targetSheet.aggregate({ where: { fiscalYearId: year.id }, _max: { position: true } });
    let position = (last._max.position ?? -1) + 1;
    const created: RolledOverSheet[] = [];
    for (const source of sources) {
      const evaluated = new Map(source.evaluations.flatMap((e) => e.rows).map((r) => [r.indicatorId, r]));
      const copy = await tx.targetSheet.create({
        data: {
          kind: source.kind,
          unitId: source.unitId,
          fiscalYearId: year.id,
          name: nextYearName(source.name, fromYear),
          lead: source.lead,
          fundsTotal: source.fundsTotal,
          fundsFiscal: source.fundsFiscal,
          fundsOther: source.fundsOther,
          goal: source.goal,
          budgetExecutionWeight: source.budgetExecutionWeight,
          position: position++,
          status: "DRAFT",
          authorId: actorId(actor),
          sourceSheetId: source.id,
        },
        select: headerSelect,
      });
      await audit({
        action: "sheet.rollover",
        entityType: "TargetSheet",
        entityId: copy.id,
        after: { ...headerSnapshot(copy), sourceSheetId: source.id },
      });
      for (const row of source.indicators) {
        const target = fromTargetColumns(row);
        const indicator = await tx.indicator.create({
          data: {
            sheetId: copy.id,
            position: row.position,
            level1: row.level1,
            level2: row.level2,
            name: row.name,
            targetRaw: row.targetRaw,
            targetOp: row.targetOp,
            targetValue: row.targetValue,
            targetUnit: row.targetUnit,
            targetQualitative: row.targetQualitative,
            measureType: row.measureType,
            basis: row.basis,
            lastYear: finalActualOf({ target, evaluation: evaluated.get(row.id), progress: row.progressEntries }),
            weight: row.weight,
            rule: row.rule,
            evidence: row.evidence,
          },
        });
        await audit({ action: "indicator.create", entityType: "Indicator", entityId: indicator.id, after: indicatorSnapshot(indicator) });
      }
      const carried = keepAssignments ? carriedAssignments(source.assignments) : [];
      for (const duty of carried) {
        const assignment = await tx.sheetAssignment.create({
          data: { sheetId: copy.id, userId: duty.userId, role: duty.role },
          select: { id: true, sheetId: true, userId: true, role: true },
        });
        await audit({
          action: "assignment.create",
          entityType: "SheetAssignment",
          entityId: assignment.id,
          after: assignmentSnapshot(assignment, copy.name, duty.user.displayName),
        });
      }
      changed(copy.id);
      created.push({ id: copy.id, sourceSheetId: source.id, unit: source.unit.name, name: copy.name, assignments: carried.length });
    }
    return { toYear, created };
  });
}
