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
   * 3 MB of XML; exceljs holds ~8 bytes of heap per byte of sheet XML, so 50 MB is about what the worker's heap
   * (below) can hold.
   */
  uncompressedBytes: 50 * MB,
  /**
   * Expanded ÷ compressed, for a part large enough to matter (over `ratioFloorBytes`). Sheet XML compresses
   * 10–20×, a sheet of repeated empty styled cells up to ~100×; a zip bomb is hundreds to millions.
   */
  ratio: 200,
  ratioFloorBytes: 1 * MB,
  /** Rows (`<row>` elements, or the highest row number used) of all worksheets together. */
  rows: 50_000,
  /** Cells (`<c>` elements) of all worksheets together: ~280 bytes of heap each once loaded. */
  cells: 300_000,
  /**
   * Positions a reader may walk: rows × columns of each worksheet's used range, summed. One cell typed at
   * XFD1048576 makes a sheet of 17 billion positions out of one `<c>`.
   */
  gridPositions: 2_000_000,
  /** Wall time of one read in the worker; the 10,000-row benchmark takes ~1.5 s on a busy 2-core machine. */
  milliseconds: 30_000,
  /**
   * The worker's V8 heap. Declared sizes can lie and exceljs's model is bigger than the XML: this is the bound
   * that holds whatever the file says — the worker is stopped, the server is not.
   */
  heapMb: 96,
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
