import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type UserActor, userActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import { uploadEvidence } from "@/lib/evidence/upload-evidence";
import type { DemoUsername } from "@/lib/testing/demo-actors";
import { useTempDataDir } from "@/lib/testing/evidence";
import { samples } from "@/lib/testing/evidence-samples";
import { SEED_SHEET_NAMES, seededTestDatabase, sheetIdsByName } from "@/lib/testing/factory";
import { AFTER_2025 } from "@/lib/testing/progress-fixtures";
import { load } from "@/lib/testing/xlsx-workbook";

// The handlers are thin: the session and the database are the only things to stand in for.
const session = vi.hoisted(() => ({ actor: null as UserActor | null, prisma: null as unknown }));
vi.mock("@/lib/session/session", () => ({ getActor: async () => session.actor }));
vi.mock("@/lib/db", () => ({ getPrisma: async () => session.prisma }));

const evidenceRoute = await import("../evidence/[id]/route");
const uploadRoute = await import("../evidence/route");
const scorecardRoute = await import("../scorecard.xlsx/route");
const reportRoute = await import("../sheets/[id]/report.xlsx/route");
const sheetRoute = await import("../sheets/[id]/xlsx/route");
const yearRoute = await import("../years/[year]/xlsx/route");

/**
 * The attack of issue 11 on the HTTP API: an evaluator assigned to no sheet asks every route under /api/v1 for
 * sheet data (evidence, the sheet and year workbooks, the 自评表, the 绩效看板 export) and gets 403, 404 or a
 * workbook without a row — never a sheet's content. The evaluator assigned to the sheet gets it.
 */

let db: Database;
let demo: Record<DemoUsername, UserActor>;
let data: ReturnType<typeof useTempDataDir>;
let nobody: UserActor;
let liangqu: number;
let evidenceId: number;

beforeAll(async () => {
  data = useTempDataDir();
  ({ db, actors: demo } = await seededTestDatabase());
  session.prisma = db.prisma;
  liangqu = (await sheetIdsByName(db.prisma))(SEED_SHEET_NAMES.liangqu);
  nobody = userActor(
    await db.prisma.user.create({ data: { username: "eval-api-unassigned", displayName: "未分工评价人", passwordHash: "-", role: "EVALUATOR" } }),
  );
  evidenceId = (await uploadEvidence(db.prisma, demo.lead, { sheetId: liangqu, month: 3, file: { name: "资料.pdf", bytes: samples.pdf } }, { now: AFTER_2025 }))
    .id;
});
afterAll(async () => {
  await db?.close();
  data?.restore();
});

const BASE = "http://localhost:3000/api/v1";
const id = (value: number | string) => ({ params: Promise.resolve({ id: String(value) }) });

/** Every GET of the API that reads sheet data, for one sheet. */
const requests: Record<string, (sheetId: number) => Promise<Response>> = {
  "GET /evidence/:id": () => evidenceRoute.GET(new Request(`${BASE}/evidence/${evidenceId}`), id(evidenceId)),
  "GET /sheets/:id/xlsx": (sheetId) => sheetRoute.GET(new Request(`${BASE}/sheets/${sheetId}/xlsx`), id(sheetId)),
  "GET /sheets/:id/report.xlsx": (sheetId) => reportRoute.GET(new Request(`${BASE}/sheets/${sheetId}/report.xlsx`), id(sheetId)),
  "GET /years/2025/xlsx": () => yearRoute.GET(new Request(`${BASE}/years/2025/xlsx`), { params: Promise.resolve({ year: "2025" }) }),
};

async function workbookText(response: Response): Promise<string> {
  const workbook = await load(Buffer.from(await response.arrayBuffer()));
  return workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []))).join(" ");
}

describe("an evaluator assigned to no sheet, over HTTP", () => {
  it.each(Object.keys(requests))("%s answers 403 or 404 with JSON, never the content", async (name) => {
    session.actor = nobody;
    const response = await requests[name]!(liangqu);
    expect([403, 404]).toContain(response.status);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect((await response.json()).error).toMatch(/无权|找不到|没有/);
  });

  it("gets a 绩效看板 export with no row", async () => {
    session.actor = nobody;
    const response = await scorecardRoute.GET(new Request(`${BASE}/scorecard.xlsx?year=2025`));
    expect(response.status).toBe(200);
    const text = await workbookText(response);
    expect(text).toContain("共 0 项");
    expect(text).not.toContain("两区");
  });

  it("cannot upload to a sheet either", async () => {
    session.actor = nobody;
    const form = new FormData();
    form.append("sheetId", String(liangqu));
    form.append("month", "3");
    form.append("file", new File([samples.pdf as Uint8Array<ArrayBuffer>], "a.pdf", { type: "application/pdf" }));
    const response = await uploadRoute.POST(new Request(`${BASE}/evidence`, { method: "POST", body: form }));
    expect(response.status).toBe(403);
  });

  it("while the assigned evaluator gets every one of them", async () => {
    session.actor = demo.evaluator;
    for (const [name, request] of Object.entries(requests)) {
      const response = await request(liangqu);
      expect([name, response.status]).toEqual([name, 200]);
      await response.arrayBuffer();
    }
    const text = await workbookText(await scorecardRoute.GET(new Request(`${BASE}/scorecard.xlsx?year=2025`)));
    expect(text).toContain("两区");
  });
});
