import { Readable } from "node:stream";
import busboy from "busboy";
import { AppError } from "@/lib/errors";
import { sanitiseFileName } from "./file-type";
import { MAX_EVIDENCE_BYTES, messages } from "./limits";

/**
 * Reads a multipart upload (fields plus one `file`) from an HTTP request as it arrives: the small fields are
 * collected, and the file is handed on as a stream the use case reads once — into the evidence store's staging,
 * hashed and checked on the way — so no upload is ever held in memory whole. Route handlers, unlike server
 * actions, put no limit on the body: a body announced as too long is refused from its head alone, and a file that
 * turns out too long is cut off one byte past the limit (the use case refuses it).
 */

/** Room for the multipart framing and the small text fields around the file. */
export const MULTIPART_OVERHEAD = 64 * 1024;
/** How much of an over-long body is read to find the file's name for the message. */
const HEAD_BYTES = 16 * 1024;

export interface UploadForm {
  /** The fields before the file (the upload control sends the file last). */
  fields: Record<string, string>;
  file: {
    name: string;
    type: string;
    /** The file's bytes as they arrive; read it once. Errors in the body surface here as an AppError. */
    stream: AsyncIterable<Uint8Array>;
    /** At least this many bytes, from the request's announced length: for a quota check before reading. */
    sizeHint?: number;
  } | null;
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
  if (length !== undefined && length > cap) {
    // A body announced as too long: read only its head, for the file's name.
    const { bytes } = await readAtMost(request.body, HEAD_BYTES);
    throw tooLarge(bytes, boundaryText, length);
  }
  return parseMultipart(request.body, contentType, maxFileBytes, length === undefined ? undefined : Math.max(0, length - MULTIPART_OVERHEAD));
}

const unreadable = () => new AppError("INVALID", "上传的内容无法解析，请重新选择文件上传");

/** busboy over the body: resolves at the file part (or the end, without one) with the fields before it. */
function parseMultipart(body: ReadableStream<Uint8Array>, contentType: string, maxFileBytes: number, sizeHint: number | undefined): Promise<UploadForm> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let settled = false;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { "content-type": contentType },
        defParamCharset: "utf8",
        // One byte past the limit reaches the use case, which refuses the file naming it.
        limits: { files: 1, fileSize: maxFileBytes + 1, fields: 20, fieldSize: 4096, parts: 25 },
      });
    } catch {
      reject(unreadable());
      return;
    }
    const source = Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
    const fail = (error: unknown) => {
      source.destroy();
      if (!settled) {
        settled = true;
        reject(error instanceof AppError ? error : unreadable());
      }
    };
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (name, file, info) => {
      if (name !== "file" || settled) {
        file.resume(); // a second file, or one under another name: skipped
        return;
      }
      settled = true;
      resolve({ fields: { ...fields }, file: { name: info.filename ?? "", type: info.mimeType, stream: guarded(file), sizeHint } });
    });
    parser.on("close", () => {
      if (!settled) {
        settled = true;
        resolve({ fields, file: null });
      }
    });
    parser.on("error", fail);
    source.on("error", fail);
    source.pipe(parser);
  });
}

/** The file part's bytes; a broken body (cut off, malformed) becomes the same Chinese refusal as before the file. */
async function* guarded(file: Readable): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of file) yield chunk as Buffer;
  } catch {
    throw unreadable();
  }
}

/** Reads a stream up to `limit` bytes; `truncated` when there was more (the rest is not read). */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
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
