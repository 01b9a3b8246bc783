import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { auditMark, expectRefused } from "@/lib/testing/audit";
import type { Database } from "@/lib/db/open";
import type { DemoActor, DemoUsername } from "@/lib/testing/demo-actors";
import { seededTestDatabase } from "@/lib/testing/factory";
import { createUser } from "./create-user";
import { getUser } from "./get-user";
import { listUsers } from "./list-users";
import { resetPassword } from "./reset-password";
import { updateUser } from "./update-user";
import { signIn } from "./sign-in";

let db: Database;
let actors: Record<DemoUsername, DemoActor>;
const NOT_ADMIN: DemoUsername[] = ["manager", "lead", "lead2", "evaluator"];
const DEPARTMENT = "乌鲁木齐市科学技术局";

beforeAll(async () => {
  ({ db, actors } = await seededTestDatabase());
});
afterAll(async () => {
  await db.close();
});

/** The actor a sign-in gives, or null when refused. */
const signedIn = async (username: string, password: string) => {
  const result = await signIn(db.prisma, { username, password, address: "192.0.2.10" });
  return result.ok ? result.actor : null;
};

let counter = 0;
const newUser = (role: "ADMIN" | "MANAGER" | "LEAD" | "EVALUATOR", extra: { department?: string } = {}) =>
  createUser(db.prisma, actors.admin, { username: `user${++counter}`, displayName: `测试用户${counter}`, password: "Passw0rd-test", role, ...extra });

describe("listUsers", () => {
  it("lists every user with role, department, active flag and assignment counts, for admins", async () => {
    const { users, departments } = await listUsers(db.prisma, actors.admin);
    const demo = users.filter((u) => ["admin", "manager", "lead", "lead2", "evaluator"].includes(u.username));
    expect(demo.map((u) => [u.username, u.role, u.department, u.active, u.leadSheets, u.evaluatorSheets]).sort()).toEqual(
      [
        ["admin", "ADMIN", null, true, 0, 0],
        ["evaluator", "EVALUATOR", null, true, 0, 14],
        ["lead", "LEAD", null, true, 2, 0],
        ["lead2", "LEAD", null, true, 5, 0],
        ["manager", "MANAGER", DEPARTMENT, true, 0, 0],
      ].sort(),
    );
    expect(departments.map((d) => d.name)).toEqual([DEPARTMENT]);
    expect(JSON.stringify(users)).not.toContain("argon2");
  });

  it.each(NOT_ADMIN)("refuses %s", async (who) => {
    await expectRefused(db.prisma, () => listUsers(db.prisma, actors[who]), "FORBIDDEN");
  });
});

describe("getUser", () => {
  it("shows a user and the sheets they lead, for admins", async () => {
    const { user, assignments, departments } = await getUser(db.prisma, actors.admin, { id: String(actors.lead.id) });
    expect(user.username).toBe("lead");
    expect(assignments.map((a) => [a.year, a.role, a.sheet])).toEqual([
      [2025, "LEAD", "2025年“两区”创新建设专项"],
      [2025, "LEAD", "落实2023年厅地联动市级配套专项资金"],
    ]);
    expect(departments).toHaveLength(1);
  });

  it("answers NOT_FOUND for an unknown user and FORBIDDEN to everybody else", async () => {
    await expectRefused(db.prisma, () => getUser(db.prisma, actors.admin, { id: 999_999 }), "NOT_FOUND");
    for (const who of NOT_ADMIN) await expectRefused(db.prisma, () => getUser(db.prisma, actors[who], { id: actors.lead.id }), "FORBIDDEN");
  });
});

describe("createUser", () => {
  it("creates a user who can sign in, with one audit entry holding no password", async () => {
    const entries = await auditMark(db.prisma);
    const user = await createUser(db.prisma, actors.admin, {
      username: "  zhangsan ",
      displayName: " 张三 ",
      password: "Zhangsan-2025",
      role: "MANAGER",
      department: DEPARTMENT,
    });
    expect(user).toMatchObject({ username: "zhangsan", displayName: "张三", role: "MANAGER", department: DEPARTMENT, active: true });
    const [entry, ...more] = await entries();
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ action: "user.create", entityType: "User", entityId: String(user.id), actorId: actors.admin.id, before: null });
    expect(entry!.after).toEqual(user);
    expect(JSON.stringify(entry!.after)).not.toMatch(/password|argon2/i);
    expect(await signedIn("zhangsan", "Zhangsan-2025")).toMatchObject({ id: user.id, role: "MANAGER" });
  });

  it("refuses a taken username, a weak password and an unknown department, next to the field", async () => {
    await expectRefused(
      db.prisma,
      () => createUser(db.prisma, actors.admin, { username: "lead", displayName: "x", password: "Passw0rd-test", role: "LEAD" }),
      "CONFLICT",
      "username",
    );
    await expectRefused(
      db.prisma,
      () => createUser(db.prisma, actors.admin, { username: "weak1", displayName: "x", password: "short1", role: "LEAD" }),
      "INVALID",
      "password",
    );
    await expectRefused(
      db.prisma,
      () =>
        createUser(db.prisma, actors.admin, { username: "nodept", displayName: "x", password: "Passw0rd-test", role: "MANAGER", department: "没有这个部门" }),
      "NOT_FOUND",
      "department",
    );
  });

  it.each(NOT_ADMIN)("refuses %s", async (who) => {
    await expectRefused(
      db.prisma,
      () => createUser(db.prisma, actors[who], { username: `by${who}`, displayName: "x", password: "Passw0rd-test", role: "LEAD" }),
      "FORBIDDEN",
    );
  });
});

describe("updateUser", () => {
  it("changes name, role and department with one audit entry holding the user before and after", async () => {
    const user = await newUser("LEAD");
    const entries = await auditMark(db.prisma);
    const result = await updateUser(db.prisma, actors.admin, { id: user.id, displayName: "新名字", role: "MANAGER", department: DEPARTMENT, active: "true" });
    expect(result.changed).toBe(true);
    expect(result.user).toMatchObject({ displayName: "新名字", role: "MANAGER", department: DEPARTMENT, active: true });
    const [entry, ...more] = await entries();
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ action: "user.update", entityType: "User", entityId: String(user.id), actorId: actors.admin.id });
    expect(entry!.before).toEqual(user);
    expect(entry!.after).toEqual({ ...user, displayName: "新名字", role: "MANAGER", departmentId: result.user.departmentId, department: DEPARTMENT });

    // Clearing the department: "" means none.
    expect((await updateUser(db.prisma, actors.admin, { id: user.id, department: "" })).user.department).toBeNull();
  });

  it("writes nothing when nothing changes", async () => {
    const user = await newUser("EVALUATOR");
    const entries = await auditMark(db.prisma);
    const result = await updateUser(db.prisma, actors.admin, { id: user.id, displayName: user.displayName, role: "EVALUATOR", department: "", active: true });
    expect(result.changed).toBe(false);
    expect(await entries()).toHaveLength(0);
  });

  it("deactivates a user, who then cannot sign in, and reactivates them", async () => {
    const user = await newUser("LEAD");
    expect(await signedIn(user.username, "Passw0rd-test")).not.toBeNull();
    const entries = await auditMark(db.prisma);
    await updateUser(db.prisma, actors.admin, { id: user.id, active: "false" });
    const [entry] = await entries();
    expect(entry).toMatchObject({ before: { active: true }, after: { active: false } });
    expect(await signedIn(user.username, "Passw0rd-test")).toBeNull();
    await updateUser(db.prisma, actors.admin, { id: user.id, active: true });
    expect(await signedIn(user.username, "Passw0rd-test")).not.toBeNull();
  });

  it("does not let an admin deactivate or demote themself", async () => {
    await expectRefused(db.prisma, () => updateUser(db.prisma, actors.admin, { id: actors.admin.id, active: false }), "INVALID", "active");
    await expectRefused(db.prisma, () => updateUser(db.prisma, actors.admin, { id: actors.admin.id, role: "MANAGER" }), "INVALID", "role");
    expect(await signedIn("admin", "Admin@2025demo")).toMatchObject({ role: "ADMIN" });
    // Their own name they may change.
    expect((await updateUser(db.prisma, actors.admin, { id: actors.admin.id, displayName: "管理员甲" })).changed).toBe(true);
  });

  it("lets an admin deactivate another admin, but never the last active one", async () => {
    const other = await newUser("ADMIN");
    expect((await updateUser(db.prisma, actors.admin, { id: other.id, active: false })).user.active).toBe(false);
    // The system (CLI) answers to no role, but the product must keep one active admin.
    await expectRefused(db.prisma, () => updateUser(db.prisma, SYSTEM, { id: actors.admin.id, role: "LEAD" }), "CONFLICT", "role");
    await expectRefused(db.prisma, () => updateUser(db.prisma, SYSTEM, { id: actors.admin.id, active: false }), "CONFLICT", "active");
  });

  it("refuses a role change while the user still holds assignments of the old role", async () => {
    const error = await expectRefused(db.prisma, () => updateUser(db.prisma, actors.admin, { id: actors.lead.id, role: "EVALUATOR" }), "CONFLICT", "role");
    expect(error.message).toContain("2 张绩效目标表的项目负责人");
  });

  it("refuses an unknown department, an empty name and an unknown user", async () => {
    await expectRefused(db.prisma, () => updateUser(db.prisma, actors.admin, { id: actors.manager.id, department: "没有这个部门" }), "INVALID", "department");
    await expectRefused(db.prisma, () => updateUser(db.prisma, actors.admin, { id: actors.manager.id, displayName: "  " }), "INVALID", "displayName");
    await expectRefused(db.prisma, () => updateUser(db.prisma, actors.admin, { id: 999_999, displayName: "x" }), "NOT_FOUND");
  });

  it.each(NOT_ADMIN)("refuses %s, even on their own account", async (who) => {
    await expectRefused(db.prisma, () => updateUser(db.prisma, actors[who], { id: actors[who].id, displayName: "改名" }), "FORBIDDEN");
    await expectRefused(db.prisma, () => updateUser(db.prisma, actors[who], { id: actors.lead2.id, active: false }), "FORBIDDEN");
  });
});

describe("resetPassword", () => {
  it("sets a new password: the old one stops working; one audit entry that reveals neither", async () => {
    const user = await newUser("EVALUATOR");
    const entries = await auditMark(db.prisma);
    await resetPassword(db.prisma, actors.admin, { id: String(user.id), password: "Brand-new-2025", confirm: "Brand-new-2025" });
    const [entry, ...more] = await entries();
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ action: "user.password.reset", entityType: "User", entityId: String(user.id), actorId: actors.admin.id });
    expect(entry!.before).not.toBeNull();
    expect(entry!.after).not.toBeNull();
    expect(JSON.stringify([entry!.before, entry!.after])).not.toMatch(/Brand-new|Passw0rd|argon2/);
    expect(await signedIn(user.username, "Passw0rd-test")).toBeNull();
    expect(await signedIn(user.username, "Brand-new-2025")).toMatchObject({ id: user.id });
  });

  it("applies the password rules and wants it typed twice alike", async () => {
    await expectRefused(
      db.prisma,
      () => resetPassword(db.prisma, actors.admin, { id: actors.lead.id, password: "abc", confirm: "abc" }),
      "INVALID",
      "password",
    );
    await expectRefused(
      db.prisma,
      () => resetPassword(db.prisma, actors.admin, { id: actors.lead.id, password: "onlyletters-long", confirm: "onlyletters-long" }),
      "INVALID",
      "password",
    );
    await expectRefused(
      db.prisma,
      () => resetPassword(db.prisma, actors.admin, { id: actors.lead.id, password: "Passw0rd-test", confirm: "Passw0rd-tset" }),
      "INVALID",
      "confirm",
    );
    await expectRefused(
      db.prisma,
      () => resetPassword(db.prisma, actors.admin, { id: 999_999, password: "Passw0rd-test", confirm: "Passw0rd-test" }),
      "NOT_FOUND",
    );
    expect(await signedIn("lead", "Lead@2025demo")).not.toBeNull();
  });

  it.each(NOT_ADMIN)("refuses %s", async (who) => {
    await expectRefused(
      db.prisma,
      () => resetPassword(db.prisma, actors[who], { id: actors[who].id, password: "Passw0rd-test", confirm: "Passw0rd-test" }),
      "FORBIDDEN",
    );
  });
});
