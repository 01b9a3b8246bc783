import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM, type Actor, userActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import { createTestDatabase } from "@/lib/testing/database";
import { AppError } from "@/lib/errors";
import { validateInterchange, type ValidFile } from "@/lib/interchange/validate";
import { SEED_FILE, seedIfEmpty } from "@/lib/seed/seed-database";
import { exportSheets, formatInterchange } from "./export-sheets";
import { importSheets } from "@/lib/authoring/import-sheets";

const seedText = fs.readFileSync(SEED_FILE, "utf8");
const valid = (json: unknown): ValidFile => {
  const result = validateInterchange(json);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.file;
};
const exportText = async (db: Database, actor: Actor = SYSTEM) => formatInterchange(await exportSheets(db.prisma, actor, { year: 2025 }));

let db: Database;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.close();
});

describe("seed, import and export", () => {
  it("seeds an empty database once, and exports exactly the seed file", async () => {
    expect(await seedIfEmpty(db.prisma, { demoUsers: true })).toEqual({ seeded: true, sheets: 14, users: 5 });
    expect(await seedIfEmpty(db.prisma, { demoUsers: true })).toEqual({ seeded: false });
    expect(await db.prisma.targetSheet.count()).toBe(14);
    expect(await db.prisma.indicator.count()).toBe(105);
    expect(await db.prisma.budgetUnit.count()).toBe(3);
    expect(await exportText(db)).toBe(seedText);
  });

  it("round-trips: export → import into an empty database → export is identical", async () => {
    await seedIfEmpty(db.prisma, { demoUsers: false });
    const first = await exportText(db);
    const other = await createTestDatabase();
    try {
      await importSheets(other.prisma, SYSTEM, valid(JSON.parse(first)), { replace: false });
      expect(await exportText(other)).toBe(first);
    } finally {
      await other.close();
    }
  });

  it("keeps a changed measure type and an explicit budget-execution weight through the round trip", async () => {
    const file = JSON.parse(seedText);
    file.sheets[1].indicators[0].measureType = "level";
    file.sheets[1].budgetExecutionWeight = 10;
    await importSheets(db.prisma, SYSTEM, valid(file), { replace: false });
    const exported = JSON.parse(await exportText(db));
    expect(exported.sheets[1].indicators[0].measureType).toBe("level");
    expect(exported.sheets[1].budgetExecutionWeight).toBe(10);
    expect(exported.sheets[1].indicators[1].measureType).toBeUndefined();
  });

  it("refuses a sheet that already exists, writing nothing, unless replacing", async () => {
    await seedIfEmpty(db.prisma, { demoUsers: true });
    const before = await exportText(db);
    const file = JSON.parse(seedText);
    file.sheets = [file.sheets[1], { ...file.sheets[2], name: "全新的项目" }];
    file.sheets[0].indicators[0].targetRaw = "＞=4项";
    file.sheets[0].indicators[0].target.value = "4";

    const refused = await importSheets(db.prisma, SYSTEM, valid(file), { replace: false }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("CONFLICT");
    expect((refused as AppError).problems[0]!.path).toBe("第1张表「2025年“两区”创新建设专项」");
    expect(await exportText(db)).toBe(before);

    const sheetId = (await db.prisma.targetSheet.findFirstOrThrow({ where: { name: "2025年“两区”创新建设专项" } })).id;
    const imported = await importSheets(db.prisma, SYSTEM, valid(file), { replace: true });
    expect(imported.map((s) => [s.action, s.id === sheetId])).toEqual([
      ["replaced", true],
      ["created", false],
    ]);
    const after = JSON.parse(await exportText(db));
    expect(after.sheets).toHaveLength(15);
    expect(after.sheets[1].indicators[0].targetRaw).toBe("＞=4项");
    expect(after.sheets[14].name).toBe("全新的项目");
    // The lead's assignment survives the replacement.
    expect(await db.prisma.sheetAssignment.count({ where: { sheetId, role: "LEAD" } })).toBe(1);

    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "sheet.replace", entityId: String(sheetId) } });
    expect((audit.before as { indicators: { targetRaw: string }[] }).indicators[0]!.targetRaw).toBe("＞=3项");
    expect((audit.after as { indicators: { targetRaw: string }[] }).indicators[0]!.targetRaw).toBe("＞=4项");
  });

  it("records one audit entry per imported sheet", async () => {
    await seedIfEmpty(db.prisma, { demoUsers: false });
    const entries = await db.prisma.auditLog.findMany({ where: { action: "sheet.import" } });
    expect(entries).toHaveLength(14);
    expect(entries.every((e) => e.actorId === null && e.after !== null)).toBe(true);
  });

  it("exports and imports only for the roles allowed to, and exports only sheets the actor may see", async () => {
    await seedIfEmpty(db.prisma, { demoUsers: true });
    const users = await db.prisma.user.findMany();
    const actor = (username: string): Actor => userActor(users.find((x) => x.username === username)!);
    const file = valid(JSON.parse(seedText));
    for (const username of ["manager", "lead", "evaluator"]) {
      await expect(importSheets(db.prisma, actor(username), file, { replace: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(exportSheets(db.prisma, actor("lead"), { year: 2025 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await exportText(db, actor("manager"))).toBe(seedText);
    expect(await exportText(db, actor("evaluator"))).toBe(seedText);
  });
});
