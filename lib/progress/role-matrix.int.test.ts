import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, SYSTEM } from "@/lib/auth/actor";
import { adjustBudget } from "./adjust-budget";
import { getProgress } from "./get-progress";
import { listMySheets } from "./list-my-sheets";
import { listMyTodo } from "./list-my-todo";
import { listReviewQueue } from "./list-review-queue";
import { reopenMonth } from "./reopen-month";
import { reviewMonth } from "./review-month";
import { saveProgress } from "./save-progress";
import { setMeasureType } from "./set-measure-type";
import { submitMonth } from "./submit-month";
import { AFTER_2025, createFixture, type Fixture, outcome, USER_KEYS, type UserKey } from "@/lib/testing/progress-fixtures";

/**
 * The role × action matrix on the 两区 sheet (led by `lead`; `lead2` leads other sheets): every use case, every
 * demo user. Allowed calls succeed, the others are FORBIDDEN, and a missing sheet is NOT_FOUND for everyone.
 * Refusals come before any state check, so the same prepared month serves every user of a row.
 */
let f: Fixture;
/** A manager of another department: no rights on the 两区 sheet. */
let otherManager: Actor;
beforeAll(async () => {
  f = await createFixture();
  const department = await f.db.prisma.department.create({ data: { name: "其他部门" } });
  const user = await f.db.prisma.user.create({
    data: { username: "manager2", displayName: "其他部门管理者", passwordHash: "-", role: "MANAGER", departmentId: department.id },
  });
  otherManager = { kind: "user", id: user.id, role: "MANAGER", departmentId: department.id, displayName: user.displayName };
});
const actorOf = (who: Who): Actor => (who === "otherManager" ? otherManager : f.actors[who]);
type Who = UserKey | "otherManager";
const WHO: Who[] = [...USER_KEYS, "otherManager"];
afterAll(async () => {
  await f?.db.close();
});

const now = { now: AFTER_2025 };
const prisma = () => f.db.prisma;
const monthVersion = async (month: number) =>
  (await prisma().sheetMonth.findUnique({ where: { sheetId_month: { sheetId: f.sheets.liangqu, month } } }))?.version ?? 0;

/** A complete month entered, explained and (optionally) submitted and approved by the system itself. */
async function prepare(month: number, state: "filled" | "submitted" | "approved") {
  const rows = f.liangquRows.map((r, i) => ({
    indicatorId: r.id,
    version: 0,
    value: i === 5 ? "100" : i === 6 ? "达成" : "3",
    deviationReason: "超前完成",
    improvement: "保持",
  }));
  await saveProgress(prisma(), SYSTEM, { sheetId: f.sheets.liangqu, month, rows, executed: { value: "1600", version: 0 } }, now);
  if (state === "filled") return;
  await submitMonth(prisma(), SYSTEM, { sheetId: f.sheets.liangqu, month, version: await monthVersion(month) }, now);
  if (state === "approved") {
    await reviewMonth(prisma(), SYSTEM, { sheetId: f.sheets.liangqu, month, version: await monthVersion(month), decision: "approve" }, now);
  }
}

type Case = {
  name: string;
  allowed: Who[];
  setup?: () => Promise<void>;
  run: (who: Who, sheetId: number) => Promise<unknown>;
};

const cases: Case[] = [
  {
    name: "getProgress",
    allowed: ["admin", "manager", "lead", "evaluator"],
    run: (who, sheetId) => getProgress(prisma(), actorOf(who), { sheetId, month: 1 }, now),
  },
  {
    name: "saveProgress",
    allowed: ["lead"],
    run: (who, sheetId) =>
      saveProgress(prisma(), actorOf(who), { sheetId, month: 1, rows: [{ indicatorId: f.liangquRows[0]!.id, version: 0, value: "1" }] }, now),
  },
  {
    name: "adjustBudget",
    allowed: ["lead"],
    run: (who, sheetId) => adjustBudget(prisma(), actorOf(who), { sheetId, month: 1, amount: "10", reason: "追加预算" }, now),
  },
  {
    name: "submitMonth",
    allowed: ["lead"],
    setup: () => prepare(2, "filled"),
    run: async (who, sheetId) => submitMonth(prisma(), actorOf(who), { sheetId, month: 2, version: await monthVersion(2) }, now),
  },
  {
    name: "reviewMonth (approve)",
    allowed: ["manager"],
    setup: () => prepare(3, "submitted"),
    run: async (who, sheetId) => reviewMonth(prisma(), actorOf(who), { sheetId, month: 3, version: await monthVersion(3), decision: "approve" }, now),
  },
  {
    name: "reviewMonth (return)",
    allowed: ["manager"],
    setup: () => prepare(4, "submitted"),
    run: async (who, sheetId) =>
      reviewMonth(prisma(), actorOf(who), { sheetId, month: 4, version: await monthVersion(4), decision: "return", comment: "请补充佐证" }, now),
  },
  {
    name: "reopenMonth",
    allowed: ["manager"],
    setup: () => prepare(5, "approved"),
    run: async (who, sheetId) => reopenMonth(prisma(), actorOf(who), { sheetId, month: 5, version: await monthVersion(5), reason: "数据更正" }, now),
  },
  {
    name: "setMeasureType",
    allowed: ["admin", "manager"],
    run: async (who, sheetId) => {
      // The indicator stands for its sheet: a missing sheet is a missing indicator.
      const indicatorId = sheetId === f.sheets.liangqu ? f.liangquRows[0]!.id : 999_999;
      const current = await prisma().indicator.findUnique({ where: { id: indicatorId } });
      const measureType = current?.measureType === "LEVEL" ? "CUMULATIVE" : "LEVEL";
      return setMeasureType(prisma(), actorOf(who), { indicatorId, measureType, version: current?.version ?? 1 });
    },
  },
];

describe.each(cases)("$name", ({ allowed, setup, run }) => {
  it(`is allowed to exactly ${allowed.join(", ")}`, async () => {
    await setup?.();
    const results: Record<string, string> = {};
    // Refused users first, so the allowed call cannot change what they run into.
    for (const who of [...WHO].sort((a, b) => Number(allowed.includes(a)) - Number(allowed.includes(b)))) {
      results[who] = await outcome(run(who, f.sheets.liangqu));
    }
    expect(results).toEqual(Object.fromEntries(WHO.map((who) => [who, allowed.includes(who) ? "OK" : "FORBIDDEN"])));
  });

  it("answers NOT_FOUND for a sheet that does not exist, whoever asks", async () => {
    for (const who of WHO) expect(await outcome(run(who, 999_999))).toBe("NOT_FOUND");
  });
});

describe("the lists", () => {
  it("show each user only what they may act on", async () => {
    const todo = Object.fromEntries(await Promise.all(USER_KEYS.map(async (who) => [who, await listMyTodo(prisma(), actorOf(who), now)] as const)));
    expect(new Set(todo.lead!.map((i) => i.sheetId))).toEqual(new Set([f.sheets.liangqu, f.sheets.peitao]));
    expect(todo.lead2!.length).toBeGreaterThan(0);
    expect(todo.lead2!.some((i) => i.sheetId === f.sheets.liangqu)).toBe(false);
    expect([todo.admin, todo.manager, todo.evaluator]).toEqual([[], [], []]);

    const mine = Object.fromEntries(await Promise.all(USER_KEYS.map(async (who) => [who, await listMySheets(prisma(), actorOf(who), now)] as const)));
    expect(mine.lead!.map((s) => s.id).sort()).toEqual([f.sheets.liangqu, f.sheets.peitao].sort());
    expect(mine.lead2!.map((s) => s.id)).toContain(f.sheets.kepu);
    expect([mine.admin, mine.manager, mine.evaluator]).toEqual([[], [], []]);

    await prepare(6, "submitted");
    const queues = Object.fromEntries(await Promise.all(WHO.map(async (who) => [who, await listReviewQueue(prisma(), actorOf(who))] as const)));
    expect(queues.manager!.map((i) => i.month)).toContain(6);
    expect([queues.admin, queues.lead, queues.lead2, queues.evaluator, queues.otherManager]).toEqual([[], [], [], [], []]);
  });
});
