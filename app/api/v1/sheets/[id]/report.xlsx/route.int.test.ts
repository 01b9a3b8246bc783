import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { UserActor } from "@/lib/session/session";
import { createFixture, type Fixture } from "@/lib/testing/evaluation-fixtures";

// The handler is thin: the session and the database are the only things to stand in for.
const session = vi.hoisted(() => ({ actor: null as UserActor | null, prisma: null as unknown }));
vi.mock("@/lib/session/session", () => ({ getActor: async () => session.actor }));
vi.mock("@/lib/db", () => ({ getPrisma: async () => session.prisma }));

const { GET } = await import("./route");

let f: Fixture;

beforeAll(async () => {
  f = await createFixture();
  session.prisma = f.db.prisma;
});
afterAll(async () => {
  await f?.db.close();
});

const get = (id: number | string) => GET(new Request(`http://localhost/api/v1/sheets/${id}/report.xlsx`), { params: Promise.resolve({ id: String(id) }) });

describe("GET /api/v1/sheets/:id/report.xlsx", () => {
  it("downloads the sheet's 自评表 as an .xlsx attachment", async () => {
    session.actor = f.actors.manager as UserActor;
    const response = await get(f.sheetId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("2025年度项目支出绩效自评表-")}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.getWorksheet("自评表")!.getCell("A1").value).toBe("项目支出绩效自评表");
  });

  it.each([
    ["signed out", null, 401, "请先登录"],
    ["another lead", "lead2", 403, "无权执行此操作"],
  ] as const)("refuses %s", async (_, who, status, error) => {
    session.actor = who ? (f.actors[who] as UserActor) : null;
    const response = await get(f.sheetId);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error, problems: [] });
  });

  it("answers 404 for a sheet that does not exist or a malformed id", async () => {
    session.actor = f.actors.admin as UserActor;
    expect((await get(999_999)).status).toBe(404);
    expect((await get("abc")).status).toBe(404);
  });
});
