import "server-only";
import Decimal from "decimal.js";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { readableSheetsWhere } from "./sheet-scope";

export interface SheetListRow {
  id: number;
  kind: "PROJECT" | "DEPARTMENT";
  /** The department of the sheet's unit: a year's Excel export is per department. */
  department: string;
  unit: string;
  name: string;
  lead: string;
  /** 年度预算总额, 万元, 2 decimals. */
  fundsTotal: string;
  indicatorCount: number;
  /** Σ indicator weights, 2 decimals. */
  weightSum: string;
  /** DRAFT / SUBMITTED while being authored; PUBLISHED once its targets are approved. */
  status: "DRAFT" | "SUBMITTED" | "PUBLISHED";
}

/** The sheets of a fiscal year that the actor may see, in document order. */
export async function listSheets(prisma: PrismaClient, actor: Actor, year: number): Promise<SheetListRow[]> {
  authorize(actor, { type: "sheets.list" });
  const sheets = await prisma.targetSheet.findMany({
    where: { AND: [{ fiscalYear: { year } }, readableSheetsWhere(actor)] },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    include: { unit: { select: { name: true, department: { select: { name: true } } } }, indicators: { select: { weight: true } } },
  });
  return sheets.map((s) => ({
    id: s.id,
    kind: s.kind,
    department: s.unit.department.name,
    unit: s.unit.name,
    name: s.name,
    lead: s.lead,
    fundsTotal: s.fundsTotal.toFixed(2),
    indicatorCount: s.indicators.length,
    weightSum: s.indicators.reduce((sum, i) => sum.plus(i.weight.toString()), new Decimal(0)).toFixed(2),
    status: s.status,
  }));
}

/** Fiscal years that have sheets, newest first. */
export async function listYears(prisma: PrismaClient): Promise<number[]> {
  const years = await prisma.fiscalYear.findMany({ orderBy: { year: "desc" }, select: { year: true } });
  return years.map((y) => y.year);
}
