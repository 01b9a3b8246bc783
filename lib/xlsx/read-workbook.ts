import ExcelJS from "exceljs";
import type { Problem } from "@/lib/errors";
import type { InterchangeFile, InterchangeSheet } from "@/lib/interchange/schema";
import { validateInterchange, type ValidFile } from "@/lib/interchange/validate";
import { findBlocks } from "./blocks";
import { gridOf } from "./grid";
import { CellMap, problemAt } from "./locations";
import { readBlock } from "./read-block";

export type ReadWorkbookResult = { ok: true; file: InterchangeFile } | { ok: false; problems: Problem[] };
/** As read (`file`, for showing and linting) and as validated (`valid`, ready to import). */
export type ReadValidWorkbookResult = { ok: true; file: InterchangeFile; valid: ValidFile } | { ok: false; problems: Problem[] };

export const NO_SHEETS = "工作簿中没有找到绩效目标表";

/**
 * Reads every 项目支出绩效目标表 / 部门整体绩效目标表 of an .xlsx workbook into the interchange format.
 * All problems of all sheets are reported at once, each naming worksheet, cell and field; a workbook
 * with any problem yields no file, so a half-read sheet is never imported.
 */
export async function readSheetsWorkbook(
  buffer: Buffer | ArrayBuffer | Uint8Array,
  options: { department: string; fiscalYear: number },
): Promise<ReadWorkbookResult> {
  const read = await readValidSheetsWorkbook(buffer, options);
  return read.ok ? { ok: true, file: read.file } : read;
}

/** readSheetsWorkbook, also giving the validated file it checked, so an import need not validate again. */
export async function readValidSheetsWorkbook(
  buffer: Buffer | ArrayBuffer | Uint8Array,
  options: { department: string; fiscalYear: number },
): Promise<ReadValidWorkbookResult> {
  const loaded = await loadWorkbook(buffer);
  return loaded.ok ? readLoadedSheetsWorkbook(loaded.workbook, options) : loaded;
}

/** An .xlsx loaded by exceljs, or the problem that it is not one. */
export async function loadWorkbook(
  buffer: Buffer | ArrayBuffer | Uint8Array,
): Promise<{ ok: true; workbook: ExcelJS.Workbook } | { ok: false; problems: Problem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(toArrayBuffer(buffer));
    return { ok: true, workbook };
  } catch (error) {
    return { ok: false, problems: [{ path: "", message: `${NOT_A_WORKBOOK}：${(error as Error).message}` }] };
  }
}

export const NOT_A_WORKBOOK = "不是有效的 Excel 工作簿（.xlsx）";

/** readValidSheetsWorkbook of a workbook already loaded (by an import that also reads its year). */
export function readLoadedSheetsWorkbook(workbook: ExcelJS.Workbook, options: { department: string; fiscalYear: number }): ReadValidWorkbookResult {
  const sheets: InterchangeSheet[] = [];
  const cells = new CellMap();
  const problems: Problem[] = [];
  for (const worksheet of workbook.worksheets) {
    const grid = gridOf(worksheet);
    for (const block of findBlocks(grid)) {
      const result = readBlock(grid, block);
      if (result.kind === "empty") continue;
      problems.push(...result.problems.map((p) => problemAt(p.where, p.message)));
      if (result.kind === "broken") continue;
      const s = sheets.push(result.sheet) - 1;
      for (const { path, where } of result.locations) cells.add(["sheets", s, ...path], where);
    }
  }
  if (sheets.length === 0 && problems.length === 0) return { ok: false, problems: [{ path: "", message: NO_SHEETS }] };

  const file: InterchangeFile = { department: options.department, fiscalYear: options.fiscalYear, sheets };
  const validation = validateInterchange(file);
  if (!validation.ok) problems.push(...cells.mapProblems(file, validation.problems, new Set(problems.map((p) => p.path))));
  return problems.length > 0 || !validation.ok ? { ok: false, problems } : { ok: true, file, valid: validation.file };
}

// exceljs's typings want its own Buffer type; a copy also detaches the input from a pooled Node buffer.
function toArrayBuffer(input: Buffer | ArrayBuffer | Uint8Array): ArrayBuffer {
  if (input instanceof ArrayBuffer) return input;
  return input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer;
}
