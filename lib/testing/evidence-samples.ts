/** Small files with real signatures, for tests (not real documents: only their first bytes are genuine). */

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? Array.from(new TextEncoder().encode(p)) : p)));

export const samples = {
  pdf: bytes("%PDF-1.7\n%\xe2\xe3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR"),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF\0"),
  gif: bytes("GIF89a", [1, 0, 1, 0, 0, 0, 0]),
  webp: bytes("RIFF", [36, 0, 0, 0], "WEBPVP8 "),
  ole: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array(24).fill(0)),
  docx: bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0], new Array(16).fill(0), [19, 0, 0, 0], "[Content_Types].xml", "<Types/>"),
  zip: bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0], new Array(16).fill(0), [9, 0, 0, 0], "hello.txt", "hello"),
  emptyZip: bytes([0x50, 0x4b, 0x05, 0x06], new Array(18).fill(0)),
  rtf: bytes("{\\rtf1\\ansi 你好}"),
  exe: bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0], "This program cannot be run in DOS mode.\r\n%PDF-1.7"),
  elf: bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], new Array(8).fill(0)),
  script: bytes("#!/bin/sh\nrm -rf /\n"),
  html: bytes("<html><script>alert(1)</script></html>"),
};

/** A valid-looking PDF of exactly `size` bytes. */
export function pdfOfSize(size: number, fill = 0x20): Uint8Array {
  const out = new Uint8Array(size).fill(fill);
  out.set(samples.pdf.subarray(0, Math.min(size, samples.pdf.length)));
  return out;
}
