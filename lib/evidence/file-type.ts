import { EVIDENCE_TYPES, extensionOf, MAX_EVIDENCE_BYTES, messages, type Signature } from "./limits";

/**
 * Decides whether an uploaded file is acceptable 佐证资料, by its extension AND its first bytes, so a
 * program renamed to `.pdf` is refused. Pure.
 */

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

function indexOfBytes(bytes: Uint8Array, needle: readonly number[]): number {
  const end = bytes.length - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const PDF = ascii("%PDF-");
const leadingBlank = (bytes: Uint8Array): number => {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < 1024 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return i;
};
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii("GIF87a");
const GIF89 = ascii("GIF89a");
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const RTF = ascii("{\\rtf");
/** Every OOXML package (docx/xlsx/pptx and WPS's) holds this part; zip stores entry names uncompressed. */
const CONTENT_TYPES = ascii("[Content_Types].xml");

/** The container format the bytes start with, or null when none of the accepted ones. */
export function sniff(bytes: Uint8Array): Signature | null {
  return sniffHead(bytes, indexOfBytes(bytes, CONTENT_TYPES) >= 0);
}

/** What sniffing needs of a file's start: the PDF header may follow up to 1 KB of blanks. */
const HEAD_BYTES = 2048;

/**
 * The same judgement as `sniff`, made while the file streams past (an upload is never held whole): the first
 * 2 KB are kept, and the rest is searched for the OOXML marker across chunk boundaries.
 */
export class ContentSniffer {
  private head = new Uint8Array(HEAD_BYTES);
  private headLength = 0;
  private tail = new Uint8Array(0);
  private marker = false;

  push(chunk: Uint8Array): void {
    if (this.headLength < HEAD_BYTES) {
      const take = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.head.set(take, this.headLength);
      this.headLength += take.length;
    }
    if (this.marker) return;
    const joined = new Uint8Array(this.tail.length + chunk.length);
    joined.set(this.tail);
    joined.set(chunk, this.tail.length);
    if (indexOfBytes(joined, CONTENT_TYPES) >= 0) this.marker = true;
    else this.tail = joined.slice(Math.max(0, joined.length - (CONTENT_TYPES.length - 1)));
  }

  signature(): Signature | null {
    return sniffHead(this.head.subarray(0, this.headLength), this.marker);
  }
}

function sniffHead(bytes: Uint8Array, hasContentTypes: boolean): Signature | null {
  // Readers accept the header anywhere in the first KB; we allow only whitespace or a BOM before it, so a
  // program with "%PDF-" somewhere in its header is not taken for a PDF.
  if (startsWith(bytes, PDF, leadingBlank(bytes))) return "pdf";
  if (startsWith(bytes, PNG)) return "png";
  if (startsWith(bytes, JPEG)) return "jpeg";
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return "gif";
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return "webp";
  if (startsWith(bytes, OLE)) return "ole";
  if (startsWith(bytes, ZIP_LOCAL)) return hasContentTypes ? "ooxml" : "zip";
  if (startsWith(bytes, ZIP_EMPTY)) return "zip";
  if (startsWith(bytes, RTF)) return "rtf";
  return null;
}

const IMAGE_MIME: Partial<Record<Signature, string>> = { png: "image/png", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp" };

/** Longest stored name, in characters (the extension is kept when cutting). */
export const MAX_NAME_LENGTH = 200;

/**
 * The name to keep for a file: the last path part only, without control and bidirectional-override
 * characters (which could disguise `exe.pdf` as `fdp.exe`), NFC-normalised, trimmed; Chinese kept.
 */
export function sanitiseFileName(raw: string): string {
  const base = raw.normalize("NFC").split(/[\\/]/).pop() ?? "";
  let name = base
    // C0/C1 controls, zero-width and bidi formatting characters, BOM.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, "")
    .trim()
    // Windows drops trailing dots and spaces; so do we, so the name round-trips.
    .replace(/[. ]+$/, "");
  if (name === "" || name === "." || name === "..") return "未命名文件";
  const chars = Array.from(name);
  if (chars.length > MAX_NAME_LENGTH) {
    const ext = extensionOf(name);
    const keep = ext && ext.length < 20 ? `.${ext}` : "";
    name = chars.slice(0, MAX_NAME_LENGTH - Array.from(keep).length).join("") + keep;
  }
  return name;
}

export type EvidenceCheck = { ok: true; name: string; mime: string } | { ok: false; name: string; message: string };

/** Checks one file: not empty, within the size limit, an allowed extension whose content matches it. */
export function checkEvidenceFile(rawName: string, bytes: Uint8Array): EvidenceCheck {
  return checkEvidenceContent(rawName, bytes.length, sniff(bytes));
}

/** The same check from what a stream showed: its size and its signature (ContentSniffer). */
export function checkEvidenceContent(rawName: string, size: number, signature: Signature | null): EvidenceCheck {
  const name = sanitiseFileName(rawName);
  if (size === 0) return { ok: false, name, message: messages.empty(name) };
  if (size > MAX_EVIDENCE_BYTES) return { ok: false, name, message: messages.tooLarge(name, size) };
  const ext = extensionOf(name);
  const type = Object.hasOwn(EVIDENCE_TYPES, ext) ? EVIDENCE_TYPES[ext] : undefined;
  if (!type || !signature || !type.signatures.includes(signature)) return { ok: false, name, message: messages.unsupportedType(name) };
  return { ok: true, name, mime: IMAGE_MIME[signature] ?? type.mime };
}
