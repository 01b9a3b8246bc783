import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MeasureType } from "@/lib/generated/prisma/enums";
import { defaultMeasureType, parseTarget, type Target } from "@/lib/targets";
import { fromTargetColumns, toTargetColumns } from "@/lib/columns/target-columns";
import type { IndicatorInput } from "./fields";

/**
 * What the audit log keeps of a sheet's header and of an indicator row: plain JSON with `sheetId`
 * (so the 操作日志 can filter by sheet), decimals as strings. Updates record only the fields that
 * changed, plus `sheetId`.
 */

export type Json = Prisma.InputJsonObject;

type HeaderRow = {
  id: number;
  kind: string;
  name: string;
  lead: string;
  fundsTotal: Prisma.Decimal;
  fundsFiscal: Prisma.Decimal;
  fundsOther: Prisma.Decimal;
  goal: string;
  budgetExecutionWeight: Prisma.Decimal | null;
  status: string;
  unit: { name: string };
  fiscalYear: { year: number };
};

export const headerSelect = {
  id: true,
  kind: true,
  name: true,
  lead: true,
  fundsTotal: true,
  fundsFiscal: true,
  fundsOther: true,
  goal: true,
  budgetExecutionWeight: true,
  status: true,
  unit: { select: { name: true } },
  fiscalYear: { select: { year: true } },
} satisfies Prisma.TargetSheetSelect;

export const headerSnapshot = (s: HeaderRow) =>
  ({
    sheetId: s.id,
    kind: s.kind,
    year: s.fiscalYear.year,
    unit: s.unit.name,
    name: s.name,
    lead: s.lead,
    funds: { total: s.fundsTotal.toFixed(2), fiscal: s.fundsFiscal.toFixed(2), other: s.fundsOther.toFixed(2) },
    goal: s.goal,
    budgetExecutionWeight: s.budgetExecutionWeight === null ? null : s.budgetExecutionWeight.toFixed(2),
    status: s.status,
  }) satisfies Json;

export type IndicatorRow = {
  id: number;
  sheetId: number;
  position: number;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  basis: string;
  lastYear: string;
  weight: Prisma.Decimal;
  rule: string;
  evidence: string[];
  measureType: MeasureType;
};

export const indicatorSnapshot = (i: IndicatorRow) =>
  ({
    sheetId: i.sheetId,
    position: i.position,
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    targetRaw: i.targetRaw,
    basis: i.basis,
    lastYear: i.lastYear,
    weight: i.weight.toFixed(2),
    rule: i.rule,
    evidence: i.evidence,
    measureType: i.measureType,
  }) satisfies Json;

/** The fields that differ, as `{ before, after }` each with `sheetId`; null when nothing changed. */
export function changedFields<T extends Record<string, unknown> & { sheetId: number }>(before: T, after: T): { before: Json; after: Json } | null {
  const keys = Object.keys(after).filter((k) => k !== "sheetId" && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (keys.length === 0) return null;
  const pick = (o: T) => Object.fromEntries([["sheetId", o.sheetId], ...keys.map((k) => [k, o[k] ?? null])]) as Json;
  return { before: pick(before), after: pick(after) };
}

/** The stored target of a typed 指标值 (it was checked by the input schema). */
export function targetOf(targetRaw: string): Target {
  const parsed = parseTarget(targetRaw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.target;
}

const TO_DB_MEASURE = { cumulative: "CUMULATIVE", level: "LEVEL" } as const;

/**
 * The measure type after the target changed: the default of the new target, unless someone had set
 * it differently from the old target's default (then their choice stays).
 */
export function measureTypeFor(target: Target, previous?: { measureType: MeasureType; target: Target }): MeasureType {
  const fresh = TO_DB_MEASURE[defaultMeasureType(target)];
  if (!previous) return fresh;
  return previous.measureType === TO_DB_MEASURE[defaultMeasureType(previous.target)] ? fresh : previous.measureType;
}

/** Row data to write for an editor row at `position`. */
export function indicatorData(input: IndicatorInput, position: number, previous?: IndicatorRow & Parameters<typeof fromTargetColumns>[0]) {
  const target = targetOf(input.targetRaw);
  return {
    position,
    level1: input.level1,
    level2: input.level2,
    name: input.name,
    targetRaw: input.targetRaw,
    ...toTargetColumns(target),
    measureType: measureTypeFor(target, previous ? { measureType: previous.measureType, target: fromTargetColumns(previous) } : undefined),
    basis: input.basis,
    lastYear: input.lastYear,
    weight: new Prisma.Decimal(input.weight!),
    rule: input.rule,
    evidence: input.evidence,
  };
}
