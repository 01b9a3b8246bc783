import type { SaveProgressInput } from "@/lib/progress/save-progress";
import type { ProgressView } from "@/lib/progress/progress-view";
import type { BenchLead, BenchRow, Versions } from "./writes-dataset";

/**
 * What a lead sends when saving, as the progress form does: the rows the user changed (three of the sheet's, with
 * the versions the page showed) and the month's 执行数. Save k of a lead goes to its sheet k mod sheets and month
 * 1 + (k div sheets) mod 12, so a lead's saves spread over its sheet-months and two leads never save the same sheet.
 * Values move with k (every save really changes what is stored) and stay plausible for their rows (no value the
 * form would ask the user to confirm).
 */

const ROWS_PER_SAVE = 3;
const STATUSES = ["达成", "部分达成", "未达成"] as const;

function valueFor(row: BenchRow, month: number, k: number): string {
  const pace = 0.6 + ((k * 7 + row.id) % 50) / 100; // 0.60 … 1.09
  switch (row.kind) {
    case "count":
      return ((row.target! * month * pace) / 12).toFixed(2);
    case "rate":
      return (80 + ((k + row.id) % 20)).toFixed(1);
    case "reverse":
      return (1 + ((k + row.id) % 5)).toFixed(1);
    case "qualitative":
      return STATUSES[(k + row.id) % STATUSES.length]!;
  }
}

export interface BenchSave extends SaveProgressInput {
  sheetId: number;
  month: number;
}

export function saveInput(lead: BenchLead, k: number, versions: Versions): BenchSave {
  const sheet = lead.sheets[k % lead.sheets.length]!;
  const month = 1 + (Math.floor(k / lead.sheets.length) % 12);
  const first = (k * ROWS_PER_SAVE) % sheet.rows.length;
  const rows = Array.from({ length: Math.min(ROWS_PER_SAVE, sheet.rows.length) }, (_, j) => sheet.rows[(first + j) % sheet.rows.length]!);
  const executed = ((sheet.fundsTotal * month * (0.5 + (k % 40) / 100)) / 12).toFixed(2);
  return {
    sheetId: sheet.id,
    month,
    rows: rows.map((row) => ({
      indicatorId: row.id,
      version: versions.entries.get(`${row.id}:${month}`) ?? 0,
      value: valueFor(row, month, k),
      deviationReason: `第${k}次保存`,
      improvement: "按计划推进",
    })),
    executed: { value: executed, version: versions.months.get(`${sheet.id}:${month}`) ?? 0 },
  };
}

/** What the page learns from a save's answer: the versions its next save is based on. */
export function rememberVersions(versions: Versions, sheetId: number, month: number, changed: Pick<ProgressView, "rows" | "monthVersion">): void {
  for (const row of changed.rows) versions.entries.set(`${row.indicatorId}:${month}`, row.entry.version);
  versions.months.set(`${sheetId}:${month}`, changed.monthVersion);
}
