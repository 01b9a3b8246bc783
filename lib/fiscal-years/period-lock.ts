/**
 * 期间锁定 (period lock), the rule in one place: an admin closes months 1…N of a fiscal year for every sheet
 * of that year, after the reporting deadline. Inside a locked period nobody changes in-year data: no
 * 实际完成值, 执行数, 调整预算, 佐证资料, no submission, no return and no reopening by a manager. A manager may
 * still approve a month that was submitted before the lock (it only confirms what is frozen and keeps the month
 * locked), so the review queue can be cleared. The admin moves the lock back (unlocks) with a reason.
 *
 * Year-end evaluation (年终评价, 自评) is not affected: it scores the year after its close and has its own
 * lock (a final evaluation, reopened only by a manager).
 *
 * Stored as FiscalYear.lockedThroughMonth: 0 = nothing locked, 12 = the whole year. Pure: no database here;
 * assert-period-open.ts applies it to the writes.
 */

export const isPeriodLocked = (lockedThroughMonth: number, month: number): boolean => month >= 1 && month <= lockedThroughMonth;

/** `2025年1月至7月`, `2025年1月` (a lock through January). */
export const lockedRangeText = (year: number, lockedThroughMonth: number): string =>
  lockedThroughMonth <= 1 ? `${year}年1月` : `${year}年1月至${lockedThroughMonth}月`;

/** Why a write inside the locked period is refused: `2025年1月至7月已由管理员锁定，不能再修改`. */
export const periodLockMessage = (year: number, lockedThroughMonth: number, what = "修改"): string =>
  `${lockedRangeText(year, lockedThroughMonth)}已由管理员锁定，不能再${what}`;

/** The badge of a month inside the locked period on the 进度填报 page. */
export const periodLockLabel = (lockedThroughMonth: number): string => `已锁定（管理员已锁定至${lockedThroughMonth}月）`;

/** The lock of a year as the 年度 page lists it. */
export const lockStateText = (lockedThroughMonth: number): string => (lockedThroughMonth === 0 ? "未锁定" : `已锁定至${lockedThroughMonth}月`);
