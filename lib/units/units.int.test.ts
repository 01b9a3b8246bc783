import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditMark, expectRefused } from "@/lib/testing/audit";
import type { Database } from "@/lib/db/open";
import type { DemoActor, DemoUsername } from "@/lib/testing/demo-actors";
import { SEED_FILE } from "@/lib/seed/seed-database";
import { seededTestDatabase } from "@/lib/testing/factory";
import { createDepartment } from "./create-department";
import { createUnit } from "./create-unit";
import { deleteDepartment } from "./delete-department";
import { deleteUnit } from "./delete-unit";
import { listUnits } from "./list-units";
import { renameDepartment } from "./rename-department";
import { renameUnit } from "./rename-unit";

let db: Database;
let actors: Record<DemoUsername, DemoActor>;
const NOT_ADMIN: DemoUsername[] = ["manager", "lead", "lead2", "evaluator"];

/** What the seed file says: its department, year, and how many sheets each unit has, in document order. */
const seed = JSON.parse(readFileSync(SEED_FILE, "utf8")) as { department: string; fiscalYear: number; sheets: { unit: string }[] };
const seedCounts = new Map<string, number>();
for (const sheet of seed.sheets) seedCounts.set(sheet.unit, (seedCounts.get(sheet.unit) ?? 0) + 1);

beforeAll(async () => {
  ({ db, actors } = await seededTestDatabase());
});
afterAll(async () => {
  await db.close();
});

const seededDepartment = async () => (await listUnits(db.prisma, actors.admin)).find((d) => d.name === seed.department)!;
const unitNamed = async (name: string) => (await seededDepartment()).units.find((u) => u.name === name)!;

/** A department and unit of a test's own, so tests do not depend on each other's leftovers. */
let counter = 0;
const newDepartment = () => createDepartment(db.prisma, actors.admin, { name: `测试部门${++counter}` });

describe("listUnits", () => {
  it("lists the seeded department with its units in document order, their sheets per year and its manager", async () => {
    const department = await seededDepartment();
    expect(department.units.map((u) => u.name)).toEqual([...seedCounts.keys()]);
    // 本级 is the unit named as the department (the department sheet and the bureau's own projects).
    expect(department.units[0]!.name).toBe(seed.department);
    for (const unit of department.units) {
      expect(unit.sheetsByYear).toEqual([{ year: seed.fiscalYear, sheets: seedCounts.get(unit.name) }]);
      expect(unit.sheets).toBe(seedCounts.get(unit.name));
    }
    expect(department.units.reduce((sum, u) => sum + u.sheets, 0)).toBe(seed.sheets.length);
    expect(department).toMatchObject({ managers: 1, users: 1 });
  });

  it.each(NOT_ADMIN)("refuses %s", async (who) => {
    await expectRefused(db.prisma, () => listUnits(db.prisma, actors[who]), "FORBIDDEN");
  });
});

describe("departments", () => {
  it("creates, renames and deletes a department, each with one audit entry naming its departmentId", async () => {
    const entries = await auditMark(db.prisma);
    const created = await createDepartment(db.prisma, actors.admin, { name: "  乌鲁木齐市测试局　" });
    expect(created.name).toBe("乌鲁木齐市测试局");
    const renamed = await renameDepartment(db.prisma, actors.admin, { id: String(created.id), name: "乌鲁木齐市测试管理局" });
    expect(renamed).toMatchObject({ changed: true, previousName: "乌鲁木齐市测试局", department: { name: "乌鲁木齐市测试管理局" } });
    expect((await listUnits(db.prisma, actors.admin)).find((d) => d.id === created.id)).toMatchObject({ units: [], managers: 0, users: 0 });
    await deleteDepartment(db.prisma, actors.admin, { id: created.id });
    expect(await db.prisma.department.findUnique({ where: { id: created.id } })).toBeNull();

    const log = await entries();
    const common = { entityType: "Department", entityId: String(created.id), actorId: actors.admin.id };
    expect(log).toHaveLength(3);
    expect(log[0]).toMatchObject({ ...common, action: "department.create", before: null, after: { departmentId: created.id, department: "乌鲁木齐市测试局" } });
    expect(log[1]).toMatchObject({
      ...common,
      action: "department.rename",
      before: { departmentId: created.id, department: "乌鲁木齐市测试局" },
      after: { departmentId: created.id, department: "乌鲁木齐市测试管理局" },
    });
    expect(log[2]).toMatchObject({
      ...common,
      action: "department.delete",
      before: { departmentId: created.id, department: "乌鲁木齐市测试管理局" },
      after: null,
    });
  });

  it("writes nothing when renamed to its own name", async () => {
    const department = await newDepartment();
    const entries = await auditMark(db.prisma);
    expect((await renameDepartment(db.prisma, actors.admin, { id: department.id, name: ` ${department.name} ` })).changed).toBe(false);
    expect(await entries()).toHaveLength(0);
  });

  it("refuses a taken or empty name and an unknown department, next to the field", async () => {
    const department = await newDepartment();
    await expectRefused(db.prisma, () => createDepartment(db.prisma, actors.admin, { name: ` ${seed.department} ` }), "CONFLICT", "name");
    await expectRefused(db.prisma, () => createDepartment(db.prisma, actors.admin, { name: "　" }), "INVALID", "name");
    await expectRefused(db.prisma, () => renameDepartment(db.prisma, actors.admin, { id: department.id, name: seed.department }), "CONFLICT", "name");
    await expectRefused(db.prisma, () => renameDepartment(db.prisma, actors.admin, { id: 999_999, name: "无" }), "NOT_FOUND", "id");
    await expectRefused(db.prisma, () => deleteDepartment(db.prisma, actors.admin, { id: 999_999 }), "NOT_FOUND", "id");
    await expectRefused(db.prisma, () => deleteDepartment(db.prisma, actors.admin, { id: "abc" }), "INVALID", "id");
    expect(await db.prisma.department.findUnique({ where: { id: department.id } })).toMatchObject({ name: department.name });
  });

  it("refuses to delete a department that still has units or users, saying which", async () => {
    const seeded = await seededDepartment();
    const error = await expectRefused(db.prisma, () => deleteDepartment(db.prisma, actors.admin, { id: seeded.id }), "CONFLICT", "id");
    expect(error.message).toContain(`${seeded.units.length} 个预算单位`);
    expect(error.message).toContain("1 名用户（王科长 manager）");

    // A user alone is enough: deleting would silently unbind them.
    const department = await newDepartment();
    await db.prisma.user.update({ where: { id: actors.lead2.id }, data: { departmentId: department.id } });
    try {
      const refused = await expectRefused(db.prisma, () => deleteDepartment(db.prisma, actors.admin, { id: department.id }), "CONFLICT", "id");
      expect(refused.message).toMatch(/1 名用户（范先生 lead2）/);
      expect(refused.message).not.toContain("预算单位（");
    } finally {
      await db.prisma.user.update({ where: { id: actors.lead2.id }, data: { departmentId: null } });
    }
    expect(await db.prisma.department.count({ where: { id: { in: [seeded.id, department.id] } } })).toBe(2);
  });

  it.each(NOT_ADMIN)("refuses %s", async (who) => {
    const department = await newDepartment();
    await expectRefused(db.prisma, () => createDepartment(db.prisma, actors[who], { name: `由${who}新建` }), "FORBIDDEN");
    await expectRefused(db.prisma, () => renameDepartment(db.prisma, actors[who], { id: department.id, name: `由${who}改名` }), "FORBIDDEN");
    await expectRefused(db.prisma, () => deleteDepartment(db.prisma, actors[who], { id: department.id }), "FORBIDDEN");
    expect(await db.prisma.department.findUnique({ where: { id: department.id } })).toMatchObject({ name: department.name });
  });
});

describe("budget units", () => {
  it("creates, renames and deletes a unit, each with one audit entry naming its departmentId", async () => {
    const seeded = await seededDepartment();
    const entries = await auditMark(db.prisma);
    const created = await createUnit(db.prisma, actors.admin, { departmentId: String(seeded.id), name: " 乌鲁木齐科技测试中心 " });
    expect(created).toMatchObject({ departmentId: seeded.id, name: "乌鲁木齐科技测试中心", department: seed.department });
    expect(await unitNamed("乌鲁木齐科技测试中心")).toMatchObject({ sheetsByYear: [], sheets: 0 });

    const renamed = await renameUnit(db.prisma, actors.admin, { id: created.id, name: "乌鲁木齐科技测试服务中心" });
    expect(renamed).toMatchObject({ changed: true, previousName: "乌鲁木齐科技测试中心", unit: { name: "乌鲁木齐科技测试服务中心" } });
    await deleteUnit(db.prisma, actors.admin, { id: created.id });
    expect(await db.prisma.budgetUnit.findUnique({ where: { id: created.id } })).toBeNull();

    const log = await entries();
    const common = { entityType: "BudgetUnit", entityId: String(created.id), actorId: actors.admin.id };
    const unit = (name: string) => ({ departmentId: seeded.id, department: seed.department, name });
    expect(log).toHaveLength(3);
    expect(log[0]).toMatchObject({ ...common, action: "unit.create", before: null, after: unit("乌鲁木齐科技测试中心") });
    expect(log[1]).toMatchObject({ ...common, action: "unit.rename", before: unit("乌鲁木齐科技测试中心"), after: unit("乌鲁木齐科技测试服务中心") });
    expect(log[2]).toMatchObject({ ...common, action: "unit.delete", before: unit("乌鲁木齐科技测试服务中心"), after: null });
  });

  it("renames a unit that has sheets for every year at once: its sheets read the new name", async () => {
    const department = await newDepartment();
    const unit = await createUnit(db.prisma, actors.admin, { departmentId: department.id, name: "改名前" });
    const year = await db.prisma.fiscalYear.findUniqueOrThrow({ where: { year: seed.fiscalYear } });
    const sheet = await db.prisma.targetSheet.create({
      data: {
        kind: "PROJECT",
        unitId: unit.id,
        fiscalYearId: year.id,
        name: "测试项目",
        lead: "某人",
        fundsTotal: "1",
        fundsFiscal: "1",
        fundsOther: "0",
        goal: "",
        position: 900,
      },
    });
    await renameUnit(db.prisma, actors.admin, { id: unit.id, name: "改名后" });
    expect(await db.prisma.targetSheet.findUniqueOrThrow({ where: { id: sheet.id }, select: { unit: { select: { name: true } } } })).toEqual({
      unit: { name: "改名后" },
    });
    expect((await listUnits(db.prisma, actors.admin)).find((d) => d.id === department.id)!.units).toEqual([
      { id: unit.id, name: "改名后", sheetsByYear: [{ year: seed.fiscalYear, sheets: 1 }], sheets: 1 },
    ]);
    // Used by a sheet: neither the unit nor its department can go.
    const error = await expectRefused(db.prisma, () => deleteUnit(db.prisma, actors.admin, { id: unit.id }), "CONFLICT", "id");
    expect(error.message).toBe(`预算单位「改名后」仍有绩效目标表（${seed.fiscalYear}年 1 张），不能删除`);
    await expectRefused(db.prisma, () => deleteDepartment(db.prisma, actors.admin, { id: department.id }), "CONFLICT", "id");
  });

  it("allows the same unit name in another department, not twice in one", async () => {
    const department = await newDepartment();
    const local = await createUnit(db.prisma, actors.admin, { departmentId: department.id, name: "乌鲁木齐科技信息服务中心" });
    expect(local.departmentId).toBe(department.id);
    const other = await createUnit(db.prisma, actors.admin, { departmentId: department.id, name: "另一个单位" });
    const seeded = await seededDepartment();
    const error = await expectRefused(
      db.prisma,
      () => createUnit(db.prisma, actors.admin, { departmentId: seeded.id, name: " 乌鲁木齐科技信息服务中心 " }),
      "CONFLICT",
      "name",
    );
    expect(error.message).toBe(`「${seed.department}」已有预算单位「乌鲁木齐科技信息服务中心」`);
    await expectRefused(db.prisma, () => renameUnit(db.prisma, actors.admin, { id: other.id, name: "乌鲁木齐科技信息服务中心" }), "CONFLICT", "name");
    expect(await db.prisma.budgetUnit.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ name: "另一个单位" });
  });

  it("writes nothing when renamed to its own name", async () => {
    const unit = await unitNamed("乌鲁木齐科技信息服务中心");
    const entries = await auditMark(db.prisma);
    expect((await renameUnit(db.prisma, actors.admin, { id: unit.id, name: "乌鲁木齐科技信息服务中心 " })).changed).toBe(false);
    expect(await entries()).toHaveLength(0);
  });

  it("refuses to delete a seeded unit, naming its sheets per year", async () => {
    const name = "乌鲁木齐市技术创新研发与科技成果转化中心";
    const unit = await unitNamed(name);
    const error = await expectRefused(db.prisma, () => deleteUnit(db.prisma, actors.admin, { id: unit.id }), "CONFLICT", "id");
    expect(error.message).toBe(`预算单位「${name}」仍有绩效目标表（${seed.fiscalYear}年 ${seedCounts.get(name)} 张），不能删除`);
    expect(await unitNamed(name)).toEqual(unit);
  });

  it("refuses an empty or over-long name and unknown rows, next to the field", async () => {
    const seeded = await seededDepartment();
    const unit = seeded.units[1]!;
    await expectRefused(db.prisma, () => createUnit(db.prisma, actors.admin, { departmentId: seeded.id, name: "  " }), "INVALID", "name");
    await expectRefused(db.prisma, () => createUnit(db.prisma, actors.admin, { departmentId: seeded.id, name: "单".repeat(101) }), "INVALID", "name");
    await expectRefused(db.prisma, () => createUnit(db.prisma, actors.admin, { departmentId: "", name: "某单位" }), "INVALID", "departmentId");
    await expectRefused(db.prisma, () => createUnit(db.prisma, actors.admin, { departmentId: 999_999, name: "某单位" }), "NOT_FOUND", "departmentId");
    await expectRefused(db.prisma, () => renameUnit(db.prisma, actors.admin, { id: unit.id, name: "" }), "INVALID", "name");
    await expectRefused(db.prisma, () => renameUnit(db.prisma, actors.admin, { id: 999_999, name: "某单位" }), "NOT_FOUND", "id");
    await expectRefused(db.prisma, () => deleteUnit(db.prisma, actors.admin, { id: 999_999 }), "NOT_FOUND", "id");
    expect(await unitNamed(unit.name)).toEqual(unit);
  });

  it.each(NOT_ADMIN)("refuses %s", async (who) => {
    const department = await newDepartment();
    const unit = await createUnit(db.prisma, actors.admin, { departmentId: department.id, name: "空单位" });
    await expectRefused(db.prisma, () => createUnit(db.prisma, actors[who], { departmentId: department.id, name: `由${who}新建` }), "FORBIDDEN");
    await expectRefused(db.prisma, () => renameUnit(db.prisma, actors[who], { id: unit.id, name: `由${who}改名` }), "FORBIDDEN");
    await expectRefused(db.prisma, () => deleteUnit(db.prisma, actors[who], { id: unit.id }), "FORBIDDEN");
    expect(await db.prisma.budgetUnit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ name: "空单位" });
  });
});
