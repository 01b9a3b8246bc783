import type { Alignment, Borders, CellValue, Font, Worksheet } from "exceljs";
import { columnLetter } from "./grid";

/**
 * 宋体 is what the official forms are printed in; charset 134 (GB2312) lets Excel and LibreOffice pick a
 * CJK substitute where 宋体 is not installed instead of rendering boxes.
 */
const FONT: Partial<Font> = { name: "宋体", size: 11, charset: 134 };

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export const AMOUNT_FORMAT = "#,##0.00";
/** Text format: an entry typed later as `=100%` stays text instead of becoming a formula. */
export const TEXT_FORMAT = "@";

export interface CellStyle {
  bold?: boolean;
  size?: number;
  align?: Alignment["horizontal"];
  wrap?: boolean;
  numFmt?: string;
  border?: boolean;
}

const LINE_HEIGHT = 14.5; // points per line of 11pt 宋体
const MIN_ROW_HEIGHT = 20;

/**
 * Writes a form cell by cell. Excel does not re-measure wrapped rows when it opens a file, so row
 * heights are estimated here from the text and the width it wraps in.
 */
export class FormWriter {
  private readonly lines = new Map<number, number>();

  constructor(
    readonly worksheet: Worksheet,
    private readonly widths: readonly number[],
  ) {
    widths.forEach((width, i) => {
      const column = worksheet.getColumn(i + 1);
      column.width = width;
    });
  }

  /** One cell, or a merge from (row, col) to (toRow, toCol); every cell of a merge gets the border. */
  put(row: number, col: number, value: CellValue, style: CellStyle = {}, toRow = row, toCol = col): void {
    if (toRow !== row || toCol !== col) this.worksheet.mergeCells(row, col, toRow, toCol);
    for (let r = row; r <= toRow; r++) {
      for (let c = col; c <= toCol; c++) {
        const cell = this.worksheet.getCell(r, c);
        cell.font = { ...FONT, ...(style.size ? { size: style.size } : {}), ...(style.bold ? { bold: true } : {}) };
        cell.alignment = { vertical: "middle", horizontal: style.align ?? "left", wrapText: style.wrap ?? true };
        if (style.border !== false) cell.border = BORDER;
        if (style.numFmt) cell.numFmt = style.numFmt;
      }
    }
    this.worksheet.getCell(row, col).value = value;
    if (typeof value === "string" && (style.wrap ?? true)) this.fit(row, toRow, value, this.widthOf(col, toCol), style.size);
  }

  /** Sets estimated heights; a row keeps at least `min` points. */
  finish(fixed: ReadonlyMap<number, number> = new Map()): void {
    const rows = new Set([...this.lines.keys(), ...fixed.keys()]);
    for (const r of rows) {
      const height = Math.max(MIN_ROW_HEIGHT, (this.lines.get(r) ?? 1) * LINE_HEIGHT + 6, fixed.get(r) ?? 0);
      this.worksheet.getRow(r).height = height;
    }
  }

  private widthOf(col: number, toCol: number): number {
    let width = 0;
    for (let c = col; c <= toCol; c++) width += this.widths[c - 1] ?? 9;
    return width;
  }

  /** A merge over several rows spreads its lines over them. */
  private fit(row: number, toRow: number, text: string, width: number, size = 11): void {
    const perLine = Math.max(1, (width - 1) * (11 / size));
    const lines = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / perLine)), 0);
    const each = Math.ceil(lines / (toRow - row + 1));
    for (let r = row; r <= toRow; r++) this.lines.set(r, Math.max(this.lines.get(r) ?? 1, each));
  }
}

/** Column-width units: a CJK character takes two, like in Excel's own measure. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uFFEF]/u.test(ch) ? 2 : 1;
  return width;
}

/** A4 landscape, one page wide, the indicator table's header repeated on every page. */
export function setPrintLayout(worksheet: Worksheet, lastCol: number, lastRow: number, repeatRow: number): void {
  worksheet.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printArea: `A1:${columnLetter(lastCol)}${lastRow}`,
    printTitlesRow: `${repeatRow}:${repeatRow}`,
  };
}
