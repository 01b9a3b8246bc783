import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import { pdfOfSize, samples } from "@/lib/testing/evidence-samples";
import { MAX_EVIDENCE_BYTES } from "./limits";
import { MULTIPART_OVERHEAD, readUploadForm, UploadTooLargeError } from "./upload-request";

const URL_ = "http://localhost/api/v1/evidence";

function form(file: Uint8Array | null, name = "报告.pdf", fields: Record<string, string> = { sheetId: "3", month: "7" }) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  if (file) data.append("file", new File([file as Uint8Array<ArrayBuffer>], name, { type: "application/pdf" }));
  return data;
}

/** The body as a browser sends it: serialised, with its Content-Length. */
async function withLength(data: FormData): Promise<Request> {
  const plain = new Request(URL_, { method: "POST", body: data });
  const body = await plain.arrayBuffer();
  return new Request(URL_, {
    method: "POST",
    body,
    headers: { "content-type": plain.headers.get("content-type")!, "content-length": String(body.byteLength) },
  });
}

/** A streamed body of unknown length (chunked). */
function streamed(data: FormData): Request {
  const plain = new Request(URL_, { method: "POST", body: data });
  return new Request(URL_, {
    method: "POST",
    body: plain.body,
    headers: { "content-type": plain.headers.get("content-type")! },
    duplex: "half",
  } as RequestInit);
}

async function bytesOf(file: { stream: AsyncIterable<Uint8Array> } | null): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of file!.stream) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

describe("readUploadForm", () => {
  it("reads the fields and the file", async () => {
    const result = await readUploadForm(await withLength(form(samples.pdf, "2025年7月 佐证.pdf", { sheetId: "3", month: "7", indicatorId: "12" })));
    expect(result.fields).toEqual({ sheetId: "3", month: "7", indicatorId: "12" });
    expect(result.file?.name).toBe("2025年7月 佐证.pdf");
    expect(result.file?.type).toBe("application/pdf");
    expect(await bytesOf(result.file)).toEqual(Buffer.from(samples.pdf));
  });

  it("reads a streamed body and a form without a file", async () => {
    expect((await bytesOf((await readUploadForm(streamed(form(samples.pdf)))).file)).length).toBe(samples.pdf.length);
    expect((await readUploadForm(streamed(form(null)))).file).toBeNull();
  });

  it("passes a file of exactly the limit (the use case judges it)", async () => {
    const result = await readUploadForm(await withLength(form(pdfOfSize(MAX_EVIDENCE_BYTES))));
    expect((await bytesOf(result.file)).length).toBe(MAX_EVIDENCE_BYTES);
    // A lower bound of the file's size, for the quota check before reading.
    expect(result.file!.sizeHint).toBeLessThanOrEqual(MAX_EVIDENCE_BYTES);
    expect(result.file!.sizeHint).toBeGreaterThan(MAX_EVIDENCE_BYTES - MULTIPART_OVERHEAD);
  });

  it("refuses a body announced too long from its head alone, naming file and size", async () => {
    const request = await withLength(form(pdfOfSize(Math.round(25.3 * 1024 * 1024)), "big.pdf"));
    const error = await readUploadForm(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadTooLargeError);
    expect((error as AppError).message).toBe("文件「big.pdf」大小 25.3 MB，超过上限 20 MB");
  });

  it("hands on a streamed body that passes the limit cut one byte past it (the use case refuses it)", async () => {
    const result = await readUploadForm(streamed(form(pdfOfSize(MAX_EVIDENCE_BYTES * 2), "大文件.pdf")));
    expect(result.file?.name).toBe("大文件.pdf");
    expect(result.file?.sizeHint).toBeUndefined();
    expect((await bytesOf(result.file)).length).toBe(MAX_EVIDENCE_BYTES + 1);
  });

  it("reads the file as it arrives: the fields and the file's start before the body has ended", async () => {
    const plain = new Request(URL_, { method: "POST", body: form(pdfOfSize(100_000), "慢.pdf", { sheetId: "3", month: "7" }) });
    const contentType = plain.headers.get("content-type")!;
    const whole = new Uint8Array(await plain.arrayBuffer());
    const cut = whole.length - 200; // the last 200 bytes (end of the file and the closing boundary) come later
    let sendRest: () => void = () => undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(whole.subarray(0, cut));
        sendRest = () => {
          controller.enqueue(whole.subarray(cut));
          controller.close();
        };
      },
    });
    const request = new Request(URL_, { method: "POST", body, headers: { "content-type": contentType }, duplex: "half" } as RequestInit);
    const result = await readUploadForm(request);
    expect(result.fields).toEqual({ sheetId: "3", month: "7" });
    const iterator = result.file!.stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    sendRest();
    const parts = [Buffer.from(first.value!)];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) parts.push(Buffer.from(next.value));
    expect(Buffer.concat(parts)).toEqual(Buffer.from(pdfOfSize(100_000)));
  });

  it("refuses what is not multipart, and a broken body", async () => {
    const json = new Request(URL_, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    await expect(readUploadForm(json)).rejects.toMatchObject({ code: "INVALID", message: "请以 multipart/form-data 方式上传文件" });
    const broken = new Request(URL_, { method: "POST", body: "garbage", headers: { "content-type": "multipart/form-data; boundary=xyz" } });
    await expect(readUploadForm(broken)).rejects.toMatchObject({ code: "INVALID", message: "上传的内容无法解析，请重新选择文件上传" });
    // Cut off inside the file: the refusal comes from reading the file.
    const plain = new Request(URL_, { method: "POST", body: form(pdfOfSize(10_000)) });
    const contentType = plain.headers.get("content-type")!;
    const whole = new Uint8Array(await plain.arrayBuffer());
    const cutOff = await readUploadForm(new Request(URL_, { method: "POST", body: whole.subarray(0, 5000), headers: { "content-type": contentType } }));
    await expect(bytesOf(cutOff.file)).rejects.toMatchObject({ code: "INVALID", message: "上传的内容无法解析，请重新选择文件上传" });
  });
});
