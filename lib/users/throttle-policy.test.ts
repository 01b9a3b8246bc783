import { describe, expect, it } from "vitest";
import { admits, afterFailure, afterSuccess, EMPTY_STATE, isKnownAddress, nextLock, reserve, THROTTLE, type ThrottleState } from "./throttle-policy";

const T0 = new Date("2025-07-01T02:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const failures = (n: number, minute = 0): ThrottleState => ({ ...EMPTY_STATE, attempts: Array.from({ length: n }, () => at(minute)) });
const WINDOW = THROTTLE.windowMs / 60_000;

describe("admits", () => {
  it("checks a fresh attempt", () => {
    expect(admits({ account: EMPTY_STATE, pair: EMPTY_STATE, address: EMPTY_STATE }, T0)).toBe(true);
  });

  it("refuses while the pair's window is full, even when the account and address are fine", () => {
    expect(admits({ account: EMPTY_STATE, pair: failures(THROTTLE.limit.pair), address: EMPTY_STATE }, at(1))).toBe(false);
    expect(admits({ account: EMPTY_STATE, pair: failures(THROTTLE.limit.pair - 1), address: EMPTY_STATE }, at(1))).toBe(true);
  });

  it("forgets failures older than the window", () => {
    expect(admits({ account: EMPTY_STATE, pair: failures(THROTTLE.limit.pair), address: EMPTY_STATE }, at(WINDOW + 0.01))).toBe(true);
  });

  it("refuses a locked account or address from a new address, lets a clean known address through", () => {
    const account: ThrottleState = { ...EMPTY_STATE, lockedUntil: at(10), lockCount: 1 };
    const known: ThrottleState = { ...EMPTY_STATE, lastSuccessAt: at(-60 * 24 * 30) };
    expect(admits({ account, pair: EMPTY_STATE, address: EMPTY_STATE }, at(1))).toBe(false);
    expect(admits({ account: EMPTY_STATE, pair: EMPTY_STATE, address: account }, at(1))).toBe(false);
    expect(admits({ account, pair: known, address: account }, at(1))).toBe(true);
    // Known long ago is not known; a failure from it in the window makes it unclean.
    expect(admits({ account, pair: { ...known, lastSuccessAt: at(-60 * 24 * 91) }, address: EMPTY_STATE }, at(1))).toBe(false);
    expect(admits({ account, pair: { ...known, attempts: [at(0)] }, address: EMPTY_STATE }, at(1))).toBe(false);
  });

  it("without an address counts the account alone", () => {
    expect(admits({ account: failures(THROTTLE.limit.account - 1) }, at(1))).toBe(true);
    expect(admits({ account: failures(THROTTLE.limit.account) }, at(1))).toBe(false);
  });
});

describe("reserve and settle", () => {
  it("keeps at most the limit's newest attempts, dropping those out of the window", () => {
    const state = reserve("pair", { ...EMPTY_STATE, attempts: [at(-WINDOW - 1), ...failures(10, 1).attempts] }, at(2));
    expect(state.attempts).toHaveLength(THROTTLE.limit.pair);
    expect(state.attempts.at(-1)).toEqual(at(2));
  });

  it("locks when a failure fills the window, not before", () => {
    expect(afterFailure("pair", failures(THROTTLE.limit.pair - 1), at(1)).locked).toBeNull();
    const { state, locked } = afterFailure("pair", failures(THROTTLE.limit.pair), at(1));
    expect(locked).toEqual(at(1 + THROTTLE.firstLockMs / 60_000));
    expect(state.lockCount).toBe(1);
    // Already locked: a late failure of a parallel attempt neither extends nor re-audits the lock.
    expect(afterFailure("pair", state, at(2))).toEqual({ state: { ...state, attempts: state.attempts }, locked: null });
  });

  it("doubles each lock in a row up to the scope's cap, and starts over a day after the last", () => {
    let state: ThrottleState = EMPTY_STATE;
    const lengths: number[] = [];
    let now = T0;
    for (let i = 0; i < 10; i++) {
      const lock = nextLock("account", state, now);
      lengths.push((lock.lockedUntil.getTime() - now.getTime()) / 60_000);
      state = { ...state, ...lock };
      now = lock.lockedUntil;
    }
    expect(lengths).toEqual([15, 30, 60, 120, 240, 240, 240, 240, 240, 240]);
    const later = new Date(now.getTime() + THROTTLE.lockMemoryMs + 1);
    expect(nextLock("account", state, later).lockCount).toBe(1);
  });

  it("a success frees its own place only; from its address the account starts afresh and becomes known", () => {
    const account = failures(3);
    expect(afterSuccess("account", { ...account, attempts: [...account.attempts, at(1)] }, at(1), at(1)).attempts).toEqual(account.attempts);
    const pair = afterSuccess("pair", { ...failures(4), lockCount: 2, lockedUntil: at(-1) }, at(1), at(1));
    expect(pair).toEqual({ attempts: [], lockedUntil: null, lockCount: 0, lastSuccessAt: at(1) });
    expect(isKnownAddress(pair, at(2))).toBe(true);
  });
});
