import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditMark, expectRefused } from "@/lib/testing/audit";
import { refusal } from "@/lib/testing/errors";
import { SYSTEM } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import type { DemoActor, DemoUsername } from "@/lib/testing/demo-actors";
import { seededTestDatabase } from "@/lib/testing/factory";
import { changeOwnPassword } from "./change-own-password";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";
import { verifyPassword } from "./password";
import { resetPassword } from "./reset-password";
import { type SignInOptions, signIn } from "./sign-in";
import { THROTTLE } from "./throttle-policy";
import { unlockUser } from "./unlock-user";
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
const PAIR = THROTTLE.limit.pair;
const ACCOUNT = THROTTLE.limit.account;
const ADDRESS = THROTTLE.limit.address;
const FIRST_LOCK_MINUTES = THROTTLE.firstLockMs / 60_000;

let counter = 0;
const newLead = async () => {
  const user = await createUser(db.prisma, actors.admin, { username: `signin${++counter}`, displayName: `测试${counter}`, password: PASSWORD, role: "LEAD" });
  return { ...user, actor: { kind: "user" as const, id: user.id, role: user.role, departmentId: null, displayName: user.displayName } };
};
/** A fresh client address per call: the tests never share one by accident. */
let addresses = 0;
const newAddress = () => `10.${(++addresses >> 8) & 255}.${addresses & 255}.7`;
const sessionVersion = async (id: number) => (await db.prisma.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;
const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

/** Counts the passwords actually checked: a refused attempt must not reach the hash at all. */
const checks = () => {
  const seen = { count: 0 };
  const verify: SignInOptions["verify"] = (hash, password) => {
    seen.count++;
    return verifyPassword(hash, password);
  };
  return { seen, verify };
};

const attempt = (username: string, password: string, address: string, options: SignInOptions = {}) =>
  signIn(db.prisma, { username, password, address }, options);
const wrongTimes = async (n: number, username: string, address: string | (() => string), now?: Date) => {
  for (let i = 0; i < n; i++) await attempt(username, `wrong-${i}`, typeof address === "string" ? address : address(), { now });
};

describe("signIn", () => {
  it("answers the actor and the session version it signs in under", async () => {
    const user = await newLead();
    expect(await attempt(` ${user.username} `, PASSWORD, newAddress())).toEqual({ ok: true, actor: user.actor, sessionVersion: 0 });
  });

  it("gives one answer for an unknown user, a wrong password, an inactive account and a locked one", async () => {
    const inactive = await newLead();
    await updateUser(db.prisma, actors.admin, { id: inactive.id, active: false });
    const locked = await newLead();
    const address = newAddress();
    await wrongTimes(PAIR, locked.username, address);
    expect(await attempt("nobody-here", PASSWORD, newAddress())).toEqual({ ok: false });
    expect(await attempt("lead", "wrong-password-1", newAddress())).toEqual({ ok: false });
    expect(await attempt(inactive.username, PASSWORD, newAddress())).toEqual({ ok: false });
    expect(await attempt(locked.username, PASSWORD, address)).toEqual({ ok: false });
  });
});

describe("sign-in throttling: a stranger at one address", () => {
  it(`locks out only himself: ${PAIR} wrong passwords lock the account from his address, audited once; the user signs in from hers`, async () => {
    const user = await newLead();
    const stranger = newAddress();
    const now = new Date("2025-07-01T02:00:00Z");
    const entries = await auditMark(db.prisma);
    await wrongTimes(PAIR, user.username, stranger, now);
    const { seen, verify } = checks();
    // The right password from the stranger's address is not even checked, until the lock runs out.
    expect(await attempt(user.username, PASSWORD, stranger, { now: minutes(now, FIRST_LOCK_MINUTES - 1), verify })).toEqual({ ok: false });
    expect(seen.count).toBe(0);
    // The user, elsewhere, is not held.
    expect(await attempt(user.username, PASSWORD, newAddress(), { now: minutes(now, 1), verify })).toMatchObject({ ok: true });
    expect(await attempt(user.username, PASSWORD, stranger, { now: minutes(now, FIRST_LOCK_MINUTES + 1) })).toMatchObject({ ok: true });
    const [entry, ...more] = await entries();
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ action: "user.lock.address", entityType: "User", entityId: String(user.id), actorId: null });
    expect(entry!.after).toEqual({
      id: user.id,
      username: user.username,
      address: stranger,
      failures: PAIR,
      lockCount: 1,
      lockedUntil: minutes(now, FIRST_LOCK_MINUTES).toISOString(),
    });
  });

  it("doubles the lock each time the stranger comes back within a day, then forgets", async () => {
    const user = await newLead();
    const stranger = newAddress();
    let now = new Date("2025-07-02T02:00:00Z");
    const lengths: number[] = [];
    for (let round = 0; round < 3; round++) {
      await wrongTimes(PAIR, user.username, stranger, now);
      const row = await db.prisma.signInThrottle.findUniqueOrThrow({ where: { username_address: { username: user.username, address: stranger } } });
      lengths.push((row.lockedUntil!.getTime() - now.getTime()) / 60_000);
      now = minutes(row.lockedUntil!, 1);
    }
    expect(lengths).toEqual([FIRST_LOCK_MINUTES, FIRST_LOCK_MINUTES * 2, FIRST_LOCK_MINUTES * 4]);
    now = minutes(now, 25 * 60);
    await wrongTimes(PAIR, user.username, stranger, now);
    const row = await db.prisma.signInThrottle.findUniqueOrThrow({ where: { username_address: { username: user.username, address: stranger } } });
    expect((row.lockedUntil!.getTime() - now.getTime()) / 60_000).toBe(FIRST_LOCK_MINUTES);
  });

  it("counts in a sliding window: failures spread wider than the window never lock", async () => {
    const user = await newLead();
    const address = newAddress();
    const now = new Date("2025-07-03T02:00:00Z");
    await wrongTimes(PAIR - 1, user.username, address, now);
    await wrongTimes(PAIR - 1, user.username, address, minutes(now, THROTTLE.windowMs / 60_000 + 1));
    expect(await attempt(user.username, PASSWORD, address, { now: minutes(now, THROTTLE.windowMs / 60_000 + 2) })).toMatchObject({ ok: true });
  });

  it("starts counting afresh from an address after a successful sign-in from it", async () => {
    const user = await newLead();
    const address = newAddress();
    await wrongTimes(PAIR - 1, user.username, address);
    expect(await attempt(user.username, PASSWORD, address)).toMatchObject({ ok: true });
    await wrongTimes(PAIR - 1, user.username, address);
    expect(await attempt(user.username, PASSWORD, address)).toMatchObject({ ok: true });
  });

  it("throttles an account that does not exist exactly like one that does, and records nothing", async () => {
    const address = newAddress();
    const entries = await auditMark(db.prisma);
    const { seen, verify } = checks();
    for (let i = 0; i < PAIR + 3; i++) expect(await attempt("no-such-account", `guess-${i}`, address, { verify })).toEqual({ ok: false });
    expect(seen.count).toBe(PAIR);
    expect(await entries()).toHaveLength(0);
  });
});

describe("sign-in throttling: guesses from many addresses", () => {
  it(`locks the account after ${ACCOUNT} failures from anywhere, audited; the user still signs in from her known address`, async () => {
    const user = await newLead();
    const home = newAddress();
    const now = new Date("2025-07-04T02:00:00Z");
    expect(await attempt(user.username, PASSWORD, home, { now: minutes(now, -60 * 24) })).toMatchObject({ ok: true });
    const entries = await auditMark(db.prisma);
    await wrongTimes(ACCOUNT, user.username, newAddress, now);
    const { seen, verify } = checks();
    // A new address is refused unchecked, even with the right password.
    expect(await attempt(user.username, PASSWORD, newAddress(), { now: minutes(now, 1), verify })).toEqual({ ok: false });
    expect(seen.count).toBe(0);
    // Her own address, clean and known, gets through.
    expect(await attempt(user.username, PASSWORD, home, { now: minutes(now, 2), verify })).toMatchObject({ ok: true });
    expect(seen.count).toBe(1);
    const [entry, ...more] = await entries();
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ action: "user.lock", entityType: "User", entityId: String(user.id), actorId: null });
    expect(entry!.after).toMatchObject({
      id: user.id,
      username: user.username,
      failures: ACCOUNT,
      lockedUntil: minutes(now, FIRST_LOCK_MINUTES).toISOString(),
    });
    // The admins see it in 系统管理.
    const listed = (await listUsers(db.prisma, actors.admin, minutes(now, 3))).users.find((u) => u.id === user.id);
    expect(listed?.lock).toEqual({ until: minutes(now, FIRST_LOCK_MINUTES), scope: "account", addresses: [] });
  });

  it("lets a known address through only while it is clean: a guesser there is held by the pair's limit", async () => {
    const user = await newLead();
    const home = newAddress();
    const now = new Date("2025-07-05T02:00:00Z");
    await attempt(user.username, PASSWORD, home, { now: minutes(now, -60) });
    await wrongTimes(ACCOUNT, user.username, newAddress, now);
    const { seen, verify } = checks();
    // Someone at (or forging) her address: one guess goes through, then the address is no longer clean.
    expect(await attempt(user.username, "wrong-at-home", home, { now: minutes(now, 1), verify })).toEqual({ ok: false });
    expect(await attempt(user.username, "wrong-again", home, { now: minutes(now, 1), verify })).toEqual({ ok: false });
    expect(await attempt(user.username, PASSWORD, home, { now: minutes(now, 2), verify })).toEqual({ ok: false });
    expect(seen.count).toBe(1);
  });

  it(`locks an address that sprays one password over many accounts after ${ADDRESS} failures, audited`, async () => {
    const user = await newLead();
    const office = newAddress();
    const now = new Date("2025-07-06T02:00:00Z");
    await attempt(user.username, PASSWORD, office, { now: minutes(now, -60) });
    const entries = await auditMark(db.prisma);
    for (let i = 0; i < ADDRESS; i++) await attempt(`sprayed-${i}`, "Summer2025!", office, { now });
    const { seen, verify } = checks();
    expect(await attempt("sprayed-next", "Summer2025!", office, { now, verify })).toEqual({ ok: false });
    expect(seen.count).toBe(0);
    // A colleague behind the same address who signs in from it every day is not held.
    expect(await attempt(user.username, PASSWORD, office, { now, verify })).toMatchObject({ ok: true });
    const locks = (await entries()).filter((e) => e.action === "sign-in.address.lock");
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatchObject({ entityType: "ClientAddress", entityId: office });
  });
});

describe("sign-in throttling: parallel guesses", () => {
  it(`checks at most ${PAIR} passwords of 100 parallel guesses from one address`, async () => {
    const user = await newLead();
    const address = newAddress();
    const { seen, verify } = checks();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(user.username, `wrong-${i}`, address, { verify })));
    expect(answers.every((a) => !a.ok)).toBe(true);
    expect(seen.count).toBe(PAIR);
    expect(await attempt(user.username, PASSWORD, address, { verify })).toEqual({ ok: false });
    expect(seen.count).toBe(PAIR);
  });

  it(`checks at most ${ACCOUNT} passwords of 100 parallel guesses from 100 addresses`, async () => {
    const user = await newLead();
    const { seen, verify } = checks();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(user.username, `wrong-${i}`, newAddress(), { verify })));
    expect(answers.every((a) => !a.ok)).toBe(true);
    expect(seen.count).toBe(ACCOUNT);
    expect(await attempt(user.username, PASSWORD, newAddress(), { verify })).toEqual({ ok: false });
    expect(seen.count).toBe(ACCOUNT);
  });
});

describe("lifting a lock", () => {
  it("lets an admin's password reset lift a lock, say so in its audit entry, and end the user's sessions", async () => {
    const user = await newLead();
    await wrongTimes(ACCOUNT, user.username, newAddress);
    const entries = await auditMark(db.prisma);
    await resetPassword(db.prisma, actors.admin, { id: user.id, password: "Reset-by-admin-1", confirm: "Reset-by-admin-1" });
    expect(await attempt(user.username, "Reset-by-admin-1", newAddress())).toEqual({ ok: true, actor: user.actor, sessionVersion: 1 });
    const [entry] = await entries();
    expect(entry).toMatchObject({ action: "user.password.reset" });
    expect(entry!.after).toMatchObject({ lockedUntil: null });
    expect((entry!.before as { lockedUntil: string }).lockedUntil).toMatch(/^\d{4}-/);
  });

  it("lets an admin unlock an account by id, audited with the lock lifted", async () => {
    const user = await newLead();
    await wrongTimes(ACCOUNT, user.username, newAddress);
    const entries = await auditMark(db.prisma);
    const result = await unlockUser(db.prisma, actors.admin, { id: user.id });
    expect(result).toMatchObject({ id: user.id, username: user.username, lifted: { scope: "account" } });
    expect(await attempt(user.username, PASSWORD, newAddress())).toMatchObject({ ok: true });
    const [entry, ...more] = await entries();
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ action: "user.unlock", entityType: "User", entityId: String(user.id), actorId: actors.admin.id });
    expect(entry!.after).toEqual({ id: user.id, username: user.username, lockedUntil: null });
    expect((await listUsers(db.prisma, actors.admin)).users.find((u) => u.id === user.id)?.lock).toBeNull();
  });

  it("unlocks by username (the command line), lifts the locks from single addresses too, and records nothing when nothing was locked", async () => {
    const user = await newLead();
    const stranger = newAddress();
    await wrongTimes(PAIR, user.username, stranger);
    expect((await listUsers(db.prisma, actors.admin)).users.find((u) => u.id === user.id)?.lock).toMatchObject({ scope: "addresses", addresses: [stranger] });
    expect(await unlockUser(db.prisma, SYSTEM, { username: user.username })).toMatchObject({ lifted: { scope: "addresses", addresses: [stranger] } });
    expect(await attempt(user.username, PASSWORD, stranger)).toMatchObject({ ok: true });
    const entries = await auditMark(db.prisma);
    expect(await unlockUser(db.prisma, SYSTEM, { username: user.username })).toMatchObject({ lifted: null });
    expect(await entries()).toHaveLength(0);
  });

  it("is for admins only, and names an unknown user", async () => {
    const user = await newLead();
    for (const who of ["manager", "lead", "evaluator"] as const)
      await expectRefused(db.prisma, () => unlockUser(db.prisma, actors[who], { id: user.id }), "FORBIDDEN");
    await expectRefused(db.prisma, () => unlockUser(db.prisma, SYSTEM, { username: "nobody-at-all" }), "NOT_FOUND");
    await expectRefused(db.prisma, () => unlockUser(db.prisma, actors.admin, { username: "  " }), "INVALID");
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
    expect(await attempt(user.username, PASSWORD, newAddress())).toEqual({ ok: false });
    expect(await attempt(user.username, "My-new-pass-2025", newAddress())).toMatchObject({ ok: true, sessionVersion: 1 });
    const [entry, ...more] = await entries();
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ action: "user.password.change", entityType: "User", entityId: String(user.id), actorId: user.id });
    expect(JSON.stringify([entry!.before, entry!.after])).not.toMatch(/My-new-pass|Passw0rd|argon2/);
  });

  it("refuses a wrong current password (counted as a failed sign-in of the account), a weak, unchanged or mistyped new one", async () => {
    const user = await newLead();
    const change =
      (current: string, password: string, confirm = password) =>
      () =>
        changeOwnPassword(db.prisma, user.actor, { current, password, confirm });
    const wrong = await expectRefused(db.prisma, change("not-my-password", "My-new-pass-2025"), "INVALID", "current");
    expect(wrong.message).toBe("当前密码不正确");
    const account = await db.prisma.signInThrottle.findUniqueOrThrow({ where: { username_address: { username: user.username, address: "" } } });
    expect(account.attempts).toHaveLength(1);
    await expectRefused(db.prisma, change(PASSWORD, "short1"), "INVALID", "password");
    await expectRefused(db.prisma, change(PASSWORD, PASSWORD), "INVALID", "password");
    await expectRefused(db.prisma, change(PASSWORD, "My-new-pass-2025", "My-new-pass-2026"), "INVALID", "confirm");
    expect(await sessionVersion(user.id)).toBe(0);
    expect(await attempt(user.username, PASSWORD, newAddress())).toMatchObject({ ok: true });
  });

  it("stops guessing the current password through an open session at the account's limit", async () => {
    const user = await newLead();
    const change = (current: string) => changeOwnPassword(db.prisma, user.actor, { current, password: "My-new-pass-2025", confirm: "My-new-pass-2025" });
    for (let i = 0; i < ACCOUNT; i++) expect((await refusal(change(`guess-${i}`))).message).toBe("当前密码不正确");
    // Now even the right password is refused unchecked, and the password stays as it was.
    const refused = await expectRefused(db.prisma, () => change(PASSWORD), "INVALID", "current");
    expect(refused.message).toBe("尝试次数过多，请稍后再试");
    expect(await sessionVersion(user.id)).toBe(0);
  });

  it("is for users only: the system has no password", async () => {
    await expectRefused(
      db.prisma,
      () => changeOwnPassword(db.prisma, SYSTEM, { current: "x", password: "My-new-pass-2025", confirm: "My-new-pass-2025" }),
      "FORBIDDEN",
    );
  });
});
