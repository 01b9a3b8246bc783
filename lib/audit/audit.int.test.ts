import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "@/lib/assignments/assign";
import { unassign } from "@/lib/assignments/unassign";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import { AppError } from "@/lib/errors";
import type { DemoActor, DemoUsername } from "@/lib/testing/demo-actors";
import { SEED_SHEET_NAMES, seededTestDatabase, sheetIdsByName } from "@/lib/testing/factory";
import { createUser } from "@/lib/users/create-user";
import { resetPassword } from "@/lib/users/reset-password";
import { updateUser } from "@/lib/users/update-user";
import { listAudit } from "@/lib/audit-log/list-audit";
import { listAuditFilters } from "@/lib/audit-log/list-audit-filters";
import { valueHistory } from "@/lib/audit-log/value-history";
import { otherDepartmentSheet } from "@/lib/testing/factory";

let db: Database;
let actors: Record<DemoUsername, DemoActor>;
let sheetOf: (name: string) => number;
const LIANGQU = SEED_SHEET_NAMES.liangqu; // led by 冯先生 (lead)
const KEPU = SEED_SHEET_NAMES.kepu; // led by 范先生 (lead2)
const PEITAO = SEED_SHEET_NAMES.peitao; // led by 冯先生 (lead)

beforeAll(async () => {
  ({ db, actors } = await seededTestDatabase());
  sheetOf = await sheetIdsByName(db.prisma);
});
afterAll(async () => {
  await db.close();
});

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? { code: e.code, paths: e.problems.map((p) => p.path) } : e),
  );

/** Entries written straight into the log at chosen times (the log only refuses UPDATE and DELETE). */
const insertEntry = (createdAt: Date, data: { action?: string; entityType?: string; entityId?: string; after?: object } = {}) =>
  db.prisma.auditLog.create({
    data: { createdAt, action: data.action ?? "test.entry", entityType: data.entityType ?? "Test", entityId: data.entityId ?? "1", after: data.after },
  });

describe("listAudit", () => {
  it("lists newest first for admins and managers, and refuses everybody else", async () => {
    for (const who of ["admin", "manager"] as const) {
      const page = await listAudit(db.prisma, actors[who]);
      expect(page.entries.length).toBeGreaterThan(0);
      const ids = page.entries.map((e) => BigInt(e.id));
      expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
    }
    for (const who of ["lead", "lead2", "evaluator"] as const) {
      expect(await refusal(listAudit(db.prisma, actors[who]))).toEqual({ code: "FORBIDDEN", paths: [] });
      expect(await refusal(listAuditFilters(db.prisma, actors[who]))).toEqual({ code: "FORBIDDEN", paths: [] });
    }
  });

  it("filters by sheet: the sheet itself and every entry whose JSON names it", async () => {
    const sheetId = sheetOf(KEPU);
    await assign(db.prisma, actors.admin, { sheetId, userId: actors.lead.id, role: "LEAD" });
    await unassign(db.prisma, actors.admin, { sheetId, userId: actors.lead.id, role: "LEAD" });
    await assign(db.prisma, actors.admin, { sheetId: sheetOf(PEITAO), userId: actors.lead2.id, role: "LEAD" }); // another sheet

    const page = await listAudit(db.prisma, actors.manager, { sheetId: String(sheetId) });
    expect(page.entries.map((e) => [e.action, e.entityType, e.actor?.username ?? null])).toEqual([
      ["assignment.delete", "SheetAssignment", "admin"],
      ["assignment.create", "SheetAssignment", "admin"],
      ["assignment.create", "User", null], // the seed's evaluator, on all 14 sheets
      ["assignment.create", "User", null], // the seed's lead2, on their 5 sheets
      ["sheet.import", "TargetSheet", null],
    ]);
    expect(page.total).toBe(5);
    // The seed's bulk assignments name their user, so the log can say whom they assigned.
    expect(page.entries.filter((e) => e.entityType === "User").map((e) => (e.after as { user?: string }).user)).toEqual(["评价专家", "范先生"]);
    expect(page.entries.filter((e) => e.entityType !== "User").every((e) => e.sheet?.id === sheetId && e.sheet.name === KEPU)).toBe(true);
    expect(page).toMatchObject({ newer: null, older: null });
  });

  it("finds by the sheet column exactly the entries the JSON conventions named, for every seeded sheet", async () => {
    // The filter before the sheet_id column: the entry-view.ts conventions, read from the JSON.
    const byJson = (sheetId: number) => ({
      OR: [
        { entityType: "TargetSheet", entityId: String(sheetId) },
        { after: { path: ["sheetId"], equals: sheetId } },
        { before: { path: ["sheetId"], equals: sheetId } },
        { after: { path: ["sheetIds"], array_contains: [sheetId] } },
      ],
    });
    const sheets = await db.prisma.targetSheet.findMany({ select: { id: true } });
    expect(sheets).toHaveLength(14);
    for (const { id } of sheets) {
      const expected = await db.prisma.auditLog.findMany({ where: byJson(id), orderBy: { id: "desc" }, select: { id: true } });
      const page = await listAudit(db.prisma, actors.admin, { sheetId: id, pageSize: 200 });
      expect(page.entries.map((e) => e.id)).toEqual(expected.map((e) => e.id.toString()));
      expect(page.total).toBeGreaterThanOrEqual(2); // its import, and the evaluator's bulk assignment
    }
  });

  it("filters by actor, including the system", async () => {
    await createUser(db.prisma, actors.admin, { username: "bylog", displayName: "日志测试", password: "Passw0rd-test", role: "LEAD" });
    const byAdmin = await listAudit(db.prisma, actors.admin, { actorId: String(actors.admin.id) });
    expect(byAdmin.entries.length).toBeGreaterThan(0);
    expect(byAdmin.entries.every((e) => e.actor?.id === actors.admin.id)).toBe(true);
    expect(byAdmin.entries[0]!.action).toBe("user.create");
    const bySystem = await listAudit(db.prisma, actors.admin, { actorId: "system" });
    expect(bySystem.entries.every((e) => e.actor === null)).toBe(true);
    expect(bySystem.entries.filter((e) => e.action === "sheet.import")).toHaveLength(14);
    expect((await listAudit(db.prisma, actors.admin, { actorId: actors.manager.id })).total).toBe(0);
  });

  it("filters by days, both ends inclusive, Beijing days whatever the server's zone", async () => {
    const beijing = (iso: string) => new Date(`${iso}+08:00`);
    await insertEntry(beijing("2024-03-31T23:59:59.999"), { entityId: "before" });
    await insertEntry(beijing("2024-04-01T00:00:00"), { entityId: "first" });
    await insertEntry(beijing("2024-04-30T23:59:59.999"), { entityId: "last" });
    await insertEntry(beijing("2024-05-01T00:00:00"), { entityId: "after" });
    const april = await listAudit(db.prisma, actors.admin, { from: "2024-04-01", to: "2024-04-30" });
    expect(april.entries.map((e) => e.entityId)).toEqual(["last", "first"]);
    expect((await listAudit(db.prisma, actors.admin, { from: "2024-04-30", to: "2024-04-30" })).entries.map((e) => e.entityId)).toEqual(["last"]);
    expect((await listAudit(db.prisma, actors.admin, { to: "2024-03-31" })).entries.map((e) => e.entityId)).toEqual(["before"]);
    const fromMay = await listAudit(db.prisma, actors.admin, { from: "2024-05-01" });
    expect(fromMay.entries.some((e) => e.entityId === "after")).toBe(true);
    expect(fromMay.entries.some((e) => ["before", "first", "last"].includes(e.entityId))).toBe(false);
  });

  it("refuses bad filters next to the field", async () => {
    expect(await refusal(listAudit(db.prisma, actors.admin, { from: "2024-05-01", to: "2024-04-30" }))).toEqual({ code: "INVALID", paths: ["to"] });
    expect(await refusal(listAudit(db.prisma, actors.admin, { from: "2024-02-30" }))).toEqual({ code: "INVALID", paths: ["from"] });
    expect(await refusal(listAudit(db.prisma, actors.admin, { actorId: "somebody" }))).toMatchObject({ code: "INVALID", paths: ["actorId"] });
    expect(await refusal(listAudit(db.prisma, actors.admin, { sheetId: 999_999 }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("filters by a sheet only where the actor may read it", async () => {
    const department = await db.prisma.department.create({ data: { name: "另一个部门" } });
    const unit = await db.prisma.budgetUnit.create({ data: { departmentId: department.id, name: "另一个单位" } });
    const year = await db.prisma.fiscalYear.findFirstOrThrow();
    const other = await db.prisma.targetSheet.create({
      data: {
        kind: "PROJECT",
        unitId: unit.id,
        fiscalYearId: year.id,
        name: "别部门的项目",
        lead: "某人",
        fundsTotal: "1",
        fundsFiscal: "1",
        fundsOther: "0",
        goal: "",
        position: 99,
      },
    });
    expect(await refusal(listAudit(db.prisma, actors.manager, { sheetId: other.id }))).toEqual({ code: "FORBIDDEN", paths: [] });
    expect((await listAudit(db.prisma, actors.admin, { sheetId: other.id })).total).toBe(0);
    expect((await listAuditFilters(db.prisma, actors.manager)).sheets.map((s) => s.name)).not.toContain("别部门的项目");
    expect((await listAuditFilters(db.prisma, actors.admin)).sheets.map((s) => s.name)).toContain("别部门的项目");
  });

  it("pages 50 at a time, newest first, back and forth", async () => {
    const day = (i: number) => new Date(`2023-01-01T08:00:${String(i % 60).padStart(2, "0")}.${String(i).padStart(3, "0")}+08:00`);
    for (let i = 0; i < 120; i += 1) await insertEntry(day(i), { entityId: String(i) });
    const filter = { from: "2023-01-01", to: "2023-01-01" };
    const first = await listAudit(db.prisma, actors.admin, filter);
    expect(first.total).toBe(120);
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0]!.entityId).toBe("119");
    expect(first.newer).toBeNull();
    const second = await listAudit(db.prisma, actors.admin, { ...filter, before: first.older! });
    expect(second.entries.map((e) => e.entityId)).toEqual(Array.from({ length: 50 }, (_, i) => String(69 - i)));
    const third = await listAudit(db.prisma, actors.admin, { ...filter, before: second.older! });
    expect(third.entries.map((e) => e.entityId)).toEqual(Array.from({ length: 20 }, (_, i) => String(19 - i)));
    expect(third.older).toBeNull();
    const backToSecond = await listAudit(db.prisma, actors.admin, { ...filter, after: third.newer! });
    expect(backToSecond.entries.map((e) => e.id)).toEqual(second.entries.map((e) => e.id));
    const backToFirst = await listAudit(db.prisma, actors.admin, { ...filter, after: backToSecond.newer! });
    expect(backToFirst.entries.map((e) => e.id)).toEqual(first.entries.map((e) => e.id));
    expect(backToFirst.newer).toBeNull();
  });
});

describe("valueHistory", () => {
  it("lists the entries of one user oldest first, to those who may read the audit log", async () => {
    const user = await createUser(db.prisma, actors.admin, { username: "history", displayName: "历史甲", password: "Passw0rd-test", role: "LEAD" });
    await updateUser(db.prisma, actors.admin, { id: user.id, displayName: "历史乙" });
    await resetPassword(db.prisma, actors.admin, { id: user.id, password: "Passw0rd-new1", confirm: "Passw0rd-new1" });
    await updateUser(db.prisma, actors.admin, { id: user.id, active: false });
    const history = await valueHistory(db.prisma, actors.admin, { entityType: "User", entityId: user.id });
    expect(history.entries.map((e) => e.action)).toEqual(["user.create", "user.update", "user.password.reset", "user.update"]);
    expect(history.entries.map((e) => (e.after as { displayName?: string }).displayName ?? null)).toEqual(["历史甲", "历史乙", null, "历史乙"]);
    expect(history.sheetId).toBeNull();
    // A lead belongs to no department: their administration is for admins only.
    for (const who of ["manager", "lead", "lead2", "evaluator"] as const) {
      expect(await refusal(valueHistory(db.prisma, actors[who], { entityType: "User", entityId: user.id }))).toEqual({ code: "FORBIDDEN", paths: [] });
    }
  });

  it("orders by time, not by insertion", async () => {
    await insertEntry(new Date(2022, 5, 2), { entityType: "Ordering", entityId: "7", action: "second" });
    await insertEntry(new Date(2022, 5, 1), { entityType: "Ordering", entityId: "7", action: "first" });
    await insertEntry(new Date(2022, 5, 3), { entityType: "Ordering", entityId: "7", action: "third" });
    const history = await valueHistory(db.prisma, actors.admin, { entityType: "Ordering", entityId: "7" });
    expect(history.entries.map((e) => e.action)).toEqual(["first", "second", "third"]);
  });

  it("shows the history of a row of a sheet to whoever may read the sheet, even once the row is gone", async () => {
    const sheetId = sheetOf(LIANGQU);
    const expert = await createUser(db.prisma, actors.admin, { username: "expert2", displayName: "专家乙", password: "Passw0rd-test", role: "EVALUATOR" });
    await assign(db.prisma, actors.admin, { sheetId, userId: expert.id, role: "EVALUATOR" });
    const row = await db.prisma.sheetAssignment.findFirstOrThrow({ where: { sheetId, userId: expert.id } });
    await unassign(db.prisma, actors.admin, { sheetId, userId: expert.id, role: "EVALUATOR" });

    for (const who of ["admin", "manager", "lead", "evaluator"] as const) {
      const history = await valueHistory(db.prisma, actors[who], { entityType: "SheetAssignment", entityId: String(row.id) });
      expect(history.entries.map((e) => e.action)).toEqual(["assignment.create", "assignment.delete"]);
      expect(history.sheetId).toBe(sheetId);
      expect(history.entries[0]!.sheet).toEqual({ id: sheetId, name: LIANGQU, year: 2025 });
    }
    expect(await refusal(valueHistory(db.prisma, actors.lead2, { entityType: "SheetAssignment", entityId: row.id }))).toEqual({ code: "FORBIDDEN", paths: [] });

    // The sheet's own history: its import.
    const sheetHistory = await valueHistory(db.prisma, actors.lead, { entityType: "TargetSheet", entityId: sheetId });
    expect(sheetHistory.entries.map((e) => e.action)).toEqual(["sheet.import"]);
    // A row of a sheet that never existed.
    expect(await refusal(valueHistory(db.prisma, actors.admin, { entityType: "ProgressEntry", entityId: "999999" }))).toEqual({ code: "NOT_FOUND", paths: [] });
    expect(await refusal(valueHistory(db.prisma, actors.admin, { entityType: "drop table", entityId: "1" }))).toMatchObject({ code: "INVALID" });
  });
});

describe("what a manager may read", () => {
  /** Department 乙 with a sheet, its manager, and entries about both; a lead (of no department); entries of 甲. */
  const setUp = async () => {
    const { department, sheetB } = await otherDepartmentSheet(db.prisma);
    const managerB = await createUser(db.prisma, actors.admin, {
      username: "managerb",
      displayName: "乙科长",
      password: "Passw0rd-test",
      role: "MANAGER",
      department: "乙部门",
    });
    await resetPassword(db.prisma, actors.admin, { id: managerB.id, password: "Passw0rd-new1", confirm: "Passw0rd-new1" });
    await assign(db.prisma, actors.admin, { sheetId: sheetB.id, userId: actors.lead.id, role: "LEAD" });
    const leadC = await createUser(db.prisma, actors.admin, { username: "leadc", displayName: "丙先生", password: "Passw0rd-test", role: "LEAD" });
    // Department 甲 (the seed's, the demo manager's): an entry of its sheet, and one of its users.
    await assign(db.prisma, actors.admin, { sheetId: sheetOf(LIANGQU), userId: actors.lead2.id, role: "LEAD" });
    const departmentA = await db.prisma.department.findUniqueOrThrow({ where: { id: actors.manager.departmentId! } });
    const managerA2 = await createUser(db.prisma, actors.admin, {
      username: "managera2",
      displayName: "甲副科长",
      password: "Passw0rd-test",
      role: "MANAGER",
      department: departmentA.name,
    });
    const asManagerB: Actor = { kind: "user", id: managerB.id, role: "MANAGER", departmentId: department.id, displayName: managerB.displayName };
    return { sheetB, managerB, leadC, managerA2, asManagerB };
  };
  let world: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    world = await setUp();
  });

  type Entries = Awaited<ReturnType<typeof listAudit>>["entries"];
  const entriesOf = async (actor: Actor) => (await listAudit(db.prisma, actor, { pageSize: 200 })).entries;
  const aboutSheet = (entries: Entries, sheetId: number) => entries.some((e) => e.sheet?.id === sheetId);
  const aboutUser = (entries: Entries, userId: number) => entries.some((e) => e.entityType === "User" && e.entityId === String(userId));

  it("shows a manager only the entries of their department: its sheets and its users; the admin all", async () => {
    const { sheetB, managerB, leadC, managerA2, asManagerB } = world;
    const [mine, theirs, all] = await Promise.all([entriesOf(actors.manager), entriesOf(asManagerB), entriesOf(actors.admin)]);

    // 甲's manager: 甲's sheets and 甲's new manager; nothing of 乙, nor the lead's creation.
    expect(aboutSheet(mine, sheetOf(LIANGQU))).toBe(true);
    expect(aboutUser(mine, managerA2.id)).toBe(true);
    expect(aboutSheet(mine, sheetB.id)).toBe(false);
    expect(aboutUser(mine, managerB.id)).toBe(false);
    expect(aboutUser(mine, leadC.id)).toBe(false);
    // 乙's manager: the mirror image, including the reset of their own password (whose JSON names no department).
    expect(aboutSheet(theirs, sheetB.id)).toBe(true);
    expect(theirs.filter((e) => e.entityType === "User" && e.entityId === String(managerB.id)).map((e) => e.action)).toEqual([
      "user.password.reset",
      "user.create",
    ]);
    expect(aboutSheet(theirs, sheetOf(LIANGQU))).toBe(false);
    expect(aboutUser(theirs, managerA2.id)).toBe(false);
    expect(aboutUser(theirs, leadC.id)).toBe(false);
    expect(theirs.some((e) => e.action === "sheet.import")).toBe(false); // the seed's sheets are 甲's
    expect(theirs).toHaveLength(3);
    // The admin: all of it.
    for (const sheetId of [sheetB.id, sheetOf(LIANGQU)]) expect(aboutSheet(all, sheetId)).toBe(true);
    for (const userId of [managerB.id, managerA2.id, leadC.id]) expect(aboutUser(all, userId)).toBe(true);
    // The totals are of what each may read.
    const total = async (actor: Actor) => (await listAudit(db.prisma, actor, { pageSize: 1 })).total;
    expect(await total(asManagerB)).toBe(3);
    expect((await total(actors.manager)) + (await total(asManagerB))).toBeLessThan(await total(actors.admin));
  });

  it("refuses a manager the sheet filter on another department's sheet, and filters their own by the column", async () => {
    const { sheetB, asManagerB } = world;
    expect(await refusal(listAudit(db.prisma, actors.manager, { sheetId: sheetB.id }))).toEqual({ code: "FORBIDDEN", paths: [] });
    const page = await listAudit(db.prisma, asManagerB, { sheetId: sheetB.id });
    expect(page.entries.map((e) => [e.action, e.sheet?.id])).toEqual([["assignment.create", sheetB.id]]);
    expect((await listAudit(db.prisma, actors.admin, { sheetId: sheetB.id })).total).toBe(1);
  });

  it("offers a manager only the sheets and the actors of what they may read", async () => {
    const mine = await listAuditFilters(db.prisma, actors.manager);
    expect(mine.users.map((u) => u.username)).toContain("admin");
    expect(mine.users.map((u) => u.username)).not.toContain("managerb");
    expect(mine.sheets.map((s) => s.name)).not.toContain("乙部门的项目");
    const theirs = await listAuditFilters(db.prisma, world.asManagerB);
    expect(theirs.sheets.map((s) => s.name)).toEqual(["乙部门的项目"]);
    expect(theirs.users.map((u) => u.username)).toEqual(["admin"]);
    expect((await listAuditFilters(db.prisma, actors.admin)).users.map((u) => u.username)).toEqual(expect.arrayContaining(["managerb", "leadc", "manager"]));
  });

  it("shows a user's history to the manager of the user's department only", async () => {
    const { managerB, leadC, managerA2, asManagerB } = world;
    expect((await valueHistory(db.prisma, actors.manager, { entityType: "User", entityId: managerA2.id })).entries.map((e) => e.action)).toEqual([
      "user.create",
    ]);
    expect(await refusal(valueHistory(db.prisma, actors.manager, { entityType: "User", entityId: managerB.id }))).toEqual({ code: "FORBIDDEN", paths: [] });
    expect(await refusal(valueHistory(db.prisma, actors.manager, { entityType: "User", entityId: leadC.id }))).toEqual({ code: "FORBIDDEN", paths: [] });
    expect((await valueHistory(db.prisma, asManagerB, { entityType: "User", entityId: managerB.id })).entries.map((e) => e.action)).toEqual([
      "user.create",
      "user.password.reset",
    ]);
    expect((await valueHistory(db.prisma, actors.admin, { entityType: "User", entityId: leadC.id })).entries.map((e) => e.action)).toEqual(["user.create"]);
  });
});
