import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditMark, expectRefused } from "@/lib/testing/audit";
import { SYSTEM } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import type { DemoActor, DemoUsername } from "@/lib/testing/demo-actors";
import { seededTestDatabase } from "@/lib/testing/factory";
import { changeOwnPassword } from "./change-own-password";
import { createUser } from "./create-user";
import { resetPassword } from "./reset-password";
import { LOCK_MINUTES, MAX_FAILED_LOGINS, signIn } from "./sign-in";
import { updateUser } from "./update-user";

let db: Database;
let actors: Record<DemoUsername, DemoActor>;

beforeAll(async () => {
  ({ db, actors } = await seededTestDatabase());
});
afterAll(async () => {
  await db.close();
});

const PASSWORD = "Passw0rd-test";
let counter = 0;
const newLead = async () => {
  const user = await createUser(db.prisma, actors.admin, { username: `signin${++counter}`, displayName: `测试${counter}`, password: PASSWORD, role: "LEAD" });
  return { ...user, actor: { kind: "user" as const, id: user.id, role: user.role, departmentId: null, displayName: user.displayName } };
};
const sessionVersion = async (id: number) => (await db.prisma.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;
const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

describe("signIn", () => {
  it("answers the actor and the session version it signs in under", async () => {
    const user = await newLead();
    expect(await signIn(db.prisma, ` ${user.username} `, PASSWORD)).toEqual({ ok: true, actor: user.actor, sessionVersion: 0 });
  });

  it("gives one answer for an unknown user, a wrong password and an inactive account", async () => {
    const user = await newLead();
    await updateUser(db.prisma, actors.admin, { id: user.id, active: false });
    expect(await signIn(db.prisma, "nobody-here", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(db.prisma, "lead", "wrong-password-1")).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(db.prisma, user.username, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks an account for ${LOCK_MINUTES} minutes at the ${MAX_FAILED_LOGINS}th wrong password in a row, audited once`, async () => {
    const user = await newLead();
    const now = new Date("2025-07-01T02:00:00Z");
    const entries = await auditMark(db.prisma);
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) expect(await signIn(db.prisma, user.username, `wrong-${i}`, now)).toEqual({ ok: false, reason: "invalid" });
    const until = minutes(now, LOCK_MINUTES);
    expect(await signIn(db.prisma, user.username, "wrong-last", now)).toEqual({ ok: false, reason: "locked", until });
    // The right password does not open a locked account, until the lock runs out.
    expect(await signIn(db.prisma, user.username, PASSWORD, minutes(now, LOCK_MINUTES - 1))).toEqual({ ok: false, reason: "locked", until });
    expect(await signIn(db.prisma, user.username, PASSWORD, minutes(now, LOCK_MINUTES + 1))).toMatchObject({ ok: true });
    const [entry, ...more] = await entries();
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ action: "user.lock", entityType: "User", entityId: String(user.id), actorId: null });
    expect(entry!.after).toEqual({ id: user.id, username: user.username, failedLogins: MAX_FAILED_LOGINS, lockedUntil: until.toISOString() });
  });

  it("starts counting afresh after a successful sign-in", async () => {
    const user = await newLead();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) await signIn(db.prisma, user.username, `wrong-${i}`);
    expect(await signIn(db.prisma, user.username, PASSWORD)).toMatchObject({ ok: true });
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) expect(await signIn(db.prisma, user.username, `wrong-${i}`)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(db.prisma, user.username, PASSWORD)).toMatchObject({ ok: true });
  });

  it("counts parallel guesses exactly: no burst gets past the limit", async () => {
    const user = await newLead();
    const answers = await Promise.all(Array.from({ length: MAX_FAILED_LOGINS + 3 }, (_, i) => signIn(db.prisma, user.username, `wrong-${i}`)));
    expect(answers.some((a) => !a.ok && a.reason === "locked")).toBe(true);
    expect(await signIn(db.prisma, user.username, PASSWORD)).toMatchObject({ ok: false, reason: "locked" });
  });

  it("lets an admin's password reset lift a lock and end the user's sessions", async () => {
    const user = await newLead();
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await signIn(db.prisma, user.username, `wrong-${i}`);
    await resetPassword(db.prisma, actors.admin, { id: user.id, password: "Reset-by-admin-1", confirm: "Reset-by-admin-1" });
    expect(await signIn(db.prisma, user.username, "Reset-by-admin-1")).toEqual({ ok: true, actor: user.actor, sessionVersion: 1 });
  });

  it("ends the sessions of a deactivated user for good, but not on other changes", async () => {
    const user = await newLead();
    await updateUser(db.prisma, actors.admin, { id: user.id, displayName: "改个名字" });
    expect(await sessionVersion(user.id)).toBe(0);
    await updateUser(db.prisma, actors.admin, { id: user.id, active: false });
    await updateUser(db.prisma, actors.admin, { id: user.id, active: true });
    expect(await sessionVersion(user.id)).toBe(1);
  });
});

describe("changeOwnPassword", () => {
  it("needs the current password, ends every session of the user, and is audited without the password", async () => {
    const user = await newLead();
    const entries = await auditMark(db.prisma);
    await changeOwnPassword(db.prisma, user.actor, { current: PASSWORD, password: "My-new-pass-2025", confirm: "My-new-pass-2025" });
    expect(await sessionVersion(user.id)).toBe(1);
    expect(await signIn(db.prisma, user.username, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(db.prisma, user.username, "My-new-pass-2025")).toMatchObject({ ok: true, sessionVersion: 1 });
    const [entry, ...more] = await entries();
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ action: "user.password.change", entityType: "User", entityId: String(user.id), actorId: user.id });
    expect(JSON.stringify([entry!.before, entry!.after])).not.toMatch(/My-new-pass|Passw0rd|argon2/);
  });

  it("refuses a wrong current password (counted as a failed sign-in), a weak, unchanged or mistyped new one", async () => {
    const user = await newLead();
    const change =
      (current: string, password: string, confirm = password) =>
      () =>
        changeOwnPassword(db.prisma, user.actor, { current, password, confirm });
    const wrong = await expectRefused(db.prisma, change("not-my-password", "My-new-pass-2025"), "INVALID", "current");
    expect(wrong.message).toBe("当前密码不正确");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedLogins).toBe(1);
    await expectRefused(db.prisma, change(PASSWORD, "short1"), "INVALID", "password");
    await expectRefused(db.prisma, change(PASSWORD, PASSWORD), "INVALID", "password");
    await expectRefused(db.prisma, change(PASSWORD, "My-new-pass-2025", "My-new-pass-2026"), "INVALID", "confirm");
    expect(await sessionVersion(user.id)).toBe(0);
    expect(await signIn(db.prisma, user.username, PASSWORD)).toMatchObject({ ok: true });
  });

  it("is for users only: the system has no password", async () => {
    await expectRefused(
      db.prisma,
      () => changeOwnPassword(db.prisma, SYSTEM, { current: "x", password: "My-new-pass-2025", confirm: "My-new-pass-2025" }),
      "FORBIDDEN",
    );
  });
});
