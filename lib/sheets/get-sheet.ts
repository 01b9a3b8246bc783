import "server-only";
import Decimal from "decimal.js";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import type { Target } from "@/lib/targets/types";
import { sheetScopeInclude, toSheetScope } from "./sheet-scope";
import { indicatorHead } from "@/lib/columns/target-columns";

export interface IndicatorView {
  id: number;
  position: number;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  target: Target;
  measureType: "CUMULATIVE" | "LEVEL";
  basis: string;
  lastYear: string;
  /** Points, 2 decimals. */
  weight: string;
  rule: string;
  evidence: string[];
}

export interface SheetView {
  id: number;
  kind: "PROJECT" | "DEPARTMENT";
  year: number;
  unit: string;
  name: string;
  lead: string;
  /** 万元, 2 decimals. */
  funds: { total: string; fiscal: string; other: string };
  goal: string;
  /** Σ indicator weights, 2 decimals. */
  weightSum: string;
  /** Points of 预算执行率: the set value, else `100 − Σ indicator weights`. */
  budgetExecutionWeight: string;
  indicators: IndicatorView[];
}

/** What a SheetView is made of (with what `sheet.read` is judged by). */
export const sheetViewInclude = {
  ...sheetScopeInclude,
  fiscalYear: { select: { year: true } },
  indicators: { orderBy: { position: "asc" } },
} satisfies Prisma.TargetSheetInclude;

export type SheetViewRow = Prisma.TargetSheetGetPayload<{ include: typeof sheetViewInclude }>;

export async function getSheet(prisma: PrismaClient, actor: Actor, id: number): Promise<SheetView> {
  const sheet = await prisma.targetSheet.findUnique({ where: { id }, include: sheetViewInclude });
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  authorize(actor, { type: "sheet.read", sheet: toSheetScope(sheet) });
  return toSheetView(sheet);
}

/** A sheet as read (no authorisation here: the caller has judged `sheet.read`). */
export function toSheetView(sheet: SheetViewRow): SheetView {
  const weightSum = sheet.indicators.reduce((sum, i) => sum.plus(i.weight.toString()), new Decimal(0));
  return {
    id: sheet.id,
    kind: sheet.kind,
    year: sheet.fiscalYear.year,
    unit: sheet.unit.name,
    name: sheet.name,
    lead: sheet.lead,
    funds: { total: sheet.fundsTotal.toFixed(2), fiscal: sheet.fundsFiscal.toFixed(2), other: sheet.fundsOther.toFixed(2) },
    goal: sheet.goal,
    weightSum: weightSum.toFixed(2),
    budgetExecutionWeight: (sheet.budgetExecutionWeight ? new Decimal(sheet.budgetExecutionWeight.toString()) : new Decimal(100).minus(weightSum)).toFixed(2),
    indicators: sheet.indicators.map((i) => ({
      ...indicatorHead(i),
      measureType: i.measureType,
      basis: i.basis,
      lastYear: i.lastYear,
      weight: i.weight.toFixed(2),
      rule: i.rule,
      evidence: i.evidence,
    })),
  };
}
