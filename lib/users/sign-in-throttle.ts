import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import { SYSTEM } from "@/lib/auth/actor";
import {
  admits,
  afterFailure,
  afterSuccess,
  type AttemptStates,
  EMPTY_STATE,
  reserve,
  THROTTLE,
  type ThrottleScope,
  type ThrottleState,
} from "./throttle-policy";

/**
 * Sign-in throttling held in the database (the rules: throttle-policy.ts, docs/security.md), so every app
 * instance counts the same attempts. A row per counter of sign_in_throttle: the account (address ''), the
 * client address (username '') and the account from that address. An attempt first reserves its place in
 * every counter's window under row locks, in one transaction, before its password is checked; so 100 parallel
 * guesses check no more passwords than the limit allows. The attempt's outcome is then settled: a failure
 * stays counted and may lock (audited), a success frees its place.
 */

/** Who is attempting: the username as typed (trimmed), and the client address when there is one. */
export interface Attempter {
  username: string;
  address: string | null;
}

interface Counter {
  scope: ThrottleScope;
  username: string;
  address: string;
}

export interface Reservation {
  attempter: Attempter;
  at: Date;
}

/** The interactive transactions queue behind each other's row locks: a burst of attempts waits its turn. */
const TX = { maxWait: 60_000, timeout: 30_000 } as const;
/** Rows with nothing left to say are deleted this long after their last change. */
const KEEP_MS = 2 * 24 * 60 * 60_000;

type Tx = Prisma.TransactionClient;

function countersOf({ username, address }: Attempter): Counter[] {
  const counters: Counter[] = [{ scope: "account", username, address: "" }];
  if (address !== null) counters.push({ scope: "pair", username, address }, { scope: "address", username: "", address });
  // One order for every transaction, so two attempts never wait for each other's rows crosswise.
  return counters.sort((a, b) => (a.username === b.username ? (a.address < b.address ? -1 : 1) : a.username < b.username ? -1 : 1));
}

/** Creates the missing rows and locks all of them for the rest of the transaction; answers their states by scope. */
async function lockCounters(tx: Tx, counters: Counter[], now: Date): Promise<Map<ThrottleScope, ThrottleState>> {
  await tx.signInThrottle.createMany({
    data: counters.map(({ username, address }) => ({ username, address, attempts: [], updatedAt: now })),
    skipDuplicates: true,
  });
  await tx.$queryRaw(
    Prisma.sql`SELECT 1 FROM "sign_in_throttle" WHERE ("username", "address") IN (${Prisma.join(
      counters.map(({ username, address }) => Prisma.sql`(${username}, ${address})`),
    )}) ORDER BY "username", "address" FOR UPDATE`,
  );
  const rows = await tx.signInThrottle.findMany({ where: { OR: counters.map(({ username, address }) => ({ username, address })) } });
  const states = new Map<ThrottleScope, ThrottleState>();
  for (const counter of counters) {
    const row = rows.find((r) => r.username === counter.username && r.address === counter.address);
    states.set(
      counter.scope,
      row ? { attempts: row.attempts, lockedUntil: row.lockedUntil, lockCount: row.lockCount, lastSuccessAt: row.lastSuccessAt } : EMPTY_STATE,
    );
  }
  return states;
}

async function store(tx: Tx, counter: Counter, state: ThrottleState, now: Date): Promise<void> {
  await tx.signInThrottle.update({
    where: { username_address: { username: counter.username, address: counter.address } },
    data: { attempts: state.attempts, lockedUntil: state.lockedUntil, lockCount: state.lockCount, lastSuccessAt: state.lastSuccessAt, updatedAt: now },
  });
}

const statesOf = (states: Map<ThrottleScope, ThrottleState>): AttemptStates => ({
  account: states.get("account") ?? EMPTY_STATE,
  pair: states.get("pair"),
  address: states.get("address"),
});

/** Takes a place in every window of the attempt, or answers null: refused, the password is not to be checked. */
export async function reserveAttempt(prisma: PrismaClient, attempter: Attempter, now = new Date()): Promise<Reservation | null> {
  const counters = countersOf(attempter);
  return prisma.$transaction(async (tx) => {
    const states = await lockCounters(tx, counters, now);
    if (!admits(statesOf(states), now)) return null;
    for (const counter of counters) await store(tx, counter, reserve(counter.scope, states.get(counter.scope) ?? EMPTY_STATE, now), now);
    return { attempter, at: now };
  }, TX);
}

/** The account attempted, when it exists: its locks are audited. */
export interface AttemptedUser {
  id: number;
  username: string;
}

/** The checked password was right: the attempt was no failure, and this address becomes the account's known one. */
export async function settleSuccess(prisma: PrismaClient, reservation: Reservation, now = new Date()): Promise<void> {
  const counters = countersOf(reservation.attempter);
  await prisma.$transaction(async (tx) => {
    const states = await lockCounters(tx, counters, now);
    for (const counter of counters) await store(tx, counter, afterSuccess(counter.scope, states.get(counter.scope) ?? EMPTY_STATE, now, reservation.at), now);
  }, TX);
}

/** The checked password was wrong: the attempt stays counted; a counter whose window is now full locks, audited. */
export async function settleFailure(prisma: PrismaClient, reservation: Reservation, user: AttemptedUser | null, now = new Date()): Promise<void> {
  const counters = countersOf(reservation.attempter);
  await prisma.$transaction(async (tx) => {
    const states = await lockCounters(tx, counters, now);
    for (const counter of counters) {
      const { state, locked } = afterFailure(counter.scope, states.get(counter.scope) ?? EMPTY_STATE, now);
      await store(tx, counter, state, now);
      if (locked) await auditLock(tx, counter, user, state, locked);
    }
    await prune(tx, now);
  }, TX);
}

async function auditLock(tx: Tx, counter: Counter, user: AttemptedUser | null, state: ThrottleState, until: Date): Promise<void> {
  const after = { lockedUntil: until.toISOString(), failures: state.attempts.length, lockCount: state.lockCount };
  if (counter.scope === "address") {
    await appendAudit(tx, SYSTEM, {
      action: "sign-in.address.lock",
      entityType: "ClientAddress",
      entityId: counter.address,
      after: { address: counter.address, ...after },
    });
    return;
  }
  // An account that does not exist has nobody to tell: its counters lock alike, unrecorded.
  if (!user) return;
  await appendAudit(tx, SYSTEM, {
    action: counter.scope === "account" ? "user.lock" : "user.lock.address",
    entityType: "User",
    entityId: user.id,
    after: { id: user.id, username: user.username, ...(counter.scope === "pair" ? { address: counter.address } : {}), ...after },
  });
}

/** Forgets rows with nothing left to say: no lock still running, no known address, untouched for two days. */
async function prune(tx: Tx, now: Date): Promise<void> {
  await tx.signInThrottle.deleteMany({
    where: {
      updatedAt: { lt: new Date(now.getTime() - KEEP_MS) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      AND: [{ OR: [{ lastSuccessAt: null }, { lastSuccessAt: { lt: new Date(now.getTime() - THROTTLE.knownAddressMs) } }] }],
    },
  });
}

/** What an admin sees of an account's throttling: the longest lock still running, on the account or from some addresses. */
export interface AccountLock {
  until: Date;
  /** "account": refused from every address but its known ones; "addresses": refused from these addresses only. */
  scope: "account" | "addresses";
  addresses: string[];
}

export async function accountLocks(prisma: PrismaClient | Tx, usernames: string[], now = new Date()): Promise<Map<string, AccountLock>> {
  const rows = await prisma.signInThrottle.findMany({
    where: { username: { in: usernames }, lockedUntil: { gt: now } },
    select: { username: true, address: true, lockedUntil: true },
  });
  const locks = new Map<string, AccountLock>();
  for (const row of rows) {
    if (!row.lockedUntil) continue;
    const lock = locks.get(row.username) ?? { until: row.lockedUntil, scope: "addresses" as const, addresses: [] };
    if (row.address === "") lock.scope = "account";
    else lock.addresses.push(row.address);
    if (row.lockedUntil > lock.until) lock.until = row.lockedUntil;
    locks.set(row.username, lock);
  }
  return locks;
}

/**
 * Clears an account's counters, from every address (its known addresses stay known), and answers the lock that
 * was running, if any. For unlockUser and a password reset. Locks of a client address over every account stay:
 * they stop spraying, and a known address of the account is not held by them.
 */
export async function clearAccountThrottle(tx: Tx, username: string, now = new Date()): Promise<AccountLock | null> {
  const lock = (await accountLocks(tx, [username], now)).get(username) ?? null;
  await tx.signInThrottle.updateMany({ where: { username }, data: { attempts: [], lockedUntil: null, lockCount: 0, updatedAt: now } });
  return lock;
}
