import { describe, expect, it } from "vitest";
import { samples, pdfOfSize } from "@/lib/testing/evidence-samples";
import { ContentSniffer, checkEvidenceFile, MAX_NAME_LENGTH, sanitiseFileName, sniff } from "./file-type";
import { EVIDENCE_ACCEPT, formatFileSize, formatMegabytes, MAX_EVIDENCE_BYTES, precheckEvidence } from "./limits";

const UNSUPPORTED = (name: string) => `文件「${name}」类型不支持：仅支持 PDF、图片、Office 文档和 zip 压缩包`;

describe("sniff", () => {
  it.each([
    ["pdf", samples.pdf, "pdf"],
    ["pdf after a BOM and blank lines", new Uint8Array([0xef, 0xbb, 0xbf, 0x0a, 0x0d, 0x0a, ...samples.pdf]), "pdf"],
    ["png", samples.png, "png"],
    ["jpeg", samples.jpeg, "jpeg"],
    ["gif", samples.gif, "gif"],
    ["webp", samples.webp, "webp"],
    ["OLE compound file", samples.ole, "ole"],
    ["OOXML package", samples.docx, "ooxml"],
    ["plain zip", samples.zip, "zip"],
    ["empty zip", samples.emptyZip, "zip"],
    ["rtf", samples.rtf, "rtf"],
    ["PE executable (with %PDF- in its header)", samples.exe, null],
    ["ELF executable", samples.elf, null],
    ["shell script", samples.script, null],
    ["html", samples.html, null],
    ["RIFF that is not WEBP (wav)", new TextEncoder().encode("RIFF\x24\0\0\0WAVEfmt "), null],
    ["too short", new Uint8Array([0xff, 0xd8]), null],
    ["empty", new Uint8Array(), null],
  ])("%s", (_, bytes, expected) => {
    expect(sniff(bytes)).toBe(expected);
    // Streamed in pieces of any size, the same judgement.
    for (const piece of [1, 7, 4096]) {
      const sniffer = new ContentSniffer();
      for (let i = 0; i < bytes.length; i += piece) sniffer.push(bytes.subarray(i, i + piece));
      expect(sniffer.signature()).toBe(expected);
    }
  });

  it("finds the OOXML marker far past the head, split across two chunks", () => {
    const marker = new TextEncoder().encode("[Content_Types].xml");
    const bytes = new Uint8Array(100_000);
    bytes.set(samples.zip.subarray(0, 30));
    bytes.set(marker, 70_000);
    expect(sniff(bytes)).toBe("ooxml");
    const sniffer = new ContentSniffer();
    sniffer.push(bytes.subarray(0, 70_005));
    sniffer.push(bytes.subarray(70_005));
    expect(sniffer.signature()).toBe("ooxml");
    const plain = new ContentSniffer();
    plain.push(bytes.subarray(0, 70_000));
    expect(plain.signature()).toBe("zip");
  });
});

describe("checkEvidenceFile", () => {
  it.each([
    ["报告.pdf", samples.pdf, "application/pdf"],
    ["现场照片.PNG", samples.png, "image/png"],
    ["photo.jpg", samples.jpeg, "image/jpeg"],
    ["photo.jpeg", samples.jpeg, "image/jpeg"],
    // An image with the wrong image extension is still an image: served as what it is.
    ["截图.jpg", samples.png, "image/png"],
    ["动图.gif", samples.gif, "image/gif"],
    ["a.webp", samples.webp, "image/webp"],
    ["会议纪要.doc", samples.ole, "application/msword"],
    ["旧格式.doc", samples.rtf, "application/msword"],
    ["台账.xls", samples.ole, "application/vnd.ms-excel"],
    ["汇报.ppt", samples.ole, "application/vnd.ms-powerpoint"],
    ["方案.docx", samples.docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["加密的方案.docx", samples.ole, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["明细.xlsx", samples.docx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["汇报.pptx", samples.docx, "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
    ["文字.wps", samples.ole, "application/octet-stream"],
    ["表格.et", samples.docx, "application/octet-stream"],
    ["资料.zip", samples.zip, "application/zip"],
    ["资料包.zip", samples.docx, "application/zip"],
  ])("accepts %s", (name, bytes, mime) => {
    expect(checkEvidenceFile(name, bytes)).toEqual({ ok: true, name, mime });
  });

  it.each([
    ["x.exe", samples.exe],
    ["renamed.pdf", samples.exe],
    ["renamed.pdf", samples.elf],
    ["setup.zip", samples.exe],
    ["run.sh", samples.script],
    ["page.html", samples.html],
    ["page.pdf", samples.html],
    ["假图片.png", samples.pdf],
    ["伪装.docx", samples.zip],
    ["伪装.doc", samples.pdf],
    ["没有扩展名", samples.pdf],
  ])("refuses %s by extension or content", (name, bytes) => {
    expect(checkEvidenceFile(name, bytes)).toEqual({ ok: false, name, message: UNSUPPORTED(name) });
  });

  it("refuses an empty file", () => {
    expect(checkEvidenceFile("空.pdf", new Uint8Array())).toEqual({ ok: false, name: "空.pdf", message: "文件「空.pdf」是空文件，请选择有内容的文件" });
  });

  it("accepts exactly the limit and refuses one byte more, naming the size", () => {
    expect(checkEvidenceFile("max.pdf", pdfOfSize(MAX_EVIDENCE_BYTES)).ok).toBe(true);
    expect(checkEvidenceFile("big.pdf", pdfOfSize(MAX_EVIDENCE_BYTES + 1))).toMatchObject({
      ok: false,
      message: "文件「big.pdf」大小 20.1 MB，超过上限 20 MB",
    });
    expect(checkEvidenceFile("big.pdf", pdfOfSize(Math.round(25.3 * 1024 * 1024)))).toMatchObject({
      message: "文件「big.pdf」大小 25.3 MB，超过上限 20 MB",
    });
  });
});

describe("sanitiseFileName", () => {
  it.each([
    ["C:\\Users\\张三\\Desktop\\2025年7月 佐证.pdf", "2025年7月 佐证.pdf"],
    ["/etc/passwd", "passwd"],
    ["../../secret.pdf", "secret.pdf"],
    ["a\u0000b\r\nc.pdf", "abc.pdf"],
    ["invoice\u202Efdp.exe", "invoicefdp.exe"],
    ["  报告.pdf  ", "报告.pdf"],
    ["报告.pdf. . ", "报告.pdf"],
    ["\u0000", "未命名文件"],
    ["..", "未命名文件"],
    ["", "未命名文件"],
    // NFD (macOS) becomes NFC.
    ["cafe\u0301.pdf", "café.pdf"],
  ])("%j → %j", (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it("cuts long names keeping the extension", () => {
    const name = sanitiseFileName(`${"长".repeat(300)}.pdf`);
    expect(Array.from(name)).toHaveLength(MAX_NAME_LENGTH);
    expect(name.endsWith("长.pdf")).toBe(true);
  });
});

describe("limits", () => {
  it("formats sizes", () => {
    expect(formatFileSize(512)).toBe("512 B");
    expect(formatFileSize(12_595)).toBe("12.3 KB");
    expect(formatFileSize(4.5 * 1024 * 1024)).toBe("4.5 MB");
    expect(formatMegabytes(20 * 1024 * 1024)).toBe("20.0 MB");
    expect(formatMegabytes(20 * 1024 * 1024 + 1)).toBe("20.1 MB");
  });

  it("pre-checks what the browser knows before reading the bytes", () => {
    expect(precheckEvidence("a.pdf", 10)).toBeNull();
    expect(precheckEvidence("a.pdf", 0)).toBe("文件「a.pdf」是空文件，请选择有内容的文件");
    expect(precheckEvidence("x.exe", 10)).toBe(UNSUPPORTED("x.exe"));
    expect(precheckEvidence("big.pdf", 26_528_973)).toBe("文件「big.pdf」大小 25.3 MB，超过上限 20 MB");
    expect(EVIDENCE_ACCEPT).toContain(".pdf");
    expect(EVIDENCE_ACCEPT).toContain(".xlsx");
  });
});
