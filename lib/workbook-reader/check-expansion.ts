import { inflateRawSync } from "node:zlib";
import { WORKBOOK_LIMITS as L } from "./limits";
import { refuse } from "./refusal";
import { isWorksheetPart, type ZipEntry } from "./zip-directory";

/**
 * Holds a file to what its directory declared, and counts what its worksheets hold, before exceljs builds
 * anything: each part is inflated with a hard cap at its declared size (zlib's `maxOutputLength`: inflation stops
 * there, so a part that lies costs at most what it declared, and all parts together at most the limit the
 * declared sizes were held to), one part at a time, dropped once counted. Then rows, cells and each worksheet's used range are checked
 * against the limits. Runs in the worker (it expands data; the request thread only reads the directory).
 */
export function checkExpansion(bytes: Uint8Array, entries: ZipEntry[]): void {
  let rows = 0;
  let cells = 0;
  for (const entry of entries) {
    const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    // check-archive.ts has held the declared sizes to the limit, so the declared size is also the budget left.
    const part = entry.method === 0 ? data : inflateCapped(data, entry.uncompressedSize, entry.name);
    if (part.byteLength > entry.uncompressedSize) throw refuse.overDeclared(entry.name, entry.uncompressedSize);
    if (!isWorksheetPart(entry.name)) continue;
    const sheet = scanWorksheet(part);
    rows += Math.max(sheet.rows, sheet.lastRow);
    cells += sheet.cells;
    if (rows > L.rows) throw refuse.rows(rows);
    if (cells > L.cells) throw refuse.cells(cells);
    if (sheet.lastRow * sheet.lastCol > L.gridPositions) throw refuse.gridPositions(entry.name, sheet.lastRow, sheet.lastCol);
  }
}

function inflateCapped(data: Uint8Array, cap: number, name: string): Buffer {
  try {
    // maxOutputLength must be at least 1; a part that declares 0 bytes and inflates to 1 is refused below.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw refuse.overDeclared(name, cap);
    throw refuse.notZip(`「${name}」无法解压`);
  }
}

export interface WorksheetCounts {
  /** `<row>` elements. */
  rows: number;
  /** `<c>` elements. */
  cells: number;
  /** The highest row number and column number used (what exceljs's rowCount and columnCount will be). */
  lastRow: number;
  lastCol: number;
}

const LT = 0x3c;
const SLASH = 0x2f;
const GT = 0x3e;
const QUOTE = 0x22;
const isNameEnd = (b: number | undefined) => b === 0x20 || b === GT || b === SLASH || b === 0x09 || b === 0x0a || b === 0x0d;

/**
 * Counts rows and cells of a worksheet's XML (`<row r="12">`, `<c r="AB12">`) in one pass over the bytes,
 * without building strings: the XML is as big as the limit allows. A row or cell without its `r` follows the
 * previous one, as in Excel.
 */
export function scanWorksheet(xml: Uint8Array): WorksheetCounts {
  const counts: WorksheetCounts = { rows: 0, cells: 0, lastRow: 0, lastCol: 0 };
  let row = 0;
  let col = 0;
  for (let i = xml.indexOf(LT); i !== -1; i = xml.indexOf(LT, i + 1)) {
    const a = xml[i + 1];
    if (a === 0x72 /* r */ && xml[i + 2] === 0x6f /* o */ && xml[i + 3] === 0x77 /* w */ && isNameEnd(xml[i + 4])) {
      counts.rows++;
      const r = attribute(xml, i + 4, "r");
      row = r === undefined ? row + 1 : Number(r) || row + 1;
      col = 0;
      if (row > counts.lastRow) counts.lastRow = row;
    } else if (a === 0x63 /* c */ && isNameEnd(xml[i + 2])) {
      counts.cells++;
      const ref = attribute(xml, i + 2, "r");
      col = ref === undefined ? col + 1 : columnNumber(ref) || col + 1;
      if (col > counts.lastCol) counts.lastCol = col;
    }
  }
  return counts;
}

/** The value of `name="…"` inside the tag that starts before `from`, or undefined. */
function attribute(xml: Uint8Array, from: number, name: string): string | undefined {
  const end = xml.indexOf(GT, from);
  if (end === -1) return undefined;
  const first = name.charCodeAt(0);
  for (let i = from; i < end - name.length - 1; i++) {
    if (xml[i] === first && isSpace(xml[i - 1]) && xml[i + name.length] === 0x3d /* = */ && xml[i + name.length + 1] === QUOTE) {
      const start = i + name.length + 2;
      const close = xml.indexOf(QUOTE, start);
      if (close === -1 || close > end) return undefined;
      return String.fromCharCode(...xml.subarray(start, Math.min(close, start + 20)));
    }
  }
  return undefined;
}

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** `AB12` → 28. */
function columnNumber(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}
