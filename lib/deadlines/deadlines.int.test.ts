import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditMark, expectRefused } from "@/lib/testing/audit";
import { createFixture, type Fixture } from "@/lib/testing/progress-fixtures";
import { refreshStaleFigures } from "@/lib/figures/refresh-sheet-figures";
import { listDeadlines } from "./get-deadlines";
import { loadYearDeadlines } from "./load-deadlines";
import { findOverdue, overdueSheetWhere } from "./overdue";
import { monthsPastDue } from "./rules";
import { type SetDeadlinesInput, setDeadlines } from "./set-deadlines";

// One seeded database for the file, the tests in order: the admin moves deadlines of 2025, then the 逾期 queries
// read sheets with months submitted, approved, returned and never reported.

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
});
afterAll(async () => {
  await f?.db.close();
});

const prisma = () => f.db.prisma;
const year2025 = async () => prisma().fiscalYear.findUniqueOrThrow({ where: { year: 2025 }, select: { id: true, year: true } });

/** The 2025 form as listed, with some entries changed. */
async function form(change: (input: SetDeadlinesInput & { months: { due: string; note: string }[] }) => void) {
  const listed = (await listDeadlines(prisma(), f.actors.admin)).find((d) => d.year === 2025)!;
  const entry = (v: { due: string; note: string; isDefault: boolean }) => ({ due: v.isDefault ? "" : v.due, note: v.note });
  const input = {
    year: 2025,
    months: listed.months.map(entry),
    selfEvaluation: entry(listed.selfEvaluation),
    evaluation: entry(listed.evaluation),
    read: listed.read,
  };
  change(input);
  return input;
}

describe("填报期限", () => {
  it("are the defaults while no admin set one", async () => {
    const d = await loadYearDeadlines(prisma(), await year2025());
    expect(d.months.map((m) => m.due)).toEqual([
      "2025-02-10",
      "2025-03-10",
      "2025-04-10",
      "2025-05-10",
      "2025-06-10",
      "2025-07-10",
      "2025-08-10",
      "2025-09-10",
      "2025-10-10",
      "2025-11-10",
      "2025-12-10",
      "2026-01-10",
    ]);
    expect(d.months.every((m) => m.isDefault)).toBe(true);
  });

  it("are set by admins only", async () => {
    for (const who of ["manager", "lead", "evaluator"] as const) {
      await expectRefused(prisma(), () => listDeadlines(prisma(), f.actors[who]), "FORBIDDEN");
      await expectRefused(prisma(), async () => setDeadlines(prisma(), f.actors[who], await form(() => {})), "FORBIDDEN");
    }
  });

  it("moves a month and the year-end deadlines, stores only what differs, audited with what changed", async () => {
    const entries = await auditMark(prisma());
    const result = await setDeadlines(
      prisma(),
      f.actors.admin,
      await form((input) => {
        input.months[8] = { due: "２０２５/10/14", note: "国庆假期顺延" };
        input.months[9] = { due: "2025-11-10", note: "" }; // the default day: nothing stored
        input.selfEvaluation = { due: "2026-01-20", note: "" };
      }),
    );
    expect(result.changes).toEqual(["9月 → 2025-10-14（国庆假期顺延）", "自评 → 2026-01-20"]);
    const stored = await prisma().deadline.findMany({ orderBy: [{ kind: "asc" }, { month: "asc" }] });
    expect(stored.map((d) => [d.kind, d.month, d.dueDate.toISOString().slice(0, 10), d.note])).toEqual([
      ["REPORT", 9, "2025-10-14", "国庆假期顺延"],
      ["SELF_EVALUATION", 0, "2026-01-20", ""],
    ]);
    const audit = await entries();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "deadline.set",
      entityType: "FiscalYear",
      before: { year: 2025, deadlines: { "9月": { due: "2025-10-10", isDefault: true }, 自评: { due: "2026-01-31", isDefault: true } } },
      after: { year: 2025, deadlines: { "9月": { due: "2025-10-14", note: "国庆假期顺延", isDefault: false }, 自评: { due: "2026-01-20", isDefault: false } } },
    });
    const d = await loadYearDeadlines(prisma(), await year2025());
    expect(d.months[8]).toEqual({ month: 9, due: "2025-10-14", note: "国庆假期顺延", isDefault: false });
  });

  it("refuses a bad day at its field, a save over another admin's change, and no change at all", async () => {
    const bad = await expectRefused(
      prisma(),
      async () =>
        setDeadlines(
          prisma(),
          f.actors.admin,
          await form((input) => {
            input.months[6] = { due: "2025-07-15", note: "" };
            input.months[7] = { due: "八月十日", note: "" };
            input.evaluation = { due: "2027-03-01", note: "" };
          }),
        ),
      "INVALID",
    );
    expect(bad.problems).toEqual([
      { path: "months.6.due", message: "7月：7月的截止日不能早于2025-07-31（该月最后一天）" },
      { path: "months.7.due", message: "8月：「八月十日」不是有效日期，请按 2025-08-10 的格式填写" },
      { path: "evaluation.due", message: "年终评价：截止日不能晚于2026-12-31" },
    ]);
    const stale = await form((input) => {
      input.months[0] = { due: "2025-02-14", note: "春节" };
    });
    await setDeadlines(
      prisma(),
      f.actors.admin,
      await form((input) => {
        input.months[1] = { due: "2025-03-12", note: "" };
      }),
    );
    await expectRefused(prisma(), () => setDeadlines(prisma(), f.actors.admin, stale), "CONFLICT");
    await expectRefused(prisma(), async () => setDeadlines(prisma(), f.actors.admin, await form(() => {})), "INVALID");
    await expectRefused(
      prisma(),
      async () => {
        const blank = { due: "", note: "" };
        return setDeadlines(prisma(), f.actors.admin, { year: 2040, months: Array(12).fill(blank), selfEvaluation: blank, evaluation: blank, read: "" });
      },
      "NOT_FOUND",
      "year",
    );
  });

  it("goes back to the default when the day is cleared", async () => {
    await setDeadlines(
      prisma(),
      f.actors.admin,
      await form((input) => {
        input.months[1] = { due: "", note: "" };
        input.selfEvaluation = { due: "", note: "" };
      }),
    );
    const d = await loadYearDeadlines(prisma(), await year2025());
    expect(d.months[1]).toMatchObject({ due: "2025-03-10", isDefault: true });
    expect(d.selfEvaluation).toMatchObject({ due: "2026-01-31", isDefault: true });
  });
});

describe("逾期", () => {
  // 00:00 on 11 May 2025, Beijing time: April (due 10 May) has just passed.
  const may11 = new Date("2025-05-10T16:00:00.000Z");
  const may10Late = new Date("2025-05-10T15:59:59.000Z");

  it("counts every month past its deadline that is neither submitted nor approved, per sheet, in the database", async () => {
    const liangqu = f.sheets.liangqu;
    await prisma().sheetMonth.createMany({
      data: [
        { sheetId: liangqu, month: 1, status: "SUBMITTED" },
        { sheetId: liangqu, month: 2, status: "APPROVED" },
        { sheetId: liangqu, month: 3, status: "RETURNED" },
        { sheetId: f.sheets.peitao, month: 1, status: "DRAFT" },
      ],
    });
    const year = await year2025();
    const overdue = await findOverdue(prisma(), [year], may11);
    expect(overdue.get(liangqu)?.months).toEqual([3, 4]);
    expect(overdue.get(f.sheets.peitao)?.months).toEqual([1, 2, 3, 4]);
    expect(overdue.size).toBe(14);
    // One second earlier April is still on time.
    expect((await findOverdue(prisma(), [year], may10Late)).get(liangqu)?.months).toEqual([3]);
    // Narrowed to some sheets; a sheet with nothing overdue is left out.
    const narrowed = await findOverdue(prisma(), [year], new Date("2025-03-10T16:00:00Z"), { sheetIds: [liangqu, f.sheets.kepu] });
    expect([...narrowed.keys()]).toEqual([f.sheets.kepu]);
    expect(narrowed.get(f.sheets.kepu)?.months).toEqual([1, 2]);
    expect((await findOverdue(prisma(), [year], new Date("2025-01-05T00:00:00Z"))).size).toBe(0);
  });

  it("follows an admin's later deadline, and filters the sheets with anything 逾期", async () => {
    await setDeadlines(
      prisma(),
      f.actors.admin,
      await form((input) => {
        input.months[2] = { due: "2025-05-20", note: "补报" };
      }),
    );
    const year = await year2025();
    const deadlines = await loadYearDeadlines(prisma(), year);
    expect(monthsPastDue(deadlines, may11)).toEqual([1, 2, 4]);
    expect((await findOverdue(prisma(), [year], may11)).get(f.sheets.liangqu)?.months).toEqual([4]);
    const filter = (passed: number[]) =>
      prisma().targetSheet.findMany({ where: { AND: [{ fiscalYearId: year.id }, overdueSheetWhere(passed)] }, select: { id: true } });
    expect((await filter([1, 2])).map((s) => s.id)).not.toContain(f.sheets.liangqu);
    expect((await filter([1, 2, 3])).map((s) => s.id)).toContain(f.sheets.liangqu);
    expect(await filter([])).toEqual([]);
  });

  it("reads each sheet's submitted months, which follow every change of sheet_month and stale no figures", async () => {
    const sheetId = f.sheets.kepu;
    const submitted = async () => (await prisma().targetSheet.findUniqueOrThrow({ where: { id: sheetId }, select: { submittedMonths: true } })).submittedMonths;
    const staleMonths = async () =>
      (
        await prisma().$queryRaw<{ month: number }[]>`SELECT month FROM sheet_figures WHERE sheet_id = ${sheetId} AND computed_seq <> change_seq ORDER BY month`
      ).map((r) => r.month);
    await refreshStaleFigures(prisma(), await year2025());
    expect(await submitted()).toEqual([]);
    await prisma().sheetMonth.createMany({ data: [6, 5, 7].map((month) => ({ sheetId, month, status: "SUBMITTED" as const })) });
    expect(await submitted()).toEqual([5, 6, 7]);
    await prisma().sheetMonth.update({ where: { sheetId_month: { sheetId, month: 6 } }, data: { status: "RETURNED" } });
    expect(await submitted()).toEqual([5, 7]);
    await prisma().sheetMonth.update({ where: { sheetId_month: { sheetId, month: 7 } }, data: { status: "APPROVED" } });
    await prisma().sheetMonth.delete({ where: { sheetId_month: { sheetId, month: 5 } } });
    expect(await submitted()).toEqual([7]);
    // Months 1–4 hold no change: keeping the list did not mark the whole sheet stale.
    expect(await staleMonths()).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
