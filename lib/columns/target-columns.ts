import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Comparator as DbComparator } from "@/lib/generated/prisma/enums";
import type { Comparator, Target } from "@/lib/targets/types";

/** How a parsed target is stored: four nullable columns instead of a JSON blob, so SQL can compare values. */

const TO_DB: Record<Comparator, DbComparator> = { ">=": "GTE", ">": "GT", "=": "EQ", "<=": "LTE", "<": "LT" };
const FROM_DB = Object.fromEntries(Object.entries(TO_DB).map(([op, db]) => [db, op])) as Record<DbComparator, Comparator>;

export interface TargetColumns {
  targetOp: DbComparator | null;
  targetValue: Prisma.Decimal | null;
  targetUnit: string | null;
  targetQualitative: string | null;
}

export function toTargetColumns(target: Target): TargetColumns {
  if ("qualitative" in target) return { targetOp: null, targetValue: null, targetUnit: null, targetQualitative: target.qualitative };
  return { targetOp: TO_DB[target.op], targetValue: new Prisma.Decimal(target.value), targetUnit: target.unit, targetQualitative: null };
}

export function fromTargetColumns(row: {
  targetOp: DbComparator | null;
  targetValue: Prisma.Decimal | null;
  targetUnit: string | null;
  targetQualitative: string | null;
}): Target {
  if (row.targetOp === null || row.targetValue === null) return { qualitative: row.targetQualitative ?? "" };
  return { op: FROM_DB[row.targetOp], value: row.targetValue.toString(), unit: row.targetUnit ?? "" };
}

/** What every view of a stored indicator starts with: where it stands on the sheet, what it measures, and its parsed target. */
export const indicatorHead = (i: { id: number; position: number; level1: string; level2: string; name: string; targetRaw: string } & TargetColumns) => ({
  id: i.id,
  position: i.position,
  level1: i.level1,
  level2: i.level2,
  name: i.name,
  targetRaw: i.targetRaw,
  target: fromTargetColumns(i),
});
