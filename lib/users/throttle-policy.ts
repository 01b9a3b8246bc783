/**
 * Sign-in throttling, the rules (docs/security.md; the database side is sign-in-throttle.ts). Three counters:
 * - the account from one client address ("pair"): strict — a stranger who guesses locks out only himself;
 * - the account from every address: generous — it caps guessing from many addresses;
 * - the client address over every account: it caps spraying one password over many accounts.
 * Each counts failed attempts in a sliding window; a full window locks the counter, each lock twice as long as
 * the one before (up to a cap) until a day passes without one. An attempt is refused, with its password
 * unchecked, while its pair is blocked, or while the account or the address is — unless the pair is the
 * account's own known address (a successful sign-in from it within 90 days, and no failure from it in the
 * window): so a user keeps signing in from where they always do while a stranger keeps the account locked.
 */
export type ThrottleScope = "pair" | "account" | "address";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const THROTTLE = {
  windowMs: 15 * MINUTE,
  limit: { pair: 5, account: 20, address: 50 } satisfies Record<ThrottleScope, number>,
  /** The first lock; each further lock in a row doubles it. Not shorter than the window, so a lock ends with an empty window. */
  firstLockMs: 15 * MINUTE,
  maxLockMs: { pair: 24 * HOUR, account: 4 * HOUR, address: 24 * HOUR } satisfies Record<ThrottleScope, number>,
  /** How long after its end a lock still counts for the doubling. */
  lockMemoryMs: 24 * HOUR,
  knownAddressMs: 90 * 24 * HOUR,
} as const;

export interface ThrottleState {
  /** Failed attempts, and attempts being checked; only those within the window count. */
  attempts: Date[];
  /** The end of the last lock (past or not). */
  lockedUntil: Date | null;
  lockCount: number;
  lastSuccessAt: Date | null;
}

export const EMPTY_STATE: ThrottleState = { attempts: [], lockedUntil: null, lockCount: 0, lastSuccessAt: null };

/** The attempts of the sliding window ending now. */
export const recentAttempts = (state: ThrottleState, now: Date): Date[] => state.attempts.filter((at) => at.getTime() > now.getTime() - THROTTLE.windowMs);

export const isLocked = (state: ThrottleState, now: Date): boolean => state.lockedUntil !== null && state.lockedUntil > now;

/** Locked, or its window already full (of failures, or of attempts still being checked). */
export const isBlocked = (scope: ThrottleScope, state: ThrottleState, now: Date): boolean =>
  isLocked(state, now) || recentAttempts(state, now).length >= THROTTLE.limit[scope];

/** The account's own address: it signed in from here lately, and nothing failed from here in the window. */
export const isKnownAddress = (pair: ThrottleState, now: Date): boolean =>
  pair.lastSuccessAt !== null &&
  pair.lastSuccessAt.getTime() > now.getTime() - THROTTLE.knownAddressMs &&
  !isLocked(pair, now) &&
  recentAttempts(pair, now).length === 0;

export interface AttemptStates {
  account: ThrottleState;
  /** Absent when the attempt has no client address (changing one's own password). */
  pair?: ThrottleState;
  address?: ThrottleState;
}

/** Whether an attempt's password may be checked at all. */
export function admits(states: AttemptStates, now: Date): boolean {
  if (states.pair && isBlocked("pair", states.pair, now)) return false;
  if (states.pair && isKnownAddress(states.pair, now)) return true;
  return !isBlocked("account", states.account, now) && !(states.address && isBlocked("address", states.address, now));
}

/** Reserves a place in the window before the password is checked, so parallel attempts cannot pass the limit. */
export function reserve(scope: ThrottleScope, state: ThrottleState, now: Date): ThrottleState {
  // Only the newest `limit` attempts matter: a full window stays full.
  return { ...state, attempts: [...recentAttempts(state, now), now].slice(-THROTTLE.limit[scope]) };
}

/** The lock a full window sets now: twice the last one if that ended less than a day ago. */
export function nextLock(scope: ThrottleScope, state: ThrottleState, now: Date): { lockedUntil: Date; lockCount: number } {
  const inARow = state.lockedUntil !== null && now.getTime() - state.lockedUntil.getTime() < THROTTLE.lockMemoryMs;
  const lockCount = inARow ? state.lockCount + 1 : 1;
  const ms = Math.min(THROTTLE.maxLockMs[scope], THROTTLE.firstLockMs * 2 ** Math.min(lockCount - 1, 20));
  return { lockedUntil: new Date(now.getTime() + ms), lockCount };
}

/** A checked attempt failed: its reservation stays as a failure; a full window locks. `locked` is the new lock, if this set one. */
export function afterFailure(scope: ThrottleScope, state: ThrottleState, now: Date): { state: ThrottleState; locked: Date | null } {
  const attempts = recentAttempts(state, now);
  if (isLocked(state, now) || attempts.length < THROTTLE.limit[scope]) return { state: { ...state, attempts }, locked: null };
  const lock = nextLock(scope, state, now);
  return { state: { ...state, attempts, ...lock }, locked: lock.lockedUntil };
}

/**
 * A checked attempt succeeded: it was no failure, so its reservation goes. From this address the account
 * starts afresh and becomes known; the account's and the address's other failures stay in their windows.
 */
export function afterSuccess(scope: ThrottleScope, state: ThrottleState, now: Date, reservedAt: Date): ThrottleState {
  if (scope === "pair") return { attempts: [], lockedUntil: null, lockCount: 0, lastSuccessAt: now };
  const index = state.attempts.findIndex((at) => at.getTime() === reservedAt.getTime());
  return { ...state, attempts: index < 0 ? state.attempts : state.attempts.filter((_, i) => i !== index) };
}
