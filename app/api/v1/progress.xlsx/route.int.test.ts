import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { UserActor } from "@/lib/session/session";
import type { Database } from "@/lib/db/open";
import { readProgressWorkbook } from "@/lib/xlsx/read-progress-workbook";
import type { DemoUsername } from "@/lib/testing/demo-actors";
import { SEED_SHEET_NAMES, seededTestDatabase, sheetIdsByName } from "@/lib/testing/factory";

// The handlers are thin: the session and the database are the only things to stand in for.
const session = vi.hoisted(() => ({ actor: null as UserActor | null, prisma: null as unknown }));
vi.mock("@/lib/session/session", () => ({ getActor: async () => session.actor }));
vi.mock("@/lib/db", () => ({ getPrisma: async () => session.prisma }));

const leadRoute = await import("./route");
const sheetRoute = await import("../sheets/[id]/progress.xlsx/route");

let db: Database;
let actors: Record<DemoUsername, UserActor>;
let liangqu: number;

beforeAll(async () => {
  ({ db, actors } = await seededTestDatabase());
  session.prisma = db.prisma;
  liangqu = (await sheetIdsByName(db.prisma))(SEED_SHEET_NAMES.liangqu);
});
afterAll(async () => {
  await db?.close();
});
beforeEach(() => {
  session.actor = actors.lead;
});

const mine = (query: string) => leadRoute.GET(new Request(`http://localhost/api/v1/progress.xlsx${query}`));
const one = (id: number | string, query: string) =>
  sheetRoute.GET(new Request(`http://localhost/api/v1/sheets/${id}/progress.xlsx${query}`), { params: Promise.resolve({ id: String(id) }) });

describe("progress workbook downloads", () => {
  it("sends the month's workbook as an attachment named in Chinese, one worksheet per sheet the lead fills in", async () => {
    const response = await mine("?year=2025&month=6");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("2025年6月进度填报（2个项目）.xlsx")}`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const read = await readProgressWorkbook(new Uint8Array(await response.arrayBuffer()));
    expect(read.sheets.map((s) => s.month)).toEqual([6, 6]);

    const sheet = await one(liangqu, "?month=6");
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get("content-disposition")).toContain(encodeURIComponent("2025年6月进度填报-“两区”创新建设专项.xlsx"));
  });

  it("answers 401 signed out, 403 for another lead's sheet, 404 for none, 400 for a bad month", async () => {
    session.actor = null;
    expect((await mine("?year=2025&month=6")).status).toBe(401);
    expect((await one(liangqu, "?month=6")).status).toBe(401);
    session.actor = actors.lead2;
    expect((await one(liangqu, "?month=6")).status).toBe(403);
    expect((await one("abc", "?month=6")).status).toBe(404);
    session.actor = actors.manager;
    const none = await mine("?year=2025&month=6");
    expect(none.status).toBe(404);
    expect((await none.json()).error).toContain("没有可填报2025年6月进度的项目");
    session.actor = actors.lead;
    const bad = await one(liangqu, "?month=13");
    expect(bad.status).toBe(400);
    expect((await bad.json()).problems).toEqual([{ path: "month", message: "月份应为 1–12" }]);
  });
});
