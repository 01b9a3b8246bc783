import type { Prisma } from "@/lib/generated/prisma/client";
import type { InterchangeIndicator, InterchangeSheet } from "@/lib/interchange/schema";
import { defaultMeasureType } from "@/lib/targets";
import { fromTargetColumns } from "@/lib/columns/target-columns";

/** What a sheet query must include to be written out in the interchange format. */
export const interchangeInclude = {
  unit: { select: { name: true } },
  indicators: { orderBy: { position: "asc" } },
} satisfies Prisma.TargetSheetInclude;

type SheetRow = Prisma.TargetSheetGetPayload<{ include: typeof interchangeInclude }>;

/** Weights are printed as plain numbers; a Decimal(7,2) string converts to a JS number without loss of its digits. */
const weightNumber = (weight: Prisma.Decimal) => Number(weight.toString());

function toInterchangeIndicator(row: SheetRow["indicators"][number]): InterchangeIndicator {
  const target = fromTargetColumns(row);
  const measureType = row.measureType === "LEVEL" ? "level" : "cumulative";
  return {
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    targetRaw: row.targetRaw,
    target,
    basis: row.basis,
    lastYear: row.lastYear,
    weight: weightNumber(row.weight),
    rule: row.rule as InterchangeIndicator["rule"],
    evidence: row.evidence,
    // Only a measure type someone changed is written, so files stay as the document prints them.
    ...(measureType !== defaultMeasureType(target) ? { measureType } : {}),
  };
}

export function toInterchangeSheet(row: SheetRow): InterchangeSheet {
  return {
    kind: row.kind === "DEPARTMENT" ? "department" : "project",
    unit: row.unit.name,
    name: row.name,
    lead: row.lead,
    funds: { total: row.fundsTotal.toFixed(2), fiscal: row.fundsFiscal.toFixed(2), other: row.fundsOther.toFixed(2) },
    goal: row.goal,
    ...(row.budgetExecutionWeight ? { budgetExecutionWeight: weightNumber(row.budgetExecutionWeight) } : {}),
    indicators: row.indicators.map(toInterchangeIndicator),
  };
}
