import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AFTER_2025, createFixture, type Fixture } from "@/lib/testing/progress-fixtures";
import { type CurrentText, carryOverFills, isCarriedDraft } from "./carry-over";
import { getProgress } from "./get-progress";
import type { LikelihoodLabel } from "./labels";
import type { ProgressRowView, ProgressView } from "./progress-view";
import { saveProgress } from "./save-progress";

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
});
afterAll(async () => {
  await f?.db.close();
});

const now = { now: AFTER_2025 };
const row = (i: number) => f.liangquRows[i]!.id;
const view = (month: number) => getProgress(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month }, now);

/** The form as the page starts it: each field shows what is saved. */
const savedText =
  (v: ProgressView): CurrentText =>
  (indicatorId, field) => {
    const r = v.rows.find((x) => x.indicatorId === indicatorId)!;
    return r.entry[field] ?? "";
  };

const saved = (r: ProgressRowView) => ({ value: r.entry.value, likelihood: r.entry.likelihood, forecast: r.entry.forecast });

describe("沿用上月", () => {
  it("fills only the empty rows, with the previous month's qualitative status, 完成目标可能性 and 全年预计完成值; the lead's save stores exactly that", async () => {
    await saveProgress(
      f.db.prisma,
      f.actors.lead,
      {
        sheetId: f.sheets.liangqu,
        month: 7,
        rows: [
          { indicatorId: row(0), version: 0, value: "1", likelihood: "确定能", forecast: "3" },
          { indicatorId: row(1), version: 0, value: "2", likelihood: "有可能", forecast: "4" },
          { indicatorId: row(2), version: 0, value: "5" },
          { indicatorId: row(6), version: 0, value: "部分达成", likelihood: "有可能" },
        ],
      },
      now,
    );
    // August: row 0 already has a value saved, row 1 only a reason typed — neither is empty.
    await saveProgress(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month: 8, rows: [{ indicatorId: row(0), version: 0, value: "2" }] }, now);
    const august = await view(8);
    const typed: CurrentText = (id, field) => (id === row(1) && field === "deviationReason" ? "人员调整" : savedText(august)(id, field));

    const { fills, reason } = carryOverFills(august.month, august.rows, typed);
    expect(reason).toBeNull();
    expect(fills).toEqual([
      // Row 2 had only a measured value in July: a value never carries, so nothing to fill there.
      { indicatorId: row(6), field: "value", value: "部分达成" },
      { indicatorId: row(6), field: "likelihood", value: "有可能" },
    ]);

    // Nothing is written by filling; the form shows the row as 沿用上月 until the lead saves it.
    const filled: CurrentText = (id, field) => fills.find((x) => x.indicatorId === id && x.field === field)?.value ?? typed(id, field);
    const r6 = august.rows.find((r) => r.indicatorId === row(6))!;
    expect(r6.entry.id).toBeNull();
    expect(isCarriedDraft({ ...r6, saved: saved(r6) }, filled)).toBe(true);
    expect(isCarriedDraft({ ...august.rows[0]!, saved: saved(august.rows[0]!) }, filled)).toBe(false);

    await saveProgress(
      f.db.prisma,
      f.actors.lead,
      {
        sheetId: f.sheets.liangqu,
        month: 8,
        rows: [{ indicatorId: row(6), version: 0, value: filled(row(6), "value"), likelihood: filled(row(6), "likelihood") as LikelihoodLabel }],
      },
      now,
    );
    const after = await view(8);
    expect(after.rows.map((r) => [r.entry.value, r.entry.likelihood, r.entry.forecast])).toEqual([
      ["2", null, null],
      [null, null, null],
      [null, null, null],
      [null, null, null],
      [null, null, null],
      [null, null, null],
      ["部分达成", "有可能", null],
    ]);
    const r6After = after.rows.find((r) => r.indicatorId === row(6))!;
    expect(isCarriedDraft({ ...r6After, saved: saved(r6After) }, savedText(after))).toBe(false);
    // Row 1 is still not empty (its typed reason), so nothing is left to fill.
    expect(carryOverFills(8, after.rows, (id, field) => (id === row(1) && field === "deviationReason" ? "人员调整" : savedText(after)(id, field)))).toEqual({
      fills: [],
      reason: "可沿用7月的各行均已填写，没有空行需要填充",
    });
  });

  it("is unavailable in January and when the previous month carries nothing", async () => {
    const january = await view(1);
    expect(carryOverFills(1, january.rows, savedText(january)).reason).toBe("1月没有上月可沿用");
    const october = await view(10);
    expect(october.rows.every((r) => r.carryOver === null)).toBe(true);
    expect(carryOverFills(10, october.rows, savedText(october)).reason).toBe("9月没有可沿用的完成目标可能性、全年预计完成值或定性指标完成情况");
  });
});
