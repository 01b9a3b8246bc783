/**
 * What an uploaded workbook may cost the server, in one place (docs/workbooks.md). A year of a department's
 * target sheets is a few hundred rows and well under 1 MB; a lead's progress workbook is smaller still. The
 * limits leave room for a province-sized workbook (the 10,000-row benchmark passes every one of them) and refuse
 * what only a mistake or an attack produces — before the data is expanded wherever the file says enough.
 */

const MB = 1024 * 1024;

export const WORKBOOK_LIMITS = {
  /** The upload itself. Also the server action's body limit (next.config.js); a province's workbook is ~1 MB. */
  fileBytes: 10 * MB,
  /** Zip entries. An .xlsx has ~10 parts plus ~3 per worksheet; thousands means it is not a workbook we read. */
  entries: 2_000,
  /** Worksheets (`xl/worksheets/*.xml`). A department's year is one per sheet: ~20; a province's, a few hundred. */
  worksheets: 300,
  /**
   * All parts expanded, as declared by the zip directory and as actually inflated. The 10,000-row benchmark is
   * 3 MB of XML; 50 MB leaves room for styles, images and wide sheets (the cell limit bounds the sheets).
   */
  uncompressedBytes: 50 * MB,
  /**
   * Expanded ÷ compressed, for a part large enough to matter (over `ratioFloorBytes`). Sheet XML compresses
   * 10–20×, a sheet of repeated empty styled cells up to ~100×; a zip bomb is hundreds to millions.
   */
  ratio: 200,
  ratioFloorBytes: 1 * MB,
  /** Rows (`<row>` elements, or the highest row number used) of all worksheets together: twice the benchmark's. */
  rows: 20_000,
  /**
   * Cells (`<c>` elements) of all worksheets together. Reading costs ~1 KB of heap per cell at its peak (exceljs's
   * model, the grid, the sheets read, validation, lint): the benchmark's 90,000 cells peak at ~120 MB, so 150,000
   * is what the heap below holds.
   */
  cells: 150_000,
  /**
   * Positions a reader may walk: rows × columns of each worksheet's used range, summed. One cell typed at
   * XFD1048576 makes a sheet of 17 billion positions out of one `<c>`.
   */
  gridPositions: 2_000_000,
  /** Wall time of one read in the worker; the 10,000-row benchmark takes ~1.5 s on a busy 2-core machine. */
  milliseconds: 30_000,
  /**
   * The worker's V8 heap (old generation). The checks above keep a file that passes them within it; this is the
   * bound that holds whatever a file does — the worker is stopped, the server is not. A file refused by the checks
   * (a zip bomb) never loads exceljs and costs a few MB.
   */
  heapMb: 192,
  /** Reads at once (the machine has 2 cores); more wait in line, up to `queue`, then are turned away. */
  workers: 2,
  queue: 16,
} as const;

export type WorkbookLimit = keyof typeof WORKBOOK_LIMITS;

/** Bytes as a person reads them: `417 KB`, `400 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

/** A figure with thousands separators: `12,345`. */
export const formatCount = (n: number): string => n.toLocaleString("en-US");
