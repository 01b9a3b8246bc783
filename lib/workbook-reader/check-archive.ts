import { WORKBOOK_LIMITS as L } from "./limits";
import { refuse } from "./refusal";
import { isWorksheetPart, readZipDirectory, type ZipEntry } from "./zip-directory";

/**
 * The limits a file can be held to before anything is expanded: its size, and what its zip directory declares —
 * the number of parts and worksheets, their expanded size and each part's compression ratio. Throws the
 * WorkbookRefusal of the first limit passed; returns the directory for `checkExpansion`, which holds the file to
 * what it declared. Cheap (it reads the directory, a few KB), so it runs on the request thread and a refused file
 * never starts a worker.
 */
export function checkArchive(bytes: Uint8Array): ZipEntry[] {
  if (bytes.byteLength === 0) throw refuse.empty();
  if (bytes.byteLength > L.fileBytes) throw refuse.fileBytes(bytes.byteLength);
  const entries = readZipDirectory(bytes);
  const worksheets = entries.filter((e) => isWorksheetPart(e.name)).length;
  if (worksheets > L.worksheets) throw refuse.worksheets(worksheets);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > L.uncompressedBytes) throw refuse.declared(declared);
  for (const e of entries) {
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > L.ratioFloorBytes && ratio > L.ratio) throw refuse.ratio(e.name, ratio);
  }
  return entries;
}
