import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM, type UserActor, userActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/authorize";
import type { Database } from "@/lib/db/open";
import { listAudit } from "@/lib/audit-log/list-audit";
import { listAuditFilters } from "@/lib/audit-log/list-audit-filters";
import { valueHistory } from "@/lib/audit-log/value-history";
import { createDraft } from "@/lib/authoring/create-draft";
import { exportWorkbook } from "@/lib/authoring/export-workbook";
import { getSheetAuthoring, getSheetWithAuthoring } from "@/lib/authoring/get-sheet-authoring";
import { getEvaluation } from "@/lib/evaluation/get-evaluation";
import { listEvaluations } from "@/lib/evaluation/list-evaluations";
import { listEvidence } from "@/lib/evidence/list-evidence";
import { readEvidence } from "@/lib/evidence/read-evidence";
import { uploadEvidence } from "@/lib/evidence/upload-evidence";
import { getProgress } from "@/lib/progress/get-progress";
import { listMySheets } from "@/lib/progress/list-my-sheets";
import { listMyTodo } from "@/lib/progress/list-my-todo";
import { listReviewQueue } from "@/lib/progress/list-review-queue";
import { saveProgress } from "@/lib/progress/save-progress";
import { getSelfEvaluationReport } from "@/lib/reports/self-evaluation";
import { exportScorecard } from "@/lib/scorecard/export-scorecard";
import { getScorecard } from "@/lib/scorecard/get-scorecard";
import { getSheetMonitor } from "@/lib/scorecard/get-sheet-monitor";
import { parseScorecardQuery } from "@/lib/scorecard/query";
import { exportSheets } from "@/lib/sheets/export-sheets";
import { getSheet } from "@/lib/sheets/get-sheet";
import { listSheets } from "@/lib/sheets/list-sheets";
import { getSheetNav } from "@/lib/sheets/sheet-nav";
import { loadSheetScope } from "@/lib/sheets/sheet-scope";
import type { DemoUsername } from "@/lib/testing/demo-actors";
import { outcome } from "@/lib/testing/errors";
import { load } from "@/lib/testing/xlsx-workbook";
import { useTempDataDir } from "@/lib/testing/evidence";
import { samples } from "@/lib/testing/evidence-samples";
import { SEED_SHEET_NAMES, seededTestDatabase, sheetIdsByName } from "@/lib/testing/factory";
import { AFTER_2025 } from "@/lib/testing/progress-fixtures";

/**
 * The attack of issue 11: an evaluator assigned to no sheet tries every way of reading sheet data through the use
 * cases — lists, pages, evidence, value histories, exports — and gets nothing: an empty list, or FORBIDDEN /
 * NOT_FOUND. An evaluator assigned to one sheet reads that sheet only. Drafts are read by their author, the
 * department's managers and admins — not by the lead or evaluator already assigned to them (a rolled-over draft).
 * Every list agrees with `sheet.read`, sheet by sheet, for every kind of user.
 */

let db: Database;
let demo: Record<DemoUsername, UserActor>;
let data: ReturnType<typeof useTempDataDir>;
/** An evaluator with no 分工 at all, and one who evaluates 两区 only. */
let nobody: UserActor;
let oneSheet: UserActor;
let liangqu: number;
let kepu: number;
/** lead2's draft, with `lead` and `evaluator` already assigned to it (as a rollover carries 分工 over). */
let draft: number;
let evidenceId: number;
let entryId: number;
const now = { now: AFTER_2025 };

beforeAll(async () => {
  data = useTempDataDir();
  ({ db, actors: demo } = await seededTestDatabase());
  const idOf = await sheetIdsByName(db.prisma);
  liangqu = idOf(SEED_SHEET_NAMES.liangqu);
  kepu = idOf(SEED_SHEET_NAMES.kepu);
  const user = (username: string) =>
    db.prisma.user.create({ data: { username, displayName: username, passwordHash: "-", role: "EVALUATOR" } }).then((u) => userActor(u));
  nobody = await user("eval-unassigned");
  oneSheet = await user("eval-liangqu");
  await db.prisma.sheetAssignment.create({ data: { sheetId: liangqu, userId: oneSheet.id, role: "EVALUATOR" } });

  // Something recorded on 两区 to try to read: a value (with its history) and a file.
  const indicator = await db.prisma.indicator.findFirstOrThrow({ where: { sheetId: liangqu }, orderBy: { position: "asc" } });
  await saveProgress(db.prisma, demo.lead, { sheetId: liangqu, month: 3, rows: [{ indicatorId: indicator.id, version: 0, value: "2" }] }, now);
  entryId = (await db.prisma.progressEntry.findFirstOrThrow({ where: { indicatorId: indicator.id, month: 3 } })).id;
  evidenceId = (await uploadEvidence(db.prisma, demo.lead, { sheetId: liangqu, month: 3, file: { name: "三月工作资料.pdf", bytes: samples.pdf } }, now)).id;

  ({ id: draft } = await createDraft(db.prisma, demo.lead2, { year: 2025, unit: "乌鲁木齐市科学技术局", name: "读取范围测试草稿", lead: "范先生", ...FUNDS }));
  await db.prisma.sheetAssignment.createMany({
    data: [
      { sheetId: draft, userId: demo.lead.id, role: "LEAD" },
      { sheetId: draft, userId: demo.evaluator.id, role: "EVALUATOR" },
    ],
  });
});
afterAll(async () => {
  await db?.close();
  data?.restore();
});

const FUNDS = { fundsTotal: "10", fundsFiscal: "10", fundsOther: "0", goal: "测试" };
const prisma = () => db.prisma;
const scorecardQuery = parseScorecardQuery({ year: "2025" });

/** Every single-sheet read, by the sheet it reads. */
const sheetReads: Record<string, (actor: UserActor, sheetId: number) => Promise<unknown>> = {
  getSheet: (actor, id) => getSheet(prisma(), actor, id),
  getSheetWithAuthoring: (actor, id) => getSheetWithAuthoring(prisma(), actor, id),
  getSheetAuthoring: (actor, id) => getSheetAuthoring(prisma(), actor, id),
  getSheetNav: (actor, id) => getSheetNav(prisma(), actor, id),
  getProgress: (actor, id) => getProgress(prisma(), actor, { sheetId: id, month: 3 }, now),
  getSheetMonitor: (actor, id) => getSheetMonitor(prisma(), actor, id, now),
  getEvaluation: (actor, id) => getEvaluation(prisma(), actor, { sheetId: id }),
  getSelfEvaluationReport: (actor, id) => getSelfEvaluationReport(prisma(), actor, { sheetId: id }, now),
  "exportWorkbook (one sheet)": (actor, id) => exportWorkbook(prisma(), actor, { sheetId: id }),
  listEvidence: (actor, id) => listEvidence(prisma(), actor, { sheetId: id }),
  "listAudit (by sheet)": (actor, id) => listAudit(prisma(), actor, { sheetId: id }),
  "valueHistory (the sheet)": (actor, id) => valueHistory(prisma(), actor, { entityType: "TargetSheet", entityId: String(id) }),
};

describe("an evaluator assigned to no sheet", () => {
  it.each(Object.entries(sheetReads))("is refused %s of any sheet", async (_, read) => {
    for (const sheetId of [liangqu, kepu]) expect(await outcome(read(nobody, sheetId))).toBe("FORBIDDEN");
  });

  it("is refused the evidence file, the value's history and the 操作日志", async () => {
    expect(await outcome(readEvidence(prisma(), nobody, { id: evidenceId }))).toBe("FORBIDDEN");
    expect(await outcome(valueHistory(prisma(), nobody, { entityType: "ProgressEntry", entityId: String(entryId) }))).toBe("FORBIDDEN");
    expect(await outcome(valueHistory(prisma(), nobody, { entityType: "EvidenceFile", entityId: String(evidenceId) }))).toBe("FORBIDDEN");
    expect(await outcome(listAudit(prisma(), nobody))).toBe("FORBIDDEN");
    expect(await outcome(listAuditFilters(prisma(), nobody))).toBe("FORBIDDEN");
  });

  it("gets empty lists: 绩效目标表, 绩效看板, 年终评价, 工作台, 待审核", async () => {
    expect(await listSheets(prisma(), nobody, 2025)).toEqual([]);
    const scorecard = await getScorecard(prisma(), nobody, scorecardQuery, now);
    expect(scorecard.table.rows).toEqual([]);
    expect(scorecard.table.total).toBe(0);
    expect(scorecard.department).toEqual([]);
    expect(scorecard.units).toEqual([]);
    expect(scorecard.summary.sheets).toBe(0);
    expect((await listEvaluations(prisma(), nobody, { year: 2025 })).rows).toEqual([]);
    expect(await listMyTodo(prisma(), nobody, now)).toEqual([]);
    expect(await listMySheets(prisma(), nobody, now)).toEqual([]);
    expect(await listReviewQueue(prisma(), nobody)).toEqual([]);
  });

  it("exports nothing: the year's sheets are not found, the 绩效看板 workbook has no row", async () => {
    expect(await outcome(exportSheets(prisma(), nobody, { year: 2025 }))).toBe("NOT_FOUND");
    expect(await outcome(exportWorkbook(prisma(), nobody, { year: 2025 }))).toBe("NOT_FOUND");
    const workbook = await exportScorecard(prisma(), nobody, { ...scorecardQuery, unit: (await unitOf(liangqu)).id }, now);
    const text = await workbookText(workbook.bytes);
    expect(text).toContain("共 0 项");
    expect(text).not.toContain("两区");
    // Not even the name of the unit asked for.
    expect(text).not.toContain((await unitOf(liangqu)).name);
  });
});

/** Every cell of every worksheet, as one text. */
async function workbookText(bytes: Uint8Array): Promise<string> {
  const workbook = await load(Buffer.from(bytes));
  return workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []))).join(" ");
}

const unitOf = (sheetId: number) => db.prisma.targetSheet.findUniqueOrThrow({ where: { id: sheetId }, select: { unit: true } }).then((s) => s.unit);

describe("an evaluator assigned to one sheet", () => {
  it("reads that sheet, and no other", async () => {
    for (const [name, read] of Object.entries(sheetReads)) {
      const expected = name.startsWith("listAudit") ? "FORBIDDEN" : "OK";
      expect([name, await outcome(read(oneSheet, liangqu))]).toEqual([name, expected]);
      expect([name, await outcome(read(oneSheet, kepu))]).toEqual([name, "FORBIDDEN"]);
    }
    expect(await outcome(readEvidence(prisma(), oneSheet, { id: evidenceId }))).toBe("OK");
    expect(await outcome(valueHistory(prisma(), oneSheet, { entityType: "ProgressEntry", entityId: String(entryId) }))).toBe("OK");
  });

  it("finds only that sheet in every list and export", async () => {
    expect((await listSheets(prisma(), oneSheet, 2025)).map((s) => s.id)).toEqual([liangqu]);
    expect((await getScorecard(prisma(), oneSheet, scorecardQuery, now)).table.rows.map((r) => r.sheetId)).toEqual([liangqu]);
    expect((await listEvaluations(prisma(), oneSheet, { year: 2025 })).rows.map((r) => [r.sheetId, r.role])).toEqual([[liangqu, "evaluator"]]);
    expect((await exportSheets(prisma(), oneSheet, { year: 2025 })).sheets.map((s) => s.name)).toEqual([SEED_SHEET_NAMES.liangqu]);
  });
});

describe("a draft", () => {
  it("is read by its author, the department's manager and admins; not by the lead and evaluator assigned to it", async () => {
    const who = { ...demo, nobody, oneSheet };
    const results = await Promise.all(Object.entries(who).map(async ([name, actor]) => [name, await outcome(getSheet(prisma(), actor, draft))]));
    expect(Object.fromEntries(results)).toEqual({
      admin: "OK",
      manager: "OK",
      lead: "FORBIDDEN",
      lead2: "OK",
      evaluator: "FORBIDDEN",
      nobody: "FORBIDDEN",
      oneSheet: "FORBIDDEN",
    });
    expect((await listSheets(prisma(), demo.lead, 2025)).map((s) => s.id)).not.toContain(draft);
    expect((await listSheets(prisma(), demo.evaluator, 2025)).map((s) => s.id)).not.toContain(draft);
    expect((await listSheets(prisma(), demo.lead2, 2025)).map((s) => s.id)).toContain(draft);
    expect(await outcome(exportWorkbook(prisma(), demo.evaluator, { sheetId: draft }))).toBe("FORBIDDEN");
    expect((await exportSheets(prisma(), demo.evaluator, { year: 2025 })).sheets.map((s) => s.name)).not.toContain("读取范围测试草稿");
  });
});

describe("every list agrees with sheet.read", () => {
  it("lists for each user exactly the sheets `can` lets them read", async () => {
    const sheets = await db.prisma.targetSheet.findMany({ where: { fiscalYear: { year: 2025 } }, select: { id: true } });
    const scopes = await Promise.all(sheets.map(async (s) => ({ id: s.id, scope: (await loadSheetScope(db.prisma, s.id))! })));
    const manager2 = userActor({ id: 99_999, role: "MANAGER", departmentId: null, displayName: "无部门管理者" });
    for (const actor of [...Object.values(demo), nobody, oneSheet, manager2]) {
      const readable = scopes.filter((s) => can(actor, { type: "sheet.read", sheet: s.scope })).map((s) => s.id);
      const listed = (await listSheets(prisma(), actor, 2025)).map((s) => s.id);
      expect([actor.displayName, listed.sort()]).toEqual([actor.displayName, readable.sort()]);
    }
    expect((await listSheets(prisma(), SYSTEM, 2025)).length).toBe(sheets.length);
  });
});
