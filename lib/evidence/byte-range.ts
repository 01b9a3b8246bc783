import type { ByteRange } from "@/lib/storage/port";

/**
 * HTTP `Range: bytes=…` of a download (RFC 9110 §14.1.2), for resuming a large file: one range, as `start-end`,
 * `start-` or `-suffix`. Several ranges, another unit or bad syntax are ignored (the whole file is served, as the
 * RFC allows); a range wholly past the end is refused with 416. Pure.
 */

export class RangeNotSatisfiableError extends Error {
  override name = "RangeNotSatisfiableError";
  constructor(readonly size: number) {
    super(`请求的范围超出文件大小（${size} 字节）`);
  }
}

/** The range to serve of a file of `size` bytes; null for the whole file. Throws RangeNotSatisfiableError. */
export function resolveRange(header: string | null | undefined, size: number): ByteRange | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? "");
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) throw new RangeNotSatisfiableError(size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Number(last);
  if (last !== "" && end < start) return null; // invalid: ignored
  if (start >= size) throw new RangeNotSatisfiableError(size);
  return { start, end: Math.min(end, size - 1) };
}
