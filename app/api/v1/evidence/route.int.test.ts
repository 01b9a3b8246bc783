import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { UserActor } from "@/lib/session/session";
import type { Database } from "@/lib/db/open";
import { pdfOfSize, samples } from "@/lib/testing/evidence-samples";
import { MAX_EVIDENCE_BYTES } from "@/lib/evidence/limits";
import { storedFiles, useTempDataDir } from "@/lib/testing/evidence";
import type { DemoUsername } from "@/lib/testing/demo-actors";
import { SEED_SHEET_NAMES, seededTestDatabase, sheetIdsByName } from "@/lib/testing/factory";

// The handlers are thin: the session and the database are the only things to stand in for.
const session = vi.hoisted(() => ({ actor: null as UserActor | null, prisma: null as unknown }));
vi.mock("@/lib/session/session", () => ({ getActor: async () => session.actor }));
vi.mock("@/lib/db", () => ({ getPrisma: async () => session.prisma }));

const { POST } = await import("./route");
const { GET, DELETE } = await import("./[id]/route");

let db: Database;
let data: ReturnType<typeof useTempDataDir>;
let actors: Record<DemoUsername, UserActor>;
let sheetId: number;

beforeAll(async () => {
  ({ db, actors } = await seededTestDatabase());
  sheetId = (await sheetIdsByName(db.prisma))(SEED_SHEET_NAMES.liangqu);
  session.prisma = db.prisma;
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  data = useTempDataDir();
  await db.prisma.evidenceFile.deleteMany();
  await db.prisma.sheetMonth.deleteMany();
  session.actor = actors.lead;
});
afterEach(() => data.restore());

const BASE = "http://localhost:3000/api/v1/evidence";

async function uploadRequest(bytes: Uint8Array, name: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ sheetId: String(sheetId), month: "7", ...fields })) form.append(k, v);
  form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], name, { type: "application/pdf" }));
  const plain = new Request(BASE, { method: "POST", body: form });
  const body = await plain.arrayBuffer();
  return new Request(BASE, {
    method: "POST",
    body,
    headers: { "content-type": plain.headers.get("content-type")!, "content-length": String(body.byteLength), host: "localhost:3000", ...headers },
  });
}

const context = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const get = (id: number | string, headers: Record<string, string> = {}) => GET(new Request(`${BASE}/${id}`, { headers }), context(id));
const del = (id: number | string, headers: Record<string, string> = {}) => DELETE(new Request(`${BASE}/${id}`, { method: "DELETE", headers }), context(id));

describe("POST /api/v1/evidence", () => {
  it("stores the lead's upload: 201 with the file's JSON", async () => {
    const response = await POST(await uploadRequest(samples.pdf, "2025年7月 工作资料.pdf", {}, { origin: "http://localhost:3000" }));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      sheetId,
      month: 7,
      indicatorId: null,
      originalName: "2025年7月 工作资料.pdf",
      mimeType: "application/pdf",
      uploadedBy: { displayName: "冯先生" },
    });
    expect(response.headers.get("location")).toBe(`/api/v1/evidence/${body.id}`);
    expect(storedFiles(data.dir)).toHaveLength(1);
  });

  it.each([
    ["signed out", null, 401, "请先登录"],
    ["a manager", "manager", 403, "无权执行此操作"],
    ["another lead", "lead2", 403, "无权执行此操作"],
  ] as const)("refuses %s and stores nothing", async (_, who, status, error) => {
    session.actor = who ? actors[who] : null;
    const response = await POST(await uploadRequest(samples.pdf, "a.pdf"));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error, problems: [] });
    expect(await db.prisma.evidenceFile.count()).toBe(0);
    expect(storedFiles(data.dir)).toEqual([]);
  });

  it("answers 400 for a program named .pdf, a bad month, a missing file; 413 for an oversized body; 423 for a locked month", async () => {
    let response = await POST(await uploadRequest(samples.exe, "报告.pdf"));
    expect(response.status).toBe(400);
    const message = "文件「报告.pdf」类型不支持：仅支持 PDF、图片、Office 文档和 zip 压缩包";
    expect(await response.json()).toEqual({ error: message, problems: [{ path: "file", message }] });

    response = await POST(await uploadRequest(samples.pdf, "a.pdf", { month: "十三" }));
    expect(response.status).toBe(400);
    expect((await response.json()).problems).toEqual([{ path: "month", message: "月份应为 1–12" }]);

    const noFile = new FormData();
    noFile.append("sheetId", String(sheetId));
    noFile.append("month", "7");
    response = await POST(new Request(BASE, { method: "POST", body: noFile }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("请选择要上传的文件");

    response = await POST(await uploadRequest(pdfOfSize(MAX_EVIDENCE_BYTES + 5 * 1024 * 1024), "big.pdf"));
    expect(response.status).toBe(413);
    expect((await response.json()).error).toBe("文件「big.pdf」大小 25.0 MB，超过上限 20 MB");

    await db.prisma.sheetMonth.create({ data: { sheetId, month: 7, status: "SUBMITTED" } });
    response = await POST(await uploadRequest(samples.pdf, "a.pdf"));
    expect(response.status).toBe(423);
    expect((await response.json()).error).toBe("2025年7月已提交，不能再上传佐证资料");

    expect(await db.prisma.evidenceFile.count()).toBe(0);
    expect(storedFiles(data.dir)).toEqual([]);
  });

  it("refuses a request sent from another site's page", async () => {
    const response = await POST(await uploadRequest(samples.pdf, "a.pdf", {}, { origin: "https://evil.example" }));
    expect(response.status).toBe(403);
    expect(await db.prisma.evidenceFile.count()).toBe(0);
  });
});

describe("GET and DELETE /api/v1/evidence/:id", () => {
  async function uploaded(name = "2025年7月 工作资料(终稿).pdf") {
    const response = await POST(await uploadRequest(samples.pdf, name));
    expect(response.status).toBe(201);
    return (await response.json()) as { id: number };
  }

  it("downloads as an attachment with the UTF-8 name, the stored type and nosniff", async () => {
    const { id } = await uploaded();
    session.actor = actors.manager;
    const response = await get(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-length")).toBe(String(samples.pdf.length));
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="2025_7_ ____(__).pdf"; filename*=UTF-8''2025%E5%B9%B47%E6%9C%88%20%E5%B7%A5%E4%BD%9C%E8%B5%84%E6%96%99%28%E7%BB%88%E7%A8%BF%29.pdf`,
    );
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(samples.pdf));
  });

  it("serves one byte range (206) for resuming, and refuses a range past the end (416)", async () => {
    const { id } = await uploaded();
    session.actor = actors.manager;
    const part = await get(id, { range: "bytes=5-14" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 5-14/${samples.pdf.length}`);
    expect(part.headers.get("content-length")).toBe("10");
    expect(part.headers.get("accept-ranges")).toBe("bytes");
    expect(Buffer.from(await part.arrayBuffer())).toEqual(Buffer.from(samples.pdf.subarray(5, 15)));
    const past = await get(id, { range: `bytes=${samples.pdf.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${samples.pdf.length}`);
    expect(await past.json()).toEqual({ error: `请求的范围超出文件大小（${samples.pdf.length} 字节）`, problems: [] });
    // Several ranges are not served as such: the whole file.
    expect((await get(id, { range: "bytes=0-1,5-6" })).status).toBe(200);
  });

  it("never sends the bytes to the signed-out or to another lead", async () => {
    const { id } = await uploaded();
    session.actor = null;
    let response = await get(id);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/json");
    session.actor = actors.lead2;
    response = await get(id);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "无权执行此操作", problems: [] });
    expect((await get(999_999)).status).toBe(404);
    expect((await get("abc")).status).toBe(404);
  });

  it("deletes for the lead only", async () => {
    const { id } = await uploaded();
    session.actor = actors.evaluator;
    expect((await del(id)).status).toBe(403);
    session.actor = null;
    expect((await del(id)).status).toBe(401);
    session.actor = actors.lead;
    expect((await del(id, { origin: "https://evil.example" })).status).toBe(403);
    const response = await del(id, { origin: "http://localhost:3000", host: "localhost:3000" });
    expect(response.status).toBe(200);
    expect((await response.json()).id).toBe(id);
    expect((await get(id)).status).toBe(404);
    expect(storedFiles(data.dir)).toEqual([]);
  });
});
