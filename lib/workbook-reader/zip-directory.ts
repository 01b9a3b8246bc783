import { WORKBOOK_LIMITS } from "./limits";
import { refuse } from "./refusal";

/**
 * The central directory of a zip file (an .xlsx is one), read without expanding anything: what the file says it
 * holds, so the limits can be checked before any data is inflated (APPNOTE.TXT 4.3.12, 4.3.16). Only what a
 * workbook needs: no ZIP64, no encryption, no multi-disk archives — a file using them is refused as not a workbook.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As declared: expanding checks it holds. */
  uncompressedSize: number;
  /** Where the entry's data starts in the file (past its local header). */
  dataOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end === undefined) throw refuse.notZip("找不到压缩包目录（文件不完整或不是 .xlsx）");
  const disk = view.getUint16(end + 4, true);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (disk !== 0) throw refuse.notZip("分卷压缩包");
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw refuse.notZip("使用了 ZIP64 格式");
  if (offset + size > end) throw refuse.notZip("压缩包目录越界");

  const entries: ZipEntry[] = [];
  let at = offset;
  while (at < offset + size) {
    // The directory is counted as it is walked: the count in the end record can lie.
    if (entries.length >= WORKBOOK_LIMITS.entries) throw refuse.entries(Math.max(count, entries.length + 1));
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL) throw refuse.notZip("压缩包目录已损坏");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) throw refuse.notZip(`「${name}」已加密`);
    if (method !== 0 && method !== 8) throw refuse.notZip(`「${name}」使用了不支持的压缩方式 ${method}`);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) throw refuse.notZip("使用了 ZIP64 格式");
    entries.push({ name, method, compressedSize, uncompressedSize, dataOffset: dataOffset(view, localOffset, compressedSize, name) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The end-of-central-directory record: the last 22 bytes, or earlier when the archive has a comment. */
function findEndOfDirectory(view: DataView): number | undefined {
  const last = view.byteLength - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return undefined;
}

function dataOffset(view: DataView, localOffset: number, compressedSize: number, name: string): number {
  if (localOffset + 30 > view.byteLength || view.getUint32(localOffset, true) !== LOCAL) throw refuse.notZip(`「${name}」的数据位置有误`);
  const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
  if (start + compressedSize > view.byteLength) throw refuse.notZip(`「${name}」的数据不完整`);
  return start;
}

/** A worksheet part of an .xlsx: `xl/worksheets/sheet1.xml`. */
export const isWorksheetPart = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
