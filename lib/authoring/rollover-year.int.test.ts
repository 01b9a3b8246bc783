import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import type { QualitativeStatus } from "@/lib/generated/prisma/enums";
import type { DemoUsername } from "@/lib/testing/demo-actors";
import { assign } from "@/lib/assignments/assign";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { createDraft } from "./create-draft";
import { planRollover } from "./plan-rollover";
import { nextYearName, rolloverYear } from "./rollover-year";
import { draftInput, outcome, refusal, seededDatabase } from "@/lib/testing/authoring-fixtures";

let db: Database;
let actors: Record<DemoUsername, Actor>;

beforeAll(async () => {
  ({ db, actors } = await seededDatabase());
});
afterAll(async () => {
  await db?.close();
});

const rowsOf = async (name: string) =>
  db.prisma.indicator.findMany({ where: { sheet: { name, fiscalYear: { year: 2025 } } }, orderBy: { position: "asc" }, select: { id: true, name: true } });
const record = (indicatorId: number, month: number, value: string | null, qualitativeValue: QualitativeStatus | null = null) =>
  db.prisma.progressEntry.create({ data: { indicatorId, month, value, qualitativeValue } });

describe("rolloverYear", () => {
  it("copies the 14 published 2025 sheets into 2026 as drafts, each row's 上年完成值 being what it achieved in 2025", async () => {
    // 2025 as reported: some values through the year, one sheet evaluated.
    const liangqu = await rowsOf("2025年“两区”创新建设专项"); // ＞=3项 ＞=3项 ＞=3人 ＞=3份 ＞=2个 =100% 有效推动
    await record(liangqu[0]!.id, 6, "2");
    await record(liangqu[0]!.id, 12, "4");
    await record(liangqu[1]!.id, 9, "7");
    await record(liangqu[1]!.id, 12, null); // December: only a forecast, no value
    await record(liangqu[5]!.id, 11, "95.5");
    await record(liangqu[6]!.id, 12, null, "ACHIEVED");
    const sanqu = await rowsOf("提前下达2025年“三区”科技人才专项资金"); // … row 6: =200人, row 9: 逐步改善
    await record(sanqu[6]!.id, 12, "150");
    const sanquSheet = await db.prisma.targetSheet.findFirstOrThrow({ where: { name: "提前下达2025年“三区”科技人才专项资金" } });
    await db.prisma.evaluation.create({
      data: {
        sheetId: sanquSheet.id,
        kind: "EVALUATOR",
        status: "FINAL",
        rows: {
          create: [
            { indicatorId: sanqu[6]!.id, actual: "210" },
            { indicatorId: sanqu[9]!.id, band: "PARTIAL", gradeScore: "20" },
          ],
        },
      },
    });
    // A 2025 draft is not copied.
    await createDraft(db.prisma, actors.admin, draftInput({ year: 2025, name: "2025年未发布的草稿" }));

    const plan = await planRollover(db.prisma, actors.admin, 2025);
    expect([plan.toYear, plan.sheets.length, plan.drafts, plan.clashes]).toEqual([2026, 14, 1, []]);
    expect(plan.sheets.find((s) => s.name === "2025年“两区”创新建设专项")).toMatchObject({
      newName: "2026年“两区”创新建设专项",
      indicators: 7,
      withActuals: 4,
      leads: ["冯先生"],
      evaluators: ["评价专家"],
    });
    expect(plan.rolledOver).toBe(0);

    const result = await rolloverYear(db.prisma, actors.admin, { fromYear: 2025 });
    expect(result.toYear).toBe(2026);
    expect(result.created).toHaveLength(14);

    const copies = await db.prisma.targetSheet.findMany({
      where: { fiscalYear: { year: 2026 } },
      orderBy: { position: "asc" },
      include: { indicators: { orderBy: { position: "asc" } }, sourceSheet: { include: { indicators: { orderBy: { position: "asc" } } } } },
    });
    expect(copies).toHaveLength(14);
    const admin = actors.admin as { id: number };
    for (const copy of copies) {
      expect(copy).toMatchObject({ status: "DRAFT", authorId: admin.id, version: 1 });
      const source = copy.sourceSheet!;
      expect(copy.name).toBe(nextYearName(source.name, 2025));
      expect([copy.unitId, copy.lead, copy.goal, copy.fundsTotal.toString(), copy.kind]).toEqual([
        source.unitId,
        source.lead,
        source.goal,
        source.fundsTotal.toString(),
        source.kind,
      ]);
      // Targets, weights and rules kept for editing.
      expect(
        copy.indicators.map((i) => [i.name, i.targetRaw, i.targetOp, i.targetValue?.toString(), i.weight.toString(), i.rule, i.evidence, i.measureType]),
      ).toEqual(
        source.indicators.map((i) => [i.name, i.targetRaw, i.targetOp, i.targetValue?.toString(), i.weight.toString(), i.rule, i.evidence, i.measureType]),
      );
    }
    expect(copies.map((c) => c.name)).toContain("2026年“两区”创新建设专项");
    expect(copies.map((c) => c.name)).toContain("落实2023年厅地联动市级配套专项资金"); // other years in a name stay

    const lastYear = (name: string) => copies.find((c) => c.name === name)!.indicators.map((i) => i.lastYear);
    expect(lastYear("2026年“两区”创新建设专项")).toEqual(["4项", "7项", "-", "-", "-", "95.5%", "达成"]);
    expect(lastYear("提前下达2026年“三区”科技人才专项资金")).toEqual(["-", "-", "-", "-", "-", "-", "210人", "-", "-", "部分达成", "-"]);
    const others = copies.filter((c) => !["2026年“两区”创新建设专项", "提前下达2026年“三区”科技人才专项资金"].includes(c.name));
    expect(others.flatMap((c) => c.indicators.map((i) => i.lastYear)).every((v) => v === "-")).toBe(true);

    expect(await db.prisma.auditLog.count({ where: { action: "sheet.rollover" } })).toBe(14);
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "sheet.rollover", entityId: String(copies[1]!.id) } });
    expect(entry.after).toMatchObject({ sheetId: copies[1]!.id, sourceSheetId: copies[1]!.sourceSheetId, status: "DRAFT", year: 2026 });
    // 2025 is untouched.
    expect(await db.prisma.targetSheet.count({ where: { fiscalYear: { year: 2025 }, status: "PUBLISHED" } })).toBe(14);

    // Each copy keeps its sheet's 分工, written as `assign` writes it.
    const duties = async (year: number) =>
      (
        await db.prisma.sheetAssignment.findMany({
          where: { sheet: { fiscalYear: { year } } },
          select: { role: true, userId: true, sheet: { select: { name: true, sourceSheetId: true, id: true } } },
        })
      )
        .map((a) => `${nextYearName(a.sheet.name, 2025).replace("2026", "Y")} ${a.role} ${a.userId}`)
        .sort();
    expect(await duties(2026)).toEqual(await duties(2025));
    expect(result.created.reduce((n, s) => n + s.assignments, 0)).toBe(
      await db.prisma.sheetAssignment.count({ where: { sheet: { fiscalYear: { year: 2025 } } } }),
    );
    const liangqu2026 = copies.find((c) => c.name === "2026年“两区”创新建设专项")!;
    const carried = await db.prisma.auditLog.findMany({ where: { action: "assignment.create", sheetId: liangqu2026.id } });
    expect(carried.map((e) => e.after)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheetId: liangqu2026.id, sheet: "2026年“两区”创新建设专项", user: "冯先生", role: "LEAD" }),
        expect.objectContaining({ sheetId: liangqu2026.id, user: "评价专家", role: "EVALUATOR" }),
      ]),
    );
    // The lead finds next year's draft among their sheets (it is theirs), not yet among the months to report.
    const lead = actors.lead as { id: number };
    expect(await db.prisma.sheetAssignment.count({ where: { sheetId: liangqu2026.id, userId: lead.id, role: "LEAD" } })).toBe(1);

    // Seen again, the year says it was rolled over: its own copies are no clash to list.
    const after = await planRollover(db.prisma, actors.admin, 2025);
    expect([after.clashes.length, after.rolledOver]).toEqual([14, 14]);
  });

  it("refuses a second rollover into a year that already has those sheets, writing nothing", async () => {
    const before = await db.prisma.targetSheet.count();
    expect((await planRollover(db.prisma, actors.admin, 2025)).clashes).toHaveLength(14);
    const refused = await refusal(rolloverYear(db.prisma, actors.admin, { fromYear: 2025 }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.problems).toHaveLength(14);
    expect(refused.problems[1]).toEqual({ path: "2026年「乌鲁木齐市科学技术局」", message: "已有「2026年“两区”创新建设专项」" });
    expect(await db.prisma.targetSheet.count()).toBe(before);
  });

  it("leaves the 分工 behind when the admin opts out, and offers the printed lead's account in one click", async () => {
    // One 2026 copy published, then rolled into 2027 without its 分工.
    const copy = await db.prisma.targetSheet.findFirstOrThrow({ where: { name: "2026年“两区”创新建设专项" } });
    await db.prisma.targetSheet.update({ where: { id: copy.id }, data: { status: "PUBLISHED" } });
    const result = await rolloverYear(db.prisma, actors.admin, { fromYear: 2026, keepAssignments: false });
    expect(result.created).toEqual([expect.objectContaining({ name: "2027年“两区”创新建设专项", assignments: 0 })]);
    const rolled = result.created[0]!;
    expect(await db.prisma.sheetAssignment.count({ where: { sheetId: rolled.id } })).toBe(0);

    // 项目负责人 printed 冯先生 = exactly one active lead account: offered, until assigned.
    const offered = async () => (await listAssignments(db.prisma, actors.admin, { year: 2027 })).sheets.find((s) => s.id === rolled.id)!.suggestedLead;
    expect(await offered()).toMatchObject({ username: "lead", displayName: "冯先生" });
    // Sheets whose 分工 came along have nothing to offer.
    expect((await listAssignments(db.prisma, actors.admin, { year: 2026 })).sheets.every((s) => s.suggestedLead === null)).toBe(true);
    const suggestion = (await offered())!;
    await assign(db.prisma, actors.admin, { sheetId: rolled.id, userId: suggestion.id, role: "LEAD" });
    expect(await offered()).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: "assignment.create", sheetId: rolled.id } })).toBe(1);

    // A printed name whose one account is not a lead: nothing offered.
    await db.prisma.sheetAssignment.deleteMany({ where: { sheetId: rolled.id } });
    await db.prisma.targetSheet.update({ where: { id: rolled.id }, data: { lead: "评价专家" } });
    expect(await offered()).toBeNull();
  });

  it("is for admins only, and needs published sheets to copy", async () => {
    for (const user of ["manager", "lead", "lead2", "evaluator"] as const) {
      expect(await outcome(rolloverYear(db.prisma, actors[user], { fromYear: 2025 }))).toBe("FORBIDDEN");
      expect(await outcome(planRollover(db.prisma, actors[user], 2025))).toBe("FORBIDDEN");
    }
    expect(await outcome(rolloverYear(db.prisma, actors.admin, { fromYear: 2030 }))).toBe("NOT_FOUND");
  });
});
