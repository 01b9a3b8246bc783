import Decimal from "decimal.js";
import { type DecimalColumn, readDecimal } from "@/lib/input";
import type { Problem } from "@/lib/errors";
import type { SaveProgressInput } from "@/lib/progress/save-progress";
import { EXECUTED_CAPTION, ENTRY_FIELDS, type EntryField, FIELD_CAPTION, ROW } from "@/lib/xlsx/progress-layout";
import type { EntryTexts, ReadProgressRow, ReadProgressSheet, WorkbookProblem } from "@/lib/xlsx/read-progress-workbook";

/**
 * A worksheet read back → the input of the progress use case (pure). Only what the lead changed since the
 * download goes in: a row whose cells equal what it held when downloaded is left alone, even if someone else has
 * saved that row since (the upload does not undo their change). Numbers compare by value (`1,600` = `1600`), as
 * the form reads them; the judgement of each value is the use case's.
 */

/** Equal texts, or equal numbers as the form reads them. */
function sameText(a: string, b: string, column: DecimalColumn): boolean {
  if (a === b) return true;
  const x = readDecimal(a, { column, allowPercent: true, allowNegative: true });
  const y = readDecimal(b, { column, allowPercent: true, allowNegative: true });
  return x.ok && y.ok && new Decimal(x.value).eq(y.value);
}

const sameField = (field: EntryField, a: string, b: string) => (field === "value" || field === "forecast" ? sameText(a, b, "value") : a === b);

export const changedFields = (cells: EntryTexts, original: EntryTexts): EntryField[] => ENTRY_FIELDS.filter((f) => !sameField(f, cells[f], original[f]));

const orNull = (text: string) => (text === "" ? null : text);
type Row = SaveProgressInput["rows"][number];

export interface UploadInput {
  input: SaveProgressInput;
  /** The workbook rows behind `input.rows`, in the same order. */
  rows: ReadProgressRow[];
  executedChanged: boolean;
}

/**
 * `confirmAll`: the unusual values (more than 10× the target …) count as confirmed — the commit, after the
 * preview has shown each of them to the lead.
 */
export function uploadInput(sheet: ReadProgressSheet, options: { confirmAll: boolean }): UploadInput {
  const rows = sheet.rows.filter((r) => changedFields(r.cells, r.original).length > 0);
  const executedChanged = !sameText(sheet.executed.cell, sheet.executed.original, "amount");
  return {
    rows,
    executedChanged,
    input: {
      sheetId: sheet.sheetId,
      month: sheet.month,
      rows: rows.map((r) => ({
        indicatorId: r.indicatorId,
        version: r.version,
        value: orNull(r.cells.value),
        // Typed as the cell holds it: the use case's schema names a likelihood outside its list.
        likelihood: orNull(r.cells.likelihood) as Row["likelihood"],
        forecast: orNull(r.cells.forecast),
        deviationReason: r.cells.deviationReason,
        improvement: r.cells.improvement,
      })),
      executed: executedChanged ? { value: orNull(sheet.executed.cell), version: sheet.monthVersion } : undefined,
      confirmed: options.confirmAll ? rows.flatMap((r) => [`indicators.${r.indicatorId}.value`, `indicators.${r.indicatorId}.forecast`]) : [],
    },
  };
}

const FIELD_OF_PATH: Record<string, EntryField> = {
  value: "value",
  likelihood: "likelihood",
  forecast: "forecast",
  deviationReason: "deviationReason",
  improvement: "improvement",
};

/**
 * The use case's problems (paths `rows.3.likelihood`, `indicators.12.forecast`, `indicators.12`, `executed`) as
 * problems of the worksheet, its row and column. The message loses the indicator's name the location now gives.
 */
export function locateProblem(sheet: ReadProgressSheet, upload: UploadInput, problem: Problem): WorkbookProblem {
  const at = (row: number | null, column: string | null): WorkbookProblem => ({ worksheet: sheet.worksheet, row, column, message: reason(problem.message) });
  const [head, key, field] = problem.path.split(".");
  if (head === "executed") return at(ROW.executed, EXECUTED_CAPTION);
  if (head === "rows") {
    const row = upload.rows[Number(key)];
    const f = field === undefined ? undefined : FIELD_OF_PATH[field];
    return at(row?.row ?? null, f ? FIELD_CAPTION[f] : null);
  }
  if (head === "indicators") {
    const row = sheet.rows.find((r) => String(r.indicatorId) === key);
    const f = field === undefined ? undefined : FIELD_OF_PATH[field];
    return at(row?.row ?? null, f ? FIELD_CAPTION[f] : null);
  }
  return at(null, null);
}

/**
 * `「科技型企业数量」全年预计完成值：不是有效的数字` → `不是有效的数字`; a message without that shape stays whole
 * (it still reads right, only longer).
 */
export function reason(message: string): string {
  return message
    .replace(/^「[^」]*」(实际完成值（截至\d+月）|全年预计完成值)：/u, "")
    .replace(/^执行数（[^）]*）：/u, "")
    .replace(/^「[^」]*」(?=是定性指标)/u, "该指标");
}
