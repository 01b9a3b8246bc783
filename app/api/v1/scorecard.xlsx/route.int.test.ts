import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { UserActor } from "@/lib/session/session";
import { createFixture, type Fixture } from "@/lib/testing/progress-fixtures";
import { reportSeedSample } from "@/lib/testing/scorecard";

// The handler is thin: the session and the database are the only things to stand in for.
const session = vi.hoisted(() => ({ actor: null as UserActor | null, prisma: null as unknown }));
vi.mock("@/lib/session/session", () => ({ getActor: async () => session.actor }));
vi.mock("@/lib/db", () => ({ getPrisma: async () => session.prisma }));

const { GET } = await import("./route");

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
  await reportSeedSample(f.db.prisma);
  session.prisma = f.db.prisma;
});
afterAll(async () => {
  await f?.db.close();
});

const get = (search: string) => GET(new Request(`http://localhost/api/v1/scorecard.xlsx${search}`));

describe("GET /api/v1/scorecard.xlsx", () => {
  it("downloads the filtered scorecard at the month asked as an .xlsx attachment", async () => {
    session.actor = f.actors.manager as UserActor;
    const unit = await f.db.prisma.budgetUnit.findFirstOrThrow({ where: { name: "乌鲁木齐市科学技术局" } });
    const response = await get(`?year=2025&month=9&light=red&unit=${unit.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("2025年度绩效看板（截至9月）.xlsx")}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("绩效看板")!;
    expect(sheet.getCell("A2").value).toMatch(/^截至2025年9月（时间进度 75\.00%（9\/12））/);
    expect(sheet.getCell("B4").value).toBe("2025年“两区”创新建设专项");
    expect(sheet.getCell("A5").value).toBe("合计（1 项）");
  });

  it("refuses a signed-out request", async () => {
    session.actor = null;
    const response = await get("");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "请先登录", problems: [] });
  });

  it("exports a lead only their own sheets, whatever the filters ask", async () => {
    session.actor = f.actors.lead2 as UserActor;
    const response = await get("?light=red");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("绩效看板")!;
    expect(sheet.getCell("B4").value).toBe("乌鲁木齐市系列科普工作");
    expect(sheet.getCell("A5").value).toBe("合计（1 项）");
  });
});
