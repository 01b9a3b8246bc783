import { describe, expect, it } from "vitest";
import { isPeriodLocked, lockStateText, periodLockLabel, periodLockMessage } from "./period-lock";

describe("period lock", () => {
  it("locks months 1…N; 0 locks nothing and 12 the whole year", () => {
    expect([1, 7, 8, 12].map((m) => isPeriodLocked(7, m))).toEqual([true, true, false, false]);
    expect(isPeriodLocked(0, 1)).toBe(false);
    expect(isPeriodLocked(12, 12)).toBe(true);
  });

  it("says which months are locked, in the users' words", () => {
    expect(periodLockMessage(2025, 7)).toBe("2025年1月至7月已由管理员锁定，不能再修改");
    expect(periodLockMessage(2025, 1, "上传佐证资料")).toBe("2025年1月已由管理员锁定，不能再上传佐证资料");
    expect(periodLockLabel(7)).toBe("已锁定（管理员已锁定至7月）");
    expect([0, 7].map(lockStateText)).toEqual(["未锁定", "已锁定至7月"]);
  });
});
