import { constants, createDeflateRaw, deflateRawSync } from "node:zlib";

/**
 * Zip files built byte by byte, for the workbook reader's limit tests: what a part declares can differ from what
 * it holds (`declaredSize`), and a part can be given already deflated (`deflated`), so a bomb needs neither its
 * expanded bytes in memory nor a tool that refuses to write a lie.
 */
export interface ZipPart {
  name: string;
  /** The content, deflated here. */
  data?: Uint8Array | string;
  /** Or the deflated bytes as they are (with `declaredSize`). */
  deflated?: Uint8Array;
  /** The uncompressed size written in the headers; by default the real one. */
  declaredSize?: number;
}

export function zipOf(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = typeof part.data === "string" ? Buffer.from(part.data) : part.data ? Buffer.from(part.data) : undefined;
    const deflated = part.deflated ? Buffer.from(part.deflated) : deflateRawSync(raw ?? Buffer.alloc(0));
    const size = part.declaredSize ?? raw?.byteLength ?? 0;
    const crc = raw ? crc32(raw) : 0;
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    locals.push(local, name, deflated);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(deflated.byteLength, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.byteLength, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.byteLength + deflated.byteLength;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(parts.length, 0xfffe), 8);
  end.writeUInt16LE(Math.min(parts.length, 0xfffe), 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The parts of an .xlsx around its worksheets, so a bomb looks like a workbook. */
export const WORKBOOK_PARTS: ZipPart[] = [
  {
    name: "[Content_Types].xml",
    data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  },
  { name: "xl/workbook.xml", data: '<?xml version="1.0" encoding="UTF-8"?><workbook/>' },
];

/** Sheet XML with these rows, each of `cellsPerRow` numeric cells. */
export function sheetXml(rows: number, cellsPerRow = 1, firstRow = 1): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>'];
  for (let r = firstRow; r < firstRow + rows; r++) {
    out.push(`<row r="${r}">`);
    for (let c = 0; c < cellsPerRow; c++) out.push(`<c r="${columnName(c + 1)}${r}"><v>1</v></c>`);
    out.push("</row>");
  }
  out.push("</sheetData></worksheet>");
  return out.join("");
}

function columnName(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A worksheet part that expands to about `megabytes` MB of `<row/>`, deflated in ~70 ms without ever holding the
 * expanded data: one ~1 MB period-aligned chunk is deflated twice with a sync flush; the second block holds only
 * back-references into the first, so it is the same bytes every time and is repeated. ~1,500 bytes per MB (≈ 1000×).
 */
export async function sheetBomb(megabytes: number): Promise<{ deflated: Uint8Array; size: number }> {
  const chunk = Buffer.alloc(6 * 174_762, "<row/>");
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  const block = () =>
    new Promise<Buffer>((resolve) => {
      deflate.write(chunk);
      deflate.flush(constants.Z_SYNC_FLUSH, () => resolve(Buffer.concat(out.splice(0))));
    });
  const first = await block();
  const repeated = await block();
  const ended = new Promise((resolve) => deflate.on("end", resolve));
  deflate.end();
  await ended;
  const tail = Buffer.concat(out);
  const deflated = Buffer.concat([first, ...Array<Buffer>(Math.max(0, megabytes - 1)).fill(repeated), tail]);
  return { deflated: new Uint8Array(deflated), size: Math.max(1, megabytes) * chunk.byteLength };
}

/** CRC-32 (IEEE), for honest headers. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8)) >>> 0;
  return (crc ^ 0xffffffff) >>> 0;
}

const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
