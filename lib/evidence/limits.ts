/**
 * Limits of 佐证资料 uploads, in one place: the server enforces them (lib/evidence/upload-evidence.ts and
 * the upload route), the upload control repeats them for quick feedback. Pure: no node I/O, safe in the
 * browser bundle.
 */

const MB = 1024 * 1024;

/** Largest file accepted, in bytes. */
export const MAX_EVIDENCE_BYTES = 20 * MB;

/** How the limit reads in messages. */
export const MAX_EVIDENCE_LABEL = "20 MB";

/** The accepted kinds, as the refusal message names them. */
export const ALLOWED_KINDS_LABEL = "PDF、图片、Office 文档和 zip 压缩包";

/** Container formats recognised by their first bytes (see file-type.ts). */
export type Signature = "pdf" | "png" | "jpeg" | "gif" | "webp" | "ole" | "ooxml" | "zip" | "rtf";

export interface EvidenceType {
  /** Content-Type the file is served with; for images, the sniffed image's type wins. */
  mime: string;
  /** The signatures a file with this extension may carry. */
  signatures: readonly Signature[];
}

const IMAGE: readonly Signature[] = ["png", "jpeg", "gif", "webp"];
/** Office documents: OLE compound files (97–2003, and password-protected OOXML), or OOXML packages. */
const OFFICE: readonly Signature[] = ["ole", "ooxml"];

/** Allowed extensions (lower case, without the dot) and what their content must look like. */
export const EVIDENCE_TYPES: Readonly<Record<string, EvidenceType>> = {
  pdf: { mime: "application/pdf", signatures: ["pdf"] },
  png: { mime: "image/png", signatures: IMAGE },
  jpg: { mime: "image/jpeg", signatures: IMAGE },
  jpeg: { mime: "image/jpeg", signatures: IMAGE },
  gif: { mime: "image/gif", signatures: IMAGE },
  webp: { mime: "image/webp", signatures: IMAGE },
  doc: { mime: "application/msword", signatures: [...OFFICE, "rtf"] },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", signatures: OFFICE },
  xls: { mime: "application/vnd.ms-excel", signatures: OFFICE },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", signatures: OFFICE },
  ppt: { mime: "application/vnd.ms-powerpoint", signatures: OFFICE },
  pptx: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", signatures: OFFICE },
  // WPS Office (金山): 文字 / 表格 / 演示.
  wps: { mime: "application/octet-stream", signatures: OFFICE },
  et: { mime: "application/octet-stream", signatures: OFFICE },
  dps: { mime: "application/octet-stream", signatures: OFFICE },
  zip: { mime: "application/zip", signatures: ["zip", "ooxml"] },
};

/** For `<input type="file" accept>`: a hint to the browser's picker, not a check. */
export const EVIDENCE_ACCEPT = Object.keys(EVIDENCE_TYPES)
  .map((ext) => `.${ext}`)
  .join(",");

/** Size in MB with one decimal; a size over the limit never rounds down to it (`20.0 MB，超过上限 20 MB`). */
export function formatMegabytes(bytes: number): string {
  const tenths =
    bytes > MAX_EVIDENCE_BYTES ? Math.max(Math.round((bytes / MB) * 10), Math.floor((MAX_EVIDENCE_BYTES / MB) * 10) + 1) : Math.round((bytes / MB) * 10);
  return `${(tenths / 10).toFixed(1)} MB`;
}

/** A file size for lists: `512 B`, `12.3 KB`, `4.5 MB`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MB) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

export const messages = {
  unsupportedType: (name: string) => `文件「${name}」类型不支持：仅支持 ${ALLOWED_KINDS_LABEL}`,
  /** `bytes` is unknown when an upload was cut off before its end (no Content-Length). */
  tooLarge: (name: string, bytes?: number) =>
    bytes === undefined ? `文件「${name}」超过上限 ${MAX_EVIDENCE_LABEL}` : `文件「${name}」大小 ${formatMegabytes(bytes)}，超过上限 ${MAX_EVIDENCE_LABEL}`,
  empty: (name: string) => `文件「${name}」是空文件，请选择有内容的文件`,
  missing: "请选择要上传的文件",
};

/** The extension of a file name, lower case, without the dot; "" when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/**
 * What can be said about a file before its bytes are read (the browser's pre-check): empty, too large,
 * or an extension that is never accepted. The server checks the content as well.
 */
export function precheckEvidence(name: string, size: number): string | null {
  if (size === 0) return messages.empty(name);
  if (size > MAX_EVIDENCE_BYTES) return messages.tooLarge(name, size);
  if (!Object.hasOwn(EVIDENCE_TYPES, extensionOf(name))) return messages.unsupportedType(name);
  return null;
}
