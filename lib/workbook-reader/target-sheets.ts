import type { Problem } from "@/lib/errors";
import type { InterchangeFile } from "@/lib/interchange/schema";
import type { ValidFile } from "@/lib/interchange/validate";
import { type LintIssue, lintSheet } from "@/lib/lint";
import { loadWorkbook, readLoadedSheetsWorkbook, workbookYear } from "@/lib/xlsx";

export interface TargetSheetsOptions {
  /** The department the sheets belong to (the form does not print it). */
  department: string;
  /** The fiscal year; when absent, the year the forms print under their titles. */
  year?: number;
}

export type TargetSheetsRead =
  /** The year was neither given nor printed (the template's `（    年）`). */
  | { ok: false; year: undefined; problems: [] }
  /** Problems of reading, each naming worksheet and cell: nothing to import. */
  | { ok: false; year: number; problems: Problem[] }
  /** As read (`file`, to show), as validated (`valid`, to import) and each sheet's lint. */
  | { ok: true; year: number; problems: []; file: InterchangeFile; valid: ValidFile; lint: LintIssue[][] };

/**
 * The `target-sheets` job: a workbook of 项目支出/部门整体绩效目标表 read for import, in one load of the file (the
 * year and the sheets were two loads before). Pure: bytes in, plain data out (it crosses from the worker by
 * structured clone: no class instances).
 */
export async function readTargetSheets(bytes: Uint8Array, options: TargetSheetsOptions): Promise<TargetSheetsRead> {
  const loaded = await loadWorkbook(bytes);
  if (!loaded.ok)
    return options.year === undefined ? { ok: false, year: undefined, problems: [] } : { ok: false, year: options.year, problems: loaded.problems };
  const year = options.year ?? workbookYear(loaded.workbook);
  if (year === undefined) return { ok: false, year: undefined, problems: [] };
  const read = readLoadedSheetsWorkbook(loaded.workbook, { department: options.department, fiscalYear: year });
  if (!read.ok) return { ok: false, year, problems: read.problems };
  return { ok: true, year, problems: [], file: read.file, valid: read.valid, lint: read.file.sheets.map((sheet) => lintSheet(sheet)) };
}
