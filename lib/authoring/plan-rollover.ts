import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { carriedAssignments, loadRolloverSources, nextYearName, rolloverClashes } from "./rollover-year";

export interface RolloverPlan {
  fromYear: number;
  toYear: number;
  /** The published sheets that would be copied, with their names in the new year. */
  sheets: {
    id: number;
    unit: string;
    name: string;
    newName: string;
    indicators: number;
    withActuals: number;
    /** The 分工 its copy would keep (display names), unless the admin opts out. */
    leads: string[];
    evaluators: string[];
  }[];
  /** Drafts of the year, which are not copied. */
  drafts: number;
  /** Copies that clash with sheets already in the new year: the rollover would be refused. */
  clashes: { unit: string; name: string }[];
  /** Of the clashes, those that are this year's own copies: the year was rolled over already. */
  rolledOver: number;
}

/** 年度结转 before it happens: what rollover-year.ts would copy, and what would stop it. Admins only. */
export async function planRollover(prisma: PrismaClient, actor: Actor, fromYear: number): Promise<RolloverPlan> {
  authorize(actor, { type: "sheets.rollover" });
  const [sources, drafts] = await Promise.all([
    loadRolloverSources(prisma, fromYear),
    prisma.targetSheet.count({ where: { fiscalYear: { year: fromYear }, status: { not: "PUBLISHED" } } }),
  ]);
  const clashes = await rolloverClashes(prisma, fromYear, sources);
  const rolledOver =
    sources.length === 0
      ? 0
      : await prisma.targetSheet.count({ where: { fiscalYear: { year: fromYear + 1 }, sourceSheetId: { in: sources.map((s) => s.id) } } });
  return {
    fromYear,
    toYear: fromYear + 1,
    sheets: sources.map((s) => ({
      id: s.id,
      unit: s.unit.name,
      name: s.name,
      newName: nextYearName(s.name, fromYear),
      indicators: s.indicators.length,
      withActuals: s.indicators.filter((i) => i.progressEntries.some((e) => e.value !== null || e.qualitativeValue !== null)).length,
      ...dutiesOf(carriedAssignments(s.assignments)),
    })),
    drafts,
    clashes,
    rolledOver: Math.min(rolledOver, clashes.length),
  };
}

const dutiesOf = (assignments: { role: "LEAD" | "EVALUATOR"; user: { displayName: string } }[]) => ({
  leads: assignments.filter((a) => a.role === "LEAD").map((a) => a.user.displayName),
  evaluators: assignments.filter((a) => a.role === "EVALUATOR").map((a) => a.user.displayName),
});
