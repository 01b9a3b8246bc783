import type { Target } from "@/lib/targets/types";
import { Decimal } from "./decimal";
import type { ScoreInputData, ScoreInputSheet } from "./score-input-schema";
import type { RowInput, SheetInput } from "./types";

export interface BuiltSheet {
  name: string;
  rowNames: string[];
  input: SheetInput;
}

const dec = (v: string | number | null | undefined): Decimal | null =>
  v === null || v === undefined ? null : new Decimal(typeof v === "number" ? String(v) : v);

/** Validated input → engine input. Only called once schema and checks have passed, so nothing fails here. */
export function buildSheets(
  data: ScoreInputData,
  checked: { targets: ReadonlyArray<ReadonlyArray<Target | undefined>>; weights: ReadonlyArray<ReadonlyArray<Decimal | undefined>> },
): BuiltSheet[] {
  return data.sheets.map((sheet, si) => buildSheet(sheet, checked.targets[si] ?? [], checked.weights[si] ?? []));
}

function buildSheet(sheet: ScoreInputSheet, targets: ReadonlyArray<Target | undefined>, weights: ReadonlyArray<Decimal | undefined>): BuiltSheet {
  const n = sheet.indicators.length;
  const rowNames = new Array<string>(n);
  const indicators = new Array<RowInput>(n);
  for (let i = 0; i < n; i++) {
    const row = sheet.indicators[i]!;
    rowNames[i] = row.name;
    indicators[i] = {
      target: targets[i]!,
      weight: weights[i] ?? dec(row.weight)!,
      rule: row.rule,
      actual: dec(row.actual),
      grading: row.grade ? { band: row.grade.band, score: new Decimal(row.grade.score) } : null,
      deduction: row.deduction ? { points: new Decimal(row.deduction.points), reason: row.deduction.reason } : null,
    };
  }
  return {
    name: sheet.name,
    rowNames,
    input: {
      indicators,
      budget: { total: new Decimal(sheet.funds.total), adjustment: dec(sheet.budgetAdjustment), executed: dec(sheet.executed) },
      budgetExecutionWeight: dec(sheet.budgetExecutionWeight),
    },
  };
}
