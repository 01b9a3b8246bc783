import ExcelJS, { type Worksheet } from "exceljs";
import { cellContent } from "./cell-content";
import { COL, ENTRY_FIELDS, type EntryField, EXECUTED_COL, FORMAT_MARK, MONTH_VERSION_COL, ORIGINAL_EXECUTED_COL, ROW } from "./progress-layout";

/**
 * Reads a filled 进度填报工作簿 back (pure: bytes in, plain data out). It only takes the cells as they stand — a
 * number cell as its exact decimal, a text cell as typed (`１，６００`, `85%`) — and leaves every judgement of
 * the values to the progress use case, so a workbook reads exactly as the form does. The result holds plain
 * objects and strings only (structured-cloneable), so the reader can run in a worker thread.
 */

export interface ReadProgressWorkbookOptions {
  /** More rows than this in one worksheet are refused (a sheet has at most 200 indicators). */
  maxRowsPerSheet?: number;
}

/** A problem of the workbook itself, named by worksheet, row and column where it has one. */
export interface WorkbookProblem {
  worksheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

export type EntryTexts = Record<EntryField, string>;

export interface ReadProgressRow {
  /** The Excel row number (1-based). */
  row: number;
  indicatorId: number;
  /** The entry's version when the workbook was downloaded. */
  version: number;
  /** What the cells hold now. */
  cells: EntryTexts;
  /** What they held when downloaded (the hidden columns). */
  original: EntryTexts;
}

export interface ReadProgressSheet {
  worksheet: string;
  sheetId: number;
  month: number;
  /** The sheet-month's version when downloaded. */
  monthVersion: number;
  executed: { cell: string; original: string };
  rows: ReadProgressRow[];
}

export interface ProgressWorkbookRead {
  sheets: ReadProgressSheet[];
  /** Worksheets this system did not write, left unread (a note a lead added). */
  skipped: string[];
  problems: WorkbookProblem[];
}

const DEFAULT_MAX_ROWS = 1000;
export const NOT_A_PROGRESS_WORKBOOK = "不是本系统下载的进度填报工作簿：请先在“进度填报”或“我的项目”中下载本月工作簿，填写后再上传";

const text = (worksheet: Worksheet, row: number, col: number): string => cellContent(worksheet.getRow(row).getCell(col)).text.trim();

/** A hidden id or version: a whole number, or null when someone changed it. */
function whole(worksheet: Worksheet, row: number, col: number, min: number): number | null {
  const t = text(worksheet, row, col);
  if (!/^\d{1,10}$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= 2_147_483_647 ? n : null;
}

const TAMPERED = "隐藏的编号或版本被改动，请重新下载本月工作簿后再填写";

function readWorksheet(worksheet: Worksheet, maxRows: number, problems: WorkbookProblem[]): ReadProgressSheet | null {
  const name = worksheet.name;
  const at = (row: number | null, message: string, column: string | null = null) => problems.push({ worksheet: name, row, column, message });
  const sheetId = whole(worksheet, ROW.executed, COL.sheetId, 1);
  const month = whole(worksheet, ROW.executed, COL.month, 1);
  const monthVersion = whole(worksheet, ROW.executed, MONTH_VERSION_COL, 0);
  if (sheetId === null || month === null || month > 12 || monthVersion === null) {
    at(ROW.executed, TAMPERED);
    return null;
  }
  const rows: ReadProgressRow[] = [];
  const seen = new Set<number>();
  for (let r = ROW.firstIndicator; r <= worksheet.rowCount; r++) {
    const idText = text(worksheet, r, COL.indicatorId);
    if (idText === "") {
      // Past the last indicator; a row someone typed into below it would be lost silently, so it is named.
      const typed = ENTRY_FIELDS.some((f) => text(worksheet, r, COL[f]) !== "");
      if (typed) at(r, "这一行不是下载时的指标行，其中的内容不会写入；请把内容填在对应指标的行中");
      continue;
    }
    if (rows.length >= maxRows) {
      at(r, `工作表超过 ${maxRows} 行指标，不能读取`);
      return null;
    }
    const indicatorId = whole(worksheet, r, COL.indicatorId, 1);
    const version = whole(worksheet, r, COL.version, 0);
    if (indicatorId === null || version === null || whole(worksheet, r, COL.sheetId, 1) !== sheetId || whole(worksheet, r, COL.month, 1) !== month) {
      at(r, TAMPERED);
      continue;
    }
    if (seen.has(indicatorId)) {
      at(r, "同一指标出现了两次（行被复制了？），请重新下载本月工作簿");
      continue;
    }
    seen.add(indicatorId);
    const cells = Object.fromEntries(ENTRY_FIELDS.map((f) => [f, text(worksheet, r, COL[f])])) as EntryTexts;
    const original = Object.fromEntries(ENTRY_FIELDS.map((f, k) => [f, text(worksheet, r, COL.original + k)])) as EntryTexts;
    rows.push({ row: r, indicatorId, version, cells, original });
  }
  return {
    worksheet: name,
    sheetId,
    month,
    monthVersion,
    executed: { cell: text(worksheet, ROW.executed, EXECUTED_COL), original: text(worksheet, ROW.executed, ORIGINAL_EXECUTED_COL) },
    rows,
  };
}

export async function readProgressWorkbook(bytes: Uint8Array, options: ReadProgressWorkbookOptions = {}): Promise<ProgressWorkbookRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs wants an ArrayBuffer of exactly these bytes (a Uint8Array may view part of a larger buffer).
    await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  } catch (error) {
    return {
      sheets: [],
      skipped: [],
      problems: [{ worksheet: null, row: null, column: null, message: `不是有效的 Excel 工作簿（.xlsx）：${(error as Error).message}` }],
    };
  }
  const problems: WorkbookProblem[] = [];
  const sheets: ReadProgressSheet[] = [];
  const skipped: string[] = [];
  for (const worksheet of workbook.worksheets) {
    if (text(worksheet, ROW.title, COL.sheetId) !== FORMAT_MARK) {
      skipped.push(worksheet.name);
      continue;
    }
    const sheet = readWorksheet(worksheet, options.maxRowsPerSheet ?? DEFAULT_MAX_ROWS, problems);
    if (!sheet) continue;
    const twin = sheets.find((s) => s.sheetId === sheet.sheetId && s.month === sheet.month);
    if (twin) problems.push({ worksheet: sheet.worksheet, row: null, column: null, message: `与工作表“${twin.worksheet}”是同一张表的同一个月，请只保留一个` });
    else sheets.push(sheet);
  }
  if (sheets.length === 0 && problems.length === 0) problems.push({ worksheet: null, row: null, column: null, message: NOT_A_PROGRESS_WORKBOOK });
  return { sheets, skipped, problems };
}

/** `工作表“科技创新券”第 7 行“全年预计完成值”：不是有效的数字`. */
export function describeProblem(p: WorkbookProblem): string {
  const where = [p.worksheet === null ? "" : `工作表“${p.worksheet}”`, p.row === null ? "" : `第 ${p.row} 行`, p.column === null ? "" : `“${p.column}”`].join(
    "",
  );
  return where ? `${where}：${p.message}` : p.message;
}
