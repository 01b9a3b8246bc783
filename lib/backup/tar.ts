/**
 * The little of the tar format (POSIX ustar) a backup needs: regular files with short names, written and read
 * as a stream, so an archive of any size passes through memory a chunk at a time. `tar -tzf` lists it.
 */

const BLOCK = 512;
const MAX_SIZE = 8 ** 11 - 1; // eleven octal digits

export interface TarEntry {
  name: string;
  size: number;
  /** Exactly `size` bytes. */
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

export function tarHeader(name: string, size: number, mtime: Date): Buffer {
  const nameBytes = Buffer.from(name, "utf8");
  if (nameBytes.length > 100) throw new Error(`归档内文件名过长：${name}`);
  if (!Number.isSafeInteger(size) || size < 0 || size > MAX_SIZE) throw new Error(`归档内文件过大：${name}`);
  const header = Buffer.alloc(BLOCK);
  nameBytes.copy(header, 0);
  header.write(octal(0o644, 8), 100, "ascii");
  header.write(octal(0, 8), 108, "ascii");
  header.write(octal(0, 8), 116, "ascii");
  header.write(octal(size, 12), 124, "ascii");
  header.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, "ascii");
  header.write("        ", 148, "ascii");
  header.write("0", 156, "ascii");
  header.write("ustar\u000000", 257, "ascii");
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return header;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** The archive's bytes: each entry's header, body and padding, then the two empty blocks that end it. */
export async function* tarStream(entries: AsyncIterable<TarEntry> | Iterable<TarEntry>, mtime = new Date()): AsyncGenerator<Uint8Array> {
  for await (const entry of entries) {
    yield tarHeader(entry.name, entry.size, mtime);
    let written = 0;
    for await (const chunk of entry.body) {
      written += chunk.length;
      if (written > entry.size) throw new Error(`归档内文件 ${entry.name} 在写入时变大了`);
      yield chunk;
    }
    if (written !== entry.size) throw new Error(`归档内文件 ${entry.name} 在写入时变小了`);
    yield padding(entry.size);
  }
  yield Buffer.alloc(2 * BLOCK);
}

/** Reads exact byte counts from a stream of chunks. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;
  private readonly source: AsyncIterator<Uint8Array>;
  constructor(source: AsyncIterable<Uint8Array>) {
    this.source = source[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<boolean> {
    while (this.length < n) {
      const next = await this.source.next();
      if (next.done) return false;
      const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      this.buffered.push(chunk);
      this.length += chunk.length;
    }
    return true;
  }

  private take(n: number): Buffer {
    const all = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered);
    this.buffered = n < all.length ? [all.subarray(n)] : [];
    this.length = all.length - n;
    return all.subarray(0, n);
  }

  async read(n: number): Promise<Buffer | null> {
    return (await this.fill(n)) ? this.take(n) : null;
  }

  /** `n` bytes as they arrive, in chunks of up to 1 MB. */
  async *stream(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.length === 0 && !(await this.fill(1))) throw new TarFormatError("归档不完整（文件在中途结束）");
      const part = this.take(Math.min(left, this.length, 1 << 20));
      left -= part.length;
      yield part;
    }
  }
}

export class TarFormatError extends Error {
  override name = "TarFormatError";
}

const field = (header: Buffer, start: number, length: number) =>
  header
    .subarray(start, start + length)
    .toString("utf8")
    .replace(/\0.*$/s, "");

function parseHeader(header: Buffer): { name: string; size: number; type: string } {
  const stored = Number.parseInt(field(header, 148, 8).trim() || "x", 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  if (stored !== sum) throw new TarFormatError("归档已损坏（文件头校验和不符）");
  const prefix = field(header, 345, 155);
  const name = field(header, 0, 100);
  const size = Number.parseInt(field(header, 124, 12).trim() || "0", 8);
  if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError(`归档已损坏（${name} 的长度无效）`);
  return { name: prefix ? `${prefix}/${name}` : name, size, type: field(header, 156, 1) || "0" };
}

/**
 * The entries of an archive, in order. Whatever of an entry's body is left unread is skipped when the next one is
 * asked for. Only regular files are accepted: a link or device in a backup is a sign of tampering.
 */
export async function* readTar(source: AsyncIterable<Uint8Array>): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(source);
  for (;;) {
    const header = await reader.read(BLOCK);
    if (!header) throw new TarFormatError("归档不完整（缺少结束标记）");
    if (header.every((byte) => byte === 0)) return;
    const { name, size, type } = parseHeader(header);
    if (type !== "0") throw new TarFormatError(`归档中有不是普通文件的条目：${name}`);
    let taken = 0;
    const body = (async function* () {
      for await (const chunk of reader.stream(size)) {
        taken += chunk.length;
        yield chunk;
      }
    })();
    yield { name, size, body };
    // What the consumer left unread.
    for await (const chunk of reader.stream(size - taken)) taken += chunk.length;
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad > 0 && !(await reader.read(pad))) throw new TarFormatError("归档不完整（文件在中途结束）");
  }
}
