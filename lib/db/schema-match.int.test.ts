import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "./open";
import { prismaIndexName, readPrismaSchema } from "./prisma-schema";
import { createTestDatabase } from "@/lib/testing/database";

// The migrations are hand-written SQL; this proves the database they build is the one schema.prisma describes.

const schema = readPrismaSchema();
let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

interface Column {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
  numeric_precision: number | null;
  numeric_scale: number | null;
}

const expectedSqlType = (type: string, nativeType: string | null, list: boolean, enums: Set<string>) => {
  if (list) return { data_type: "ARRAY" };
  if (enums.has(type)) return { data_type: "USER-DEFINED", udt_name: type };
  if (type === "Decimal") {
    const [, p, s] = /Decimal\((\d+),\s*(\d+)\)/.exec(nativeType ?? "") ?? [];
    return { data_type: "numeric", numeric_precision: Number(p), numeric_scale: Number(s) };
  }
  if (type === "DateTime" && nativeType === "Date") return { data_type: "date" };
  const plain: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Float: "double precision",
    Boolean: "boolean",
    DateTime: "timestamp without time zone",
    Json: "jsonb",
  };
  return { data_type: plain[type] };
};

describe("migrated database matches schema.prisma", () => {
  it("has exactly the tables and columns of the models, with their types and nullability", async () => {
    const columns = await db.sql.query<Column>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, numeric_precision, numeric_scale
         FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
    );
    const enums = new Set(schema.enums.keys());
    const tables = new Set(columns.map((c) => c.table_name));
    expect([...tables].sort()).toEqual(schema.models.map((m) => m.table).sort());
    for (const model of schema.models) {
      const actual = columns.filter((c) => c.table_name === model.table);
      expect(actual.map((c) => c.column_name).sort(), model.name).toEqual(model.fields.map((f) => f.column).sort());
      for (const field of model.fields) {
        const column = actual.find((c) => c.column_name === field.column)!;
        expect(column, `${model.name}.${field.name}`).toMatchObject(expectedSqlType(field.type, field.nativeType, field.list, enums));
        expect(column.is_nullable === "YES", `${model.name}.${field.name} nullable`).toBe(field.optional || field.list);
      }
    }
  });

  it("has every enum with its values in order", async () => {
    const rows = await db.sql.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.typname, r.labels]))).toEqual(Object.fromEntries(schema.enums));
  });

  it("has every @@index and @@unique under Prisma's name", async () => {
    const rows = await db.sql.query<{ indexname: string; indexdef: string }>(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()`);
    const byName = new Map(rows.map((r) => [r.indexname, r.indexdef]));
    for (const model of schema.models) {
      for (const index of model.indexes) {
        const name = index.name ?? prismaIndexName(model.table, index.columns, index.unique);
        expect(byName.has(name), name).toBe(true);
        expect(byName.get(name)!.startsWith(index.unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX"), name).toBe(true);
      }
    }
  });

  it("writes and reads back every model and field through the Prisma client", async () => {
    const p = db.prisma;
    const department = await p.department.create({ data: { name: "测试部门" } });
    const unit = await p.budgetUnit.create({ data: { name: "本级", departmentId: department.id } });
    const year = await p.fiscalYear.create({ data: { year: 2031, lockedThroughMonth: 7 } });
    expect(await p.fiscalYear.findUniqueOrThrow({ where: { id: year.id } })).toEqual(year);
    await expect(p.fiscalYear.update({ where: { id: year.id }, data: { lockedThroughMonth: 13 } })).rejects.toThrow();
    const sheet = await p.targetSheet.create({
      data: {
        kind: "PROJECT",
        unitId: unit.id,
        fiscalYearId: year.id,
        name: "项目",
        lead: "冯先生",
        fundsTotal: new Prisma.Decimal("123456789012.34"),
        fundsFiscal: new Prisma.Decimal("0.01"),
        fundsOther: new Prisma.Decimal("0"),
        goal: "目标",
        budgetExecutionWeight: new Prisma.Decimal("12.50"),
        position: 3,
      },
    });
    const indicator = await p.indicator.create({
      data: {
        sheetId: sheet.id,
        position: 0,
        level1: "产出指标",
        level2: "数量指标",
        name: "数量",
        targetRaw: "＞=3.5亿元",
        targetOp: "GTE",
        targetValue: new Prisma.Decimal("3.5"),
        targetUnit: "亿元",
        targetQualitative: "有效推动",
        measureType: "LEVEL",
        basis: "计划标准",
        lastYear: "3亿元",
        weight: new Prisma.Decimal("30.25"),
        rule: "按评判等级赋分",
        evidence: ["工作资料", "说明材料"],
      },
    });
    const user = await p.user.create({
      data: {
        username: "u",
        displayName: "用户",
        passwordHash: "h",
        role: "EVALUATOR",
        active: false,
        departmentId: department.id,
        sessionVersion: 3,
      },
    });
    const assignment = await p.sheetAssignment.create({ data: { sheetId: sheet.id, userId: user.id, role: "EVALUATOR" } });
    const audit = await p.auditLog.create({
      data: { actorId: user.id, action: "x.y", entityType: "indicator", entityId: String(indicator.id), before: { a: 1 }, after: { b: ["中文", null] } },
    });

    const month = await p.sheetMonth.create({
      data: {
        sheetId: sheet.id,
        month: 7,
        status: "RETURNED",
        executed: new Prisma.Decimal("1234.56"),
        reviewComment: "请补充佐证",
        submittedAt: new Date("2025-07-31T08:05:00Z"),
        submittedById: user.id,
        reviewedAt: new Date("2025-08-01T02:00:00Z"),
        reviewedById: user.id,
        version: 3,
      },
    });
    const entry = await p.progressEntry.create({
      data: {
        indicatorId: indicator.id,
        month: 7,
        value: new Prisma.Decimal("-1.2345"),
        qualitativeValue: "PARTIAL",
        likelihood: "POSSIBLE",
        forecast: new Prisma.Decimal("3.6"),
        deviationReason: "原因",
        improvement: "措施",
        updatedById: user.id,
        version: 2,
      },
    });
    const adjustment = await p.budgetAdjustment.create({
      data: { sheetId: sheet.id, month: 6, amount: new Prisma.Decimal("-20.50"), reason: "调减", createdById: user.id },
    });
    const file = await p.evidenceFile.create({
      data: {
        sheetId: sheet.id,
        month: 7,
        indicatorId: indicator.id,
        sha256: "a".repeat(64),
        originalName: "佐证.pdf",
        mimeType: "application/pdf",
        sizeBytes: 1024,
        uploadedById: user.id,
      },
    });
    expect(await p.sheetMonth.findUniqueOrThrow({ where: { id: month.id } })).toEqual(month);
    expect(await p.progressEntry.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
    expect(entry.value?.toString()).toBe("-1.2345");
    expect(await p.budgetAdjustment.findUniqueOrThrow({ where: { id: adjustment.id } })).toEqual(adjustment);
    expect(adjustment.amount.toFixed(2)).toBe("-20.50");
    expect(await p.evidenceFile.findUniqueOrThrow({ where: { id: file.id } })).toEqual(file);
    const draft = await p.targetSheet.create({
      data: {
        kind: "PROJECT",
        unitId: unit.id,
        fiscalYearId: year.id,
        name: "草稿",
        lead: "",
        fundsTotal: 0,
        fundsFiscal: 0,
        fundsOther: 0,
        goal: "",
        position: 4,
        status: "DRAFT",
        authorId: user.id,
        sourceSheetId: sheet.id,
        version: 2,
      },
    });
    expect(await p.targetSheet.findUniqueOrThrow({ where: { id: draft.id } })).toEqual(draft);
    expect(sheet.status).toBe("PUBLISHED");
    const adjustment2 = await p.targetAdjustment.create({
      data: {
        indicatorId: indicator.id,
        beforeTargetRaw: "＞=3项",
        afterTargetRaw: "＞=2项",
        reason: "政策调整",
        requestedById: user.id,
        approvedById: user.id,
      },
    });
    expect(await p.targetAdjustment.findUniqueOrThrow({ where: { id: adjustment2.id } })).toEqual(adjustment2);
    const evaluation = await p.evaluation.create({
      data: {
        sheetId: sheet.id,
        kind: "EVALUATOR",
        status: "FINAL",
        executed: new Prisma.Decimal("187.50"),
        total: new Prisma.Decimal("82.86"),
        grade: "良",
        finalisedAt: new Date("2026-01-15T03:00:00Z"),
        finalisedById: user.id,
        reopenReason: "补充材料",
        version: 4,
      },
    });
    expect(await p.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } })).toEqual(evaluation);
    const evaluationRow = await p.evaluationRow.create({
      data: {
        evaluationId: evaluation.id,
        indicatorId: indicator.id,
        actual: new Prisma.Decimal("5"),
        band: "PARTIAL",
        gradeScore: new Prisma.Decimal("21.00"),
        deductionPoints: new Prisma.Decimal("4"),
        deductionReason: "偏低",
        deviationReason: "原因",
        version: 2,
      },
    });
    expect(await p.evaluationRow.findUniqueOrThrow({ where: { id: evaluationRow.id } })).toEqual(evaluationRow);

    const throttle = await p.signInThrottle.create({
      data: {
        username: "u",
        address: "192.0.2.1",
        attempts: [new Date("2025-07-01T02:00:00.123Z"), new Date("2025-07-01T02:01:00Z")],
        lockedUntil: new Date("2025-07-01T02:15:00Z"),
        lockCount: 2,
        lastSuccessAt: new Date("2025-06-30T01:00:00Z"),
        updatedAt: new Date("2025-07-01T02:01:00Z"),
      },
    });
    expect(await p.signInThrottle.findUniqueOrThrow({ where: { username_address: { username: "u", address: "192.0.2.1" } } })).toEqual(throttle);

    await expect(p.sheetMonth.create({ data: { sheetId: sheet.id, month: 13 } })).rejects.toThrow();

    const read = await p.department.findUniqueOrThrow({
      where: { id: department.id },
      include: {
        // Ordered: the draft made from the sheet is in the same unit, and an unordered include may list it first.
        units: { include: { sheets: { orderBy: { id: "asc" }, include: { indicators: true, assignments: true, fiscalYear: true } } } },
        users: { include: { auditEntries: true } },
      },
    });
    const readSheet = read.units[0]!.sheets[0]!;
    expect(readSheet).toMatchObject({ ...sheet, updatedAt: expect.any(Date) });
    expect(readSheet.fundsTotal.toFixed(2)).toBe("123456789012.34");
    expect(readSheet.budgetExecutionWeight?.toFixed(2)).toBe("12.50");
    expect(readSheet.fiscalYear.year).toBe(2031);
    expect(readSheet.indicators[0]).toEqual(indicator);
    expect(readSheet.indicators[0]!.evidence).toEqual(["工作资料", "说明材料"]);
    expect(readSheet.indicators[0]!.targetValue?.toString()).toBe("3.5");
    expect(readSheet.assignments[0]).toEqual(assignment);
    expect(read.users[0]).toMatchObject({ username: "u", displayName: "用户", role: "EVALUATOR", active: false, sessionVersion: 3 });
    expect(read.users[0]!.auditEntries[0]).toEqual(audit);
    expect(typeof audit.id).toBe("bigint");
    await p.indicator.update({ where: { id: indicator.id }, data: { originalTargetRaw: "＞=3项" } });
    expect((await p.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).originalTargetRaw).toBe("＞=3项");
  });

  it("gives every sheet a figures row per month, round-trips it, and marks them stale on every change to the sheet's rows", async () => {
    const p = db.prisma;
    const department = await p.department.create({ data: { name: "计分卡测试部门" } });
    const unit = await p.budgetUnit.create({ data: { name: "本级", departmentId: department.id } });
    const year = await p.fiscalYear.create({ data: { year: 2032 } });
    const sheet = await p.targetSheet.create({
      data: {
        kind: "PROJECT",
        unitId: unit.id,
        fiscalYearId: year.id,
        name: "项目",
        lead: "",
        fundsTotal: 100,
        fundsFiscal: 100,
        fundsOther: 0,
        goal: "",
        position: 0,
      },
    });
    const where = { sheetId_month: { sheetId: sheet.id, month: 7 } };
    // Created with the sheet, one row per month, stale until computed.
    const rows = await p.sheetFigures.findMany({ where: { sheetId: sheet.id }, orderBy: { month: "asc" } });
    expect(rows.map((r) => r.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rows[6]).toMatchObject({
      fiscalYearId: year.id,
      unitId: unit.id,
      kind: "PROJECT",
      status: "PUBLISHED",
      month: 7,
      changeSeq: 1n,
      computedSeq: 0n,
      computedAt: null,
    });
    const written = await p.sheetFigures.update({
      where,
      data: {
        latestMonth: 6,
        indicatorCount: 7,
        reportedCount: 5,
        fundsTotal: new Prisma.Decimal("123456789012.34"),
        budget: new Prisma.Decimal("1500.50"),
        executed: new Prisma.Decimal("750.25"),
        executedMonth: 6,
        executionRate: new Prisma.Decimal("1234567890.12"),
        budgetLight: "YELLOW",
        budgetLightReason: "预算",
        light: "RED",
        lightReason: "指标",
        redCount: 1,
        yellowCount: 2,
        greenCount: 3,
        blueCount: 4,
        projectedScore: new Prisma.Decimal("87.50"),
        projectedGrade: "良",
        projectedComplete: true,
        projectionError: "权重超过 100",
        finalScore: new Prisma.Decimal("92.05"),
        finalGrade: "优",
        score: new Prisma.Decimal("92.05"),
        grade: "优",
        scoreBucket: 9,
        monthsSubmitted: 6,
        monthsApproved: 5,
        lastSubmittedMonth: 6,
        lastApprovedMonth: 5,
        changeSeq: 9_007_199_254_740_993n,
        computedSeq: 9_007_199_254_740_993n,
        computedAt: new Date("2025-07-31T08:05:00Z"),
      },
    });
    expect(await p.sheetFigures.findUniqueOrThrow({ where })).toEqual(written);
    expect(written.executionRate?.toFixed(2)).toBe("1234567890.12");

    let last = written.changeSeq;
    const bumped = async () => {
      const now = (await p.sheetFigures.findUniqueOrThrow({ where })).changeSeq;
      expect(now).toBeGreaterThan(last);
      last = now;
      // Every month's row of the sheet is marked stale, not only the one looked at.
      const january = await p.sheetFigures.findUniqueOrThrow({ where: { sheetId_month: { sheetId: sheet.id, month: 1 } } });
      expect(january.changeSeq).toBeGreaterThan(january.computedSeq);
    };
    const indicator = await p.indicator.create({
      data: {
        sheetId: sheet.id,
        position: 0,
        level1: "产出指标",
        level2: "数量指标",
        name: "数量",
        targetRaw: "＞=3项",
        targetOp: "GTE",
        targetValue: 3,
        targetUnit: "项",
        measureType: "CUMULATIVE",
        basis: "",
        lastYear: "",
        weight: 90,
        rule: "",
        evidence: [],
      },
    });
    await bumped();
    const entry = await p.progressEntry.create({ data: { indicatorId: indicator.id, month: 3, value: 1 } });
    await bumped();
    await p.progressEntry.update({ where: { id: entry.id }, data: { value: 2 } });
    await bumped();
    await p.progressEntry.delete({ where: { id: entry.id } });
    await bumped();
    await p.indicator.update({ where: { id: indicator.id }, data: { measureType: "LEVEL" } });
    await bumped();
    const month = await p.sheetMonth.create({ data: { sheetId: sheet.id, month: 3, executed: 10 } });
    await bumped();
    await p.sheetMonth.update({ where: { id: month.id }, data: { status: "SUBMITTED" } });
    await bumped();
    await p.budgetAdjustment.create({ data: { sheetId: sheet.id, month: 3, amount: 5, reason: "调增" } });
    await bumped();
    const evaluation = await p.evaluation.create({ data: { sheetId: sheet.id, kind: "EVALUATOR" } });
    await bumped();
    await p.evaluation.update({ where: { id: evaluation.id }, data: { status: "FINAL", total: 90, grade: "优" } });
    await bumped();
    await p.targetSheet.update({ where: { id: sheet.id }, data: { fundsTotal: 200 } });
    await bumped();
    await p.indicator.delete({ where: { id: indicator.id } });
    await bumped();
    await p.targetSheet.delete({ where: { id: sheet.id } });
    expect(await p.sheetFigures.count({ where: { sheetId: sheet.id } })).toBe(0);
  });

  it("keeps the audit log append-only", async () => {
    const entry = await db.prisma.auditLog.create({ data: { action: "t", entityType: "t", entityId: "1" } });
    await expect(db.prisma.auditLog.update({ where: { id: entry.id }, data: { action: "changed" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
  });
});
