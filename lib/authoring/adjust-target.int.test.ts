import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import type { DemoUsername } from "@/lib/testing/demo-actors";
import { exportSheets } from "@/lib/sheets/export-sheets";
import { adjustTarget } from "./adjust-target";
import { createDraft } from "./create-draft";
import { getSheetAuthoring } from "./get-sheet-authoring";
import { draftInput, outcome, refusal, seededDatabase } from "@/lib/testing/authoring-fixtures";

let db: Database;
let actors: Record<DemoUsername, Actor>;
let sheetId: number;
let rows: { id: number; name: string; targetRaw: string; version: number }[];

beforeAll(async () => {
  ({ db, actors } = await seededDatabase());
  sheetId = (await db.prisma.targetSheet.findFirstOrThrow({ where: { name: "2025年“两区”创新建设专项" } })).id;
  rows = await db.prisma.indicator.findMany({
    where: { sheetId },
    orderBy: { position: "asc" },
    select: { id: true, name: true, targetRaw: true, version: true },
  });
});
afterAll(async () => {
  await db?.close();
});

const row = (i: number) => db.prisma.indicator.findUniqueOrThrow({ where: { id: rows[i]!.id } });

describe("adjustTarget", () => {
  it("records the adjustment with reason and approver, keeps the published target, and audits it", async () => {
    const first = await adjustTarget(db.prisma, actors.manager, {
      indicatorId: rows[0]!.id,
      version: 1,
      targetRaw: " ＞=4项 ",
      reason: "年中追加预算，增加一个攻关项目",
    });
    expect(first).toMatchObject({ version: 2, originalTargetRaw: "＞=3项" });
    expect(await row(0)).toMatchObject({
      targetRaw: "＞=4项",
      originalTargetRaw: "＞=3项",
      targetOp: "GTE",
      targetUnit: "项",
      version: 2,
      measureType: "CUMULATIVE",
    });
    expect((await row(0)).targetValue?.toString()).toBe("4");

    const second = await adjustTarget(db.prisma, actors.admin, { indicatorId: rows[0]!.id, version: 2, targetRaw: "＞=5项", reason: "再次追加" });
    expect(second.originalTargetRaw).toBe("＞=3项");
    expect(await row(0)).toMatchObject({ targetRaw: "＞=5项", originalTargetRaw: "＞=3项", version: 3 });

    const manager = actors.manager as { id: number };
    const adjustment = await db.prisma.targetAdjustment.findUniqueOrThrow({ where: { id: first.adjustmentId } });
    expect(adjustment).toMatchObject({
      indicatorId: rows[0]!.id,
      beforeTargetRaw: "＞=3项",
      afterTargetRaw: "＞=4项",
      reason: "年中追加预算，增加一个攻关项目",
      requestedById: manager.id,
      approvedById: manager.id,
    });

    const entries = await db.prisma.auditLog.findMany({
      where: { action: "target.adjust", entityType: "Indicator", entityId: String(rows[0]!.id) },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => [e.before, e.after])).toEqual([
      [
        { sheetId, name: rows[0]!.name, targetRaw: "＞=3项", target: ">=3项" },
        {
          sheetId,
          name: rows[0]!.name,
          targetRaw: "＞=4项",
          target: ">=4项",
          reason: "年中追加预算，增加一个攻关项目",
          adjustmentId: first.adjustmentId,
          originalTargetRaw: "＞=3项",
        },
      ],
      [expect.objectContaining({ targetRaw: "＞=4项" }), expect.objectContaining({ targetRaw: "＞=5项", originalTargetRaw: "＞=3项" })],
    ]);

    // The sheet page shows the original and the adjustments, in order.
    const state = await getSheetAuthoring(db.prisma, actors.lead, sheetId);
    expect(state.indicators[rows[0]!.id]).toEqual({ version: 3, originalTargetRaw: "＞=3项" });
    expect(state.adjustments.map((a) => [a.indicator, a.before, a.after, a.approvedBy])).toEqual([
      [rows[0]!.name, "＞=3项", "＞=4项", "王科长"],
      [rows[0]!.name, "＞=4项", "＞=5项", "系统管理员"],
    ]);
    // The export shows the target in force.
    const exported = await exportSheets(db.prisma, actors.admin, { year: 2025 });
    expect(exported.sheets.find((s) => s.name === "2025年“两区”创新建设专项")!.indicators[0]!.targetRaw).toBe("＞=5项");
  });

  it("lets a new unit change the measure type it defaults to (a count becomes a rate)", async () => {
    await adjustTarget(db.prisma, actors.admin, { indicatorId: rows[4]!.id, version: 1, targetRaw: "=100%", reason: "改为覆盖率" });
    expect(await row(4)).toMatchObject({ measureType: "LEVEL", targetUnit: "%" });
  });

  it.each([
    ["lead", "FORBIDDEN"], // the sheet's own lead asks; an approver records
    ["lead2", "FORBIDDEN"],
    ["evaluator", "FORBIDDEN"],
  ] as const)("refuses %s (%s)", async (user, expected) => {
    const current = await row(1);
    expect(
      await outcome(adjustTarget(db.prisma, actors[user], { indicatorId: current.id, version: current.version, targetRaw: "＞=9项", reason: "理由" })),
    ).toBe(expected);
    expect((await row(1)).targetRaw).toBe("＞=3项");
  });

  it("refuses a missing reason, a target that does not parse or lacks its comparator, the same target, and a stale version", async () => {
    const current = await row(1);
    const base = { indicatorId: current.id, version: current.version };
    const cases: Array<[Parameters<typeof adjustTarget>[2], string, string]> = [
      [{ ...base, targetRaw: "＞=9项", reason: "  " }, "INVALID", "reason"],
      [{ ...base, targetRaw: "＞=若干", reason: "理由" }, "INVALID", "targetRaw"],
      [{ ...base, targetRaw: "9项", reason: "理由" }, "INVALID", "targetRaw"],
      [{ ...base, targetRaw: "＞=3项", reason: "理由" }, "INVALID", "targetRaw"],
      [{ ...base, version: current.version + 1, targetRaw: "＞=9项", reason: "理由" }, "CONFLICT", ""],
    ];
    for (const [input, code, path] of cases) {
      const refused = await refusal(adjustTarget(db.prisma, actors.admin, input));
      expect([refused.code, refused.problems[0]?.path ?? ""]).toEqual([code, path]);
    }
    expect(await row(1)).toMatchObject({ targetRaw: "＞=3项", originalTargetRaw: null, version: current.version });
    expect(await db.prisma.targetAdjustment.count({ where: { indicatorId: current.id } })).toBe(0);
  });

  it("is only for published sheets: a draft is simply edited", async () => {
    const { id } = await createDraft(db.prisma, actors.admin, draftInput());
    const draftRow = await db.prisma.indicator.findFirstOrThrow({ where: { sheetId: id } });
    expect(await outcome(adjustTarget(db.prisma, actors.admin, { indicatorId: draftRow.id, version: 1, targetRaw: "＞=200家", reason: "理由" }))).toBe(
      "CONFLICT",
    );
    expect(await outcome(adjustTarget(db.prisma, actors.admin, { indicatorId: 999_999, version: 1, targetRaw: "＞=200家", reason: "理由" }))).toBe("NOT_FOUND");
  });
});
