import type { Values } from "@/components/ui/form-state";
import type { ProgressRowView, ProgressView } from "@/lib/progress/progress-view";

/**
 * The progress form's fields as the forms kit holds them (paths → strings), built from the server's view,
 * and the save input built back from what changed. Pure, so both directions are unit-tested.
 *
 * Paths: `rows.<indicatorId>.value|likelihood|forecast|deviationReason|improvement`, `executed`,
 * `adjust.amount|reason`, `review.comment`, `reopen.reason`.
 */
export const ROW_FIELDS = ["value", "likelihood", "forecast", "deviationReason", "improvement"] as const;
export type RowField = (typeof ROW_FIELDS)[number];

export const rowPath = (indicatorId: number, field: RowField) => `rows.${indicatorId}.${field}`;

const rowValues = (row: ProgressRowView): Record<string, string> => ({
  [rowPath(row.indicatorId, "value")]: row.entry.value ?? "",
  [rowPath(row.indicatorId, "likelihood")]: row.entry.likelihood ?? "",
  [rowPath(row.indicatorId, "forecast")]: row.entry.forecast ?? "",
  [rowPath(row.indicatorId, "deviationReason")]: row.entry.deviationReason,
  [rowPath(row.indicatorId, "improvement")]: row.entry.improvement,
});

/** The server's state of every field; the small forms (adjustment, comments) start empty. */
export function progressValues(view: ProgressView): Values {
  return Object.assign(
    { executed: view.budget.executed ?? "", "adjust.amount": "", "adjust.reason": "", "review.comment": "", "reopen.reason": "" },
    ...view.rows.map(rowValues),
  );
}

/** The rows with a changed field, in the sheet's order. */
export const changedRows = (view: ProgressView, dirty: readonly string[]) =>
  view.rows.filter((row) => ROW_FIELDS.some((field) => dirty.includes(rowPath(row.indicatorId, field))));

/**
 * 保存's input: every field of each changed row (with the version it was based on) and 执行数 when
 * changed; `sent` lists the paths the save covers, `rowIds` the indicator of each sent row (the server
 * names a row's problems by its index: `rows.2.value`).
 */
export function saveInput(view: ProgressView, values: Values, dirty: readonly string[]) {
  const rows = changedRows(view, dirty);
  const get = (row: ProgressRowView, field: RowField) => values[rowPath(row.indicatorId, field)] ?? "";
  const executedDirty = dirty.includes("executed");
  const input = {
    sheetId: view.sheet.id,
    month: view.month,
    rows: rows.map((row) => ({
      indicatorId: row.indicatorId,
      version: row.entry.version,
      value: get(row, "value").trim() || null,
      likelihood: get(row, "likelihood") || null,
      forecast: row.qualitative ? null : get(row, "forecast").trim() || null,
      deviationReason: get(row, "deviationReason"),
      improvement: get(row, "improvement"),
    })),
    ...(executedDirty ? { executed: { value: (values.executed ?? "").trim() || null, version: view.monthVersion } } : {}),
  };
  const sent = [...rows.flatMap((row) => ROW_FIELDS.map((field) => rowPath(row.indicatorId, field))), ...(executedDirty ? ["executed"] : [])];
  return { input, sent, rowIds: rows.map((row) => row.indicatorId) };
}

/**
 * Where a save's problem belongs on the form: `rows.<index>.<field>` (index into the sent rows) and
 * `indicators.<id>[.<field>]` become `rows.<id>[.<field>]`; `executed.value` is `executed`.
 */
export function saveProblemPath(rowIds: readonly number[]) {
  return (path: string): string => {
    const [head, key, ...rest] = path.split(".");
    const tail = rest.length > 0 ? `.${rest.join(".")}` : "";
    if (head === "rows" && key !== undefined) {
      const id = rowIds[Number(key)];
      return id === undefined ? "" : `rows.${id}${tail}`;
    }
    if (head === "indicators" && key !== undefined) return `rows.${key}${tail}`;
    if (head === "executed") return "executed";
    return path;
  };
}

/** The smaller forms' problems carry the use case's own field names (`amount`, `reason`, `comment`). */
export const prefixed = (prefix: string) => (path: string) => (path ? `${prefix}.${path}` : "");
