import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditMark, expectRefused } from "@/lib/testing/audit";
import type { Database } from "@/lib/db/open";
import type { DemoActor, DemoUsername } from "@/lib/testing/demo-actors";
import { SEED_SHEET_NAMES, seededTestDatabase, sheetIdsByName } from "@/lib/testing/factory";
import { getSheet } from "@/lib/sheets/get-sheet";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { assign } from "./assign";
import { listAssignments } from "./list-assignments";
import { unassign } from "./unassign";

let db: Database;
let actors: Record<DemoUsername, DemoActor>;
let sheetOf: (name: string) => number;
const NOT_ADMIN: DemoUsername[] = ["manager", "lead", "lead2", "evaluator"];
const LIANGQU = SEED_SHEET_NAMES.liangqu; // led by 冯先生 (lead)
const KEPU = SEED_SHEET_NAMES.kepu; // led by 范先生 (lead2)

beforeAll(async () => {
  ({ db, actors } = await seededTestDatabase());
  sheetOf = await sheetIdsByName(db.prisma);
});
afterAll(async () => {
  await db.close();
});

const assignmentsOf = (sheetId: number) =>
  db.prisma.sheetAssignment.findMany({ where: { sheetId }, orderBy: { id: "asc" }, select: { userId: true, role: true } });

describe("listAssignments", () => {
  it("shows per sheet of the newest year who leads and who evaluates it, and who may be assigned", async () => {
    const overview = await listAssignments(db.prisma, actors.admin);
    expect(overview.year).toBe(2025);
    expect(overview.years).toEqual([2025]);
    expect(overview.sheets).toHaveLength(14);
    expect(overview.sheets[0]!.kind).toBe("DEPARTMENT");
    const liangqu = overview.sheets.find((s) => s.name === LIANGQU)!;
    expect(liangqu.lead).toBe("冯先生");
    expect(liangqu.leads.map((u) => u.username)).toEqual(["lead"]);
    expect(liangqu.evaluators.map((u) => u.username)).toEqual(["evaluator"]);
    expect(overview.sheets.filter((s) => s.leads.some((u) => u.username === "lead2"))).toHaveLength(5);
    expect(overview.sheets.every((s) => s.evaluators.length === 1)).toBe(true);
    expect(overview.candidates.LEAD.map((u) => u.username)).toEqual(["lead", "lead2"]);
    expect(overview.candidates.EVALUATOR.map((u) => u.username)).toEqual(["evaluator"]);
  });

  it("shows an empty year", async () => {
    const overview = await listAssignments(db.prisma, actors.admin, { year: "2024" });
    expect(overview).toMatchObject({ year: 2024, years: [2025], sheets: [] });
  });

  it.each(NOT_ADMIN)("refuses %s", async (who) => {
    await expectRefused(db.prisma, () => listAssignments(db.prisma, actors[who]), "FORBIDDEN");
  });
});

describe("assign and unassign", () => {
  it("assigns a second lead, who may then open the sheet; one audit entry with the sheet's id", async () => {
    const sheetId = sheetOf(KEPU);
    await expect(getSheet(db.prisma, actors.lead, sheetId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const entries = await auditMark(db.prisma);
    const result = await assign(db.prisma, actors.admin, { sheetId: String(sheetId), userId: String(actors.lead.id), role: "LEAD" });
    expect(result).toEqual({ changed: true, message: `已将「冯先生」分配为「${KEPU}」的项目负责人` });
    const [entry, ...more] = await entries();
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ action: "assignment.create", entityType: "SheetAssignment", actorId: actors.admin.id, before: null });
    expect(entry!.after).toMatchObject({ sheetId, sheet: KEPU, userId: actors.lead.id, user: "冯先生", role: "LEAD" });
    expect((await getSheet(db.prisma, actors.lead, sheetId)).name).toBe(KEPU);
    expect(await assignmentsOf(sheetId)).toContainEqual({ userId: actors.lead.id, role: "LEAD" });

    // Again: nothing changes, nothing is recorded, and the message says why.
    const again = await auditMark(db.prisma);
    expect(await assign(db.prisma, actors.admin, { sheetId, userId: actors.lead.id, role: "LEAD" })).toEqual({
      changed: false,
      message: `「冯先生」已是「${KEPU}」的项目负责人，无需重复分配`,
    });
    expect(await again()).toHaveLength(0);
  });

  it("unassigns with one audit entry holding the assignment before; unassigning again changes nothing", async () => {
    const sheetId = sheetOf(KEPU);
    await assign(db.prisma, actors.admin, { sheetId, userId: actors.lead.id, role: "LEAD" });
    const entries = await auditMark(db.prisma);
    const result = await unassign(db.prisma, actors.admin, { sheetId, userId: actors.lead.id, role: "LEAD" });
    expect(result.changed).toBe(true);
    const [entry, ...more] = await entries();
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ action: "assignment.delete", entityType: "SheetAssignment", actorId: actors.admin.id, after: null });
    expect(entry!.before).toMatchObject({ sheetId, userId: actors.lead.id, role: "LEAD", sheet: KEPU, user: "冯先生" });
    await expect(getSheet(db.prisma, actors.lead, sheetId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // lead2 still leads it.
    expect(await assignmentsOf(sheetId)).toEqual(expect.arrayContaining([{ userId: actors.lead2.id, role: "LEAD" }]));

    const again = await auditMark(db.prisma);
    expect(await unassign(db.prisma, actors.admin, { sheetId, userId: actors.lead.id, role: "LEAD" })).toEqual({
      changed: false,
      message: `「冯先生」不是「${KEPU}」的项目负责人，无需移除`,
    });
    expect(await again()).toHaveLength(0);
  });

  it("needs a user whose role matches the duty, and an active one", async () => {
    const sheetId = sheetOf(LIANGQU);
    const error = await expectRefused(
      db.prisma,
      () => assign(db.prisma, actors.admin, { sheetId, userId: actors.evaluator.id, role: "LEAD" }),
      "INVALID",
      "userId",
    );
    expect(error.message).toBe("「评价专家」的角色是评价人，不能分配为项目负责人");
    await expectRefused(db.prisma, () => assign(db.prisma, actors.admin, { sheetId, userId: actors.lead2.id, role: "EVALUATOR" }), "INVALID", "userId");
    await expectRefused(db.prisma, () => assign(db.prisma, actors.admin, { sheetId, userId: actors.manager.id, role: "LEAD" }), "INVALID", "userId");

    const retired = await createUser(db.prisma, actors.admin, { username: "retired", displayName: "退休评价人", password: "Passw0rd-test", role: "EVALUATOR" });
    await updateUser(db.prisma, actors.admin, { id: retired.id, active: false });
    await expectRefused(db.prisma, () => assign(db.prisma, actors.admin, { sheetId, userId: retired.id, role: "EVALUATOR" }), "INVALID", "userId");
    expect((await listAssignments(db.prisma, actors.admin)).candidates.EVALUATOR.map((u) => u.username)).toEqual(["evaluator"]);
  });

  it("answers NOT_FOUND for an unknown sheet or user, INVALID for a malformed duty", async () => {
    await expectRefused(db.prisma, () => assign(db.prisma, actors.admin, { sheetId: 999_999, userId: actors.lead.id, role: "LEAD" }), "NOT_FOUND");
    await expectRefused(db.prisma, () => assign(db.prisma, actors.admin, { sheetId: sheetOf(LIANGQU), userId: 999_999, role: "LEAD" }), "NOT_FOUND");
    await expectRefused(db.prisma, () => unassign(db.prisma, actors.admin, { sheetId: 999_999, userId: actors.lead.id, role: "LEAD" }), "NOT_FOUND");
    await expectRefused(
      db.prisma,
      () => assign(db.prisma, actors.admin, { sheetId: sheetOf(LIANGQU), userId: actors.lead.id, role: "MANAGER" as "LEAD" }),
      "INVALID",
      "role",
    );
    await expectRefused(db.prisma, () => assign(db.prisma, actors.admin, { sheetId: "abc", userId: actors.lead.id, role: "LEAD" }), "INVALID", "sheetId");
  });

  it.each(NOT_ADMIN)("refuses %s", async (who) => {
    const sheetId = sheetOf(LIANGQU);
    await expectRefused(db.prisma, () => assign(db.prisma, actors[who], { sheetId, userId: actors.lead2.id, role: "LEAD" }), "FORBIDDEN");
    await expectRefused(db.prisma, () => unassign(db.prisma, actors[who], { sheetId, userId: actors.lead.id, role: "LEAD" }), "FORBIDDEN");
    expect(await assignmentsOf(sheetId)).toEqual([
      { userId: actors.lead.id, role: "LEAD" },
      { userId: actors.evaluator.id, role: "EVALUATOR" },
    ]);
  });
});

describe("a duplicate written at the same moment", () => {
  it("is recognised by its error code (the race assign answers as 'already assigned')", async () => {
    const { isUniqueViolation } = await import("@/lib/db/errors");
    const error = await db.prisma.sheetAssignment.create({ data: { sheetId: sheetOf(LIANGQU), userId: actors.lead.id, role: "LEAD" } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error("duplicate key value violates unique constraint"))).toBe(false);
  });
});
