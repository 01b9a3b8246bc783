import { AppError } from "@/lib/errors";
import { sanitiseFileName } from "./file-type";
import { MAX_EVIDENCE_BYTES, messages } from "./limits";

/**
 * Reads a multipart upload (fields plus one `file`) from an HTTP request without ever holding more
 * than the size limit plus a little room for the other fields: route handlers, unlike server actions,
 * put no limit on the body. Web APIs only (Request, ReadableStream), so it is tested without Next.
 */

/** Room for the multipart framing and the small text fields around the file. */
export const MULTIPART_OVERHEAD = 64 * 1024;
/** How much of an over-long body is read to find the file's name for the message. */
const HEAD_BYTES = 16 * 1024;

export interface UploadForm {
  fields: Record<string, string>;
  file: { name: string; type: string; bytes: Uint8Array } | null;
}

/** Raised as an AppError (INVALID) with this status hint for an over-long body: HTTP 413. */
export class UploadTooLargeError extends AppError {
  constructor(message: string) {
    super("INVALID", message, [{ path: "file", message }]);
  }
}

export async function readUploadForm(request: Request, maxFileBytes = MAX_EVIDENCE_BYTES): Promise<UploadForm> {
  const contentType = request.headers.get("content-type") ?? "";
  const boundary = /^multipart\/form-data;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary || !request.body) throw new AppError("INVALID", "请以 multipart/form-data 方式上传文件");
  const boundaryText = boundary[1] ?? boundary[2] ?? "";

  const cap = maxFileBytes + MULTIPART_OVERHEAD;
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  const length = Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
  // A body announced as too long: read only its head, for the file's name.
  const { bytes, truncated } = await readAtMost(request.body, length !== undefined && length > cap ? HEAD_BYTES : cap);
  if (truncated || (length !== undefined && length > cap)) throw tooLarge(bytes, boundaryText, length);

  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("INVALID", "上传的内容无法解析，请重新选择文件上传");
  }
  const fields: Record<string, string> = {};
  let file: UploadForm["file"] = null;
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") fields[key] = value;
    else if (key === "file" && file === null) file = { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { fields, file };
}

/** Reads a stream up to `limit` bytes; `truncated` when there was more (the rest is not read). */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; truncated: boolean }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (total + value.length > limit) {
        chunks.push(value.subarray(0, limit - total));
        total = limit;
        truncated = true;
        break;
      }
      chunks.push(value);
      total += value.length;
    }
  } finally {
    if (truncated) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, truncated };
}

const encoder = new TextEncoder();

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * The refusal of an over-long body, naming the file from the head of its part. The size is exact when
 * the file is the last part (as the upload control sends it) and the body's length was announced.
 */
function tooLarge(head: Uint8Array, boundary: string, length: number | undefined): UploadTooLargeError {
  let name = "";
  let size: number | undefined;
  const marker = indexOf(head, encoder.encode('name="file"'));
  const headerEnd = marker < 0 ? -1 : indexOf(head, encoder.encode("\r\n\r\n"), marker);
  if (headerEnd >= 0) {
    const headers = new TextDecoder().decode(head.subarray(marker, headerEnd));
    const quoted = /filename="((?:[^"\\]|\\.)*)"/.exec(headers);
    if (quoted?.[1] !== undefined) name = decodeFormName(quoted[1]);
    if (length !== undefined) size = length - (headerEnd + 4) - `\r\n--${boundary}--\r\n`.length;
  }
  return new UploadTooLargeError(messages.tooLarge(sanitiseFileName(name), size !== undefined && size > 0 ? size : undefined));
}

/** Browsers escape `"`, CR and LF in multipart file names as %22, %0D, %0A. */
const decodeFormName = (raw: string) => raw.replace(/%22/g, '"').replace(/%0D/gi, "\r").replace(/%0A/gi, "\n").replace(/\\(.)/g, "$1");
