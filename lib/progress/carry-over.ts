/**
 * 沿用上月: what a month's empty rows may take over from the previous month, as a draft the lead reviews and saves
 * (nothing here writes). Pure: the progress view computes each row's `carryOver`, the form applies the fills.
 *
 * What carries (issue 12): a qualitative row's status (达成/部分达成/未达成), 完成目标可能性 and 全年预计完成值 —
 * judgements that usually hold from one month to the next. A quantitative row's 实际完成值 does NOT carry: it is
 * a measurement as of this month's end (a year-to-date count, a rate's current level), and last month's figure
 * copied forward would claim no progress, move the light and score on a number nobody measured. 偏差原因 and
 * 改进措施 explain this month's light, so they do not carry either.
 */

/** The fields of a progress row the form holds (components/progress/progress-values.ts). */
export type RowFieldName = "value" | "likelihood" | "forecast" | "deviationReason" | "improvement";
export const CARRIED_FIELDS = ["value", "likelihood", "forecast"] as const satisfies readonly RowFieldName[];
export type CarriedField = (typeof CARRIED_FIELDS)[number];

/** What 沿用上月 copies into a row, as the form's text; null fields are not copied. */
export interface CarryOver {
  /** A qualitative row's status label; always null for a quantitative row (see above). */
  value: string | null;
  likelihood: string | null;
  /** Quantitative rows only (qualitative rows have no forecast). */
  forecast: string | null;
}

/** The previous month's entry of a row as the view shows it (labels and plain decimals). */
export interface PreviousEntry {
  qualitative: boolean;
  value: string | null;
  likelihood: string | null;
  forecast: string | null;
}

/** A row's carry-over from the previous month's entry; null when that entry has nothing that carries. */
export function carryOverOf(previous: PreviousEntry | null): CarryOver | null {
  if (!previous) return null;
  const carried: CarryOver = {
    value: previous.qualitative ? previous.value : null,
    likelihood: previous.likelihood,
    forecast: previous.qualitative ? null : previous.forecast,
  };
  return CARRIED_FIELDS.some((field) => carried[field] !== null) ? carried : null;
}

export interface CarryOverRow {
  indicatorId: number;
  name: string;
  carryOver: CarryOver | null;
}

export interface CarryOverFill {
  indicatorId: number;
  field: CarriedField;
  value: string;
}

const ALL_FIELDS: readonly RowFieldName[] = ["value", "likelihood", "forecast", "deviationReason", "improvement"];

/** The form's current text of a row's field (what is saved, or what was typed over it). */
export type CurrentText = (indicatorId: number, field: RowFieldName) => string;

/** A row is empty when every one of its fields is blank on the form — saved or typed, nothing is overwritten. */
export const isEmptyRow = (indicatorId: number, current: CurrentText): boolean => ALL_FIELDS.every((field) => current(indicatorId, field).trim() === "");

/**
 * The fills 沿用上月 makes: each empty row with something to carry takes the previous month's carried fields.
 * `reason` says why the action is unavailable when there is nothing to fill.
 */
export function carryOverFills(month: number, rows: readonly CarryOverRow[], current: CurrentText): { fills: CarryOverFill[]; reason: string | null } {
  if (month === 1) return { fills: [], reason: "1月没有上月可沿用" };
  const carrying = rows.filter((row) => row.carryOver !== null);
  if (carrying.length === 0) return { fills: [], reason: `${month - 1}月没有可沿用的完成目标可能性、全年预计完成值或定性指标完成情况` };
  const fills = carrying
    .filter((row) => isEmptyRow(row.indicatorId, current))
    .flatMap((row) =>
      CARRIED_FIELDS.flatMap((field) => {
        const value = row.carryOver![field];
        return value === null ? [] : [{ indicatorId: row.indicatorId, field, value }];
      }),
    );
  if (fills.length === 0) return { fills, reason: `可沿用${month - 1}月的各行均已填写，没有空行需要填充` };
  return { fills, reason: null };
}

/**
 * A row whose unsaved draft is what 沿用上月 put there: nothing saved for it this month, and its carried fields on
 * the form are the previous month's. The page tags such rows 「沿用上月」 until they are saved.
 */
export function isCarriedDraft(row: CarryOverRow & { saved: Record<CarriedField, string | null> }, current: CurrentText): boolean {
  if (!row.carryOver) return false;
  if (CARRIED_FIELDS.some((field) => (row.saved[field] ?? "") !== "")) return false;
  const carried = row.carryOver;
  // Only the fields 沿用上月 filled decide: the value typed into a quantitative row afterwards keeps the tag.
  return CARRIED_FIELDS.every((field) => carried[field] === null || current(row.indicatorId, field).trim() === carried[field]);
}
