import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { UserActor } from "@/lib/session/session";
import type { Database } from "@/lib/db/open";
import type { DemoUsername } from "@/lib/testing/demo-actors";
import { SEED_SHEET_NAMES, seededTestDatabase, sheetIdsByName } from "@/lib/testing/factory";
import { readSheetsWorkbook } from "@/lib/xlsx";

// The handlers are thin: the session and the database are the only things to stand in for.
const session = vi.hoisted(() => ({ actor: null as UserActor | null, prisma: null as unknown }));
vi.mock("@/lib/session/session", () => ({ getActor: async () => session.actor }));
vi.mock("@/lib/db", () => ({ getPrisma: async () => session.prisma }));

const sheetRoute = await import("../sheets/[id]/xlsx/route");
const yearRoute = await import("../years/[year]/xlsx/route");
const templateRoute = await import("../template.xlsx/route");

let db: Database;
let actors: Record<DemoUsername, UserActor>;
let liangqu: number;
let kepu: number;

beforeAll(async () => {
  ({ db, actors } = await seededTestDatabase());
  session.prisma = db.prisma;
  const idOf = await sheetIdsByName(db.prisma);
  liangqu = idOf(SEED_SHEET_NAMES.liangqu);
  kepu = idOf(SEED_SHEET_NAMES.kepu);
});
afterAll(async () => {
  await db?.close();
});
beforeEach(() => {
  session.actor = actors.admin;
});

const sheet = (id: number | string) =>
  sheetRoute.GET(new Request(`http://localhost/api/v1/sheets/${id}/xlsx`), { params: Promise.resolve({ id: String(id) }) });
const year = (y: string, query = "") => yearRoute.GET(new Request(`http://localhost/api/v1/years/${y}/xlsx${query}`), { params: Promise.resolve({ year: y }) });

describe("workbook downloads", () => {
  it("sends one sheet as an .xlsx attachment named in Chinese (RFC 5987), readable as the sheet", async () => {
    const response = await sheet(liangqu);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="2025___________.xlsx"; filename*=UTF-8''2025%E5%B9%B4%E2%80%9C%E4%B8%A4%E5%8C%BA%E2%80%9D%E5%88%9B%E6%96%B0%E5%BB%BA%E8%AE%BE%E4%B8%93%E9%A1%B9.xlsx`,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const read = await readSheetsWorkbook(new Uint8Array(await response.arrayBuffer()), { department: "乌鲁木齐市科学技术局", fiscalYear: 2025 });
    expect(read.ok && read.file.sheets.map((s) => s.name)).toEqual(["2025年“两区”创新建设专项"]);
  });

  it("answers 401 signed out, 403 for a sheet or year the user may not export, 404 for what does not exist", async () => {
    session.actor = null;
    for (const response of [await sheet(liangqu), await year("2025"), await templateRoute.GET()]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "请先登录", problems: [] });
    }
    session.actor = actors.lead;
    expect((await sheet(liangqu)).status).toBe(200);
    expect((await sheet(kepu)).status).toBe(403);
    expect((await year("2025")).status).toBe(403);
    session.actor = actors.admin;
    expect((await sheet(999_999)).status).toBe(404);
    expect((await sheet("abc")).status).toBe(404);
    expect((await year("20x5")).status).toBe(404);
    expect((await year("2031")).status).toBe(404);
  });

  it("sends a whole year (one worksheet per sheet) to those who may export, and the template to anyone signed in", async () => {
    session.actor = actors.manager;
    const response = await year("2025", "?department=乌鲁木齐市科学技术局");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`filename*=UTF-8''2025%E5%B9%B4%E7%BB%A9%E6%95%88%E7%9B%AE%E6%A0%87%E8%A1%A8.xlsx`);
    const read = await readSheetsWorkbook(new Uint8Array(await response.arrayBuffer()), { department: "乌鲁木齐市科学技术局", fiscalYear: 2025 });
    expect(read.ok && read.file.sheets).toHaveLength(14);

    session.actor = actors.lead2;
    const template = await templateRoute.GET();
    expect(template.status).toBe(200);
    expect(template.headers.get("content-disposition")).toContain(
      "filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E6%94%AF%E5%87%BA%E7%BB%A9%E6%95%88%E7%9B%AE%E6%A0%87%E8%A1%A8%EF%BC%88%E6%A8%A1%E6%9D%BF%EF%BC%89.xlsx",
    );
  });
});
