import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setPeriodLock } from "@/lib/fiscal-years/set-period-lock";
import { getProgress } from "@/lib/progress/get-progress";
import { saveProgress } from "@/lib/progress/save-progress";
import { AFTER_2025, createFixture, type Fixture, refusal } from "@/lib/testing/progress-fixtures";
import { fillProgressWorkbook, worksheetNames } from "@/lib/testing/progress-workbook";
import { applyUpload } from "./apply-upload";
import { exportProgressWorkbook } from "./export-progress-workbook";
import { readProgressWorkbook } from "@/lib/xlsx/read-progress-workbook";

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
});
afterAll(async () => {
  await f?.db.close();
});

const now = { now: AFTER_2025 };
const row = (i: number) => f.liangquRows[i]!;
const name = (i: number) => row(i).name;
const download = async (input: Parameters<typeof exportProgressWorkbook>[2], who: keyof Fixture["actors"] = "lead") =>
  new Uint8Array((await exportProgressWorkbook(f.db.prisma, f.actors[who], input, now)).bytes);
const upload = async (bytes: Uint8Array, mode: "preview" | "commit", who: keyof Fixture["actors"] = "lead") =>
  applyUpload(f.db.prisma, f.actors[who], await readProgressWorkbook(bytes), mode, now);
const auditCount = () => f.db.prisma.auditLog.count();
const stored = async (month: number) =>
  (await getProgress(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month }, now)).rows.map((r) => [
    r.entry.value,
    r.entry.forecast,
    r.entry.likelihood,
  ]);

describe("the progress workbook", () => {
  it("downloads every sheet the lead fills in for the month, one worksheet each, or one sheet", async () => {
    const all = await exportProgressWorkbook(f.db.prisma, f.actors.lead, { year: 2025, month: 7 }, now);
    expect(all.filename).toBe("2025年7月进度填报（2个项目）.xlsx");
    expect(await worksheetNames(new Uint8Array(all.bytes))).toEqual(["“两区”创新建设专项", "落实2023年厅地联动市级配套专项资金"]);
    const read = await readProgressWorkbook(new Uint8Array(all.bytes));
    expect(read.problems).toEqual([]);
    expect(read.sheets.map((s) => [s.sheetId, s.month, s.monthVersion, s.rows.length])).toEqual([
      [f.sheets.liangqu, 7, 0, 7],
      [f.sheets.peitao, 7, 0, expect.any(Number)],
    ]);
    const one = await exportProgressWorkbook(f.db.prisma, f.actors.manager, { sheetId: f.sheets.kepu, month: 3 }, now);
    expect(one.filename).toBe("2025年3月进度填报-乌鲁木齐市系列科普工作.xlsx");
    expect((await refusal(exportProgressWorkbook(f.db.prisma, f.actors.lead2, { sheetId: f.sheets.liangqu, month: 3 }, now))).code).toBe("FORBIDDEN");
    // A manager fills in nothing: the all-sheets workbook is refused with a sentence.
    expect((await refusal(exportProgressWorkbook(f.db.prisma, f.actors.manager, { year: 2025, month: 7 }, now))).message).toContain(
      "没有可填报2025年7月进度的项目",
    );
  });

  it("an untouched workbook previews as nothing to write and writes nothing", async () => {
    const bytes = await download({ sheetId: f.sheets.liangqu, month: 2 });
    const preview = await upload(bytes, "preview");
    expect(preview).toMatchObject({ writes: 0, canCommit: false, problems: [] });
    expect(preview.sheets[0]!.unchanged).toBe(7);
  });

  it("round trip: download → fill → upload → commit stores what the form stores for the same values, with equal lights and scores", async () => {
    const bytes = await download({ year: 2025, month: 7 });
    const [liangqu] = await worksheetNames(bytes);
    const filled = await fillProgressWorkbook(bytes, {
      [liangqu!]: {
        rows: {
          [name(0)]: { value: "２" }, // full-width, as text
          [name(1)]: { value: 1, forecast: "3", likelihood: "有可能", deviationReason: "项目评审延期", improvement: "加快评审进度" },
          [name(2)]: { value: 2 },
          [name(3)]: { value: "1.75" },
          [name(4)]: { value: "1" },
          [name(5)]: { value: "100%" },
          [name(6)]: { value: "部分达成", likelihood: "确定能" },
        },
        executed: "１，０００．５", // full-width with a thousands separator, as text
      },
    });

    const auditBefore = await auditCount();
    const preview = await upload(filled, "preview");
    expect(await auditCount()).toBe(auditBefore); // the preview keeps nothing
    expect(await stored(7)).toEqual(Array(7).fill([null, null, null]));
    expect(preview.problems).toEqual([]);
    expect(preview.canCommit).toBe(true);
    expect(preview.writes).toBe(8);
    const sheet = preview.sheets[0]!;
    expect(sheet).toMatchObject({ worksheet: liangqu, monthLabel: "2025年7月", executed: { before: "（空）", after: "1000.50" }, problems: [] });
    expect(sheet.rows.map((r) => r.row)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(sheet.rows[0]!.changes).toEqual([{ column: "本月完成值", before: "（空）", after: "2" }]);
    expect(sheet.rows[1]!.lightAfter).toMatchObject({ label: "红灯·进度滞后" });
    expect(sheet.rows[0]!.lightBefore).toMatchObject({ label: "待填报" });
    expect(preview.sheets[1]!.writes).toBe(0);

    const committed = await upload(filled, "commit");
    expect(committed.writes).toBe(8);
    expect(await auditCount()).toBe(auditBefore + 8);
    const viaWorkbook = await getProgress(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month: 7 }, now);

    // The same values typed into the form, on a fresh database.
    const g = await createFixture();
    try {
      const rows = g.liangquRows;
      await saveProgress(
        g.db.prisma,
        g.actors.lead,
        {
          sheetId: g.sheets.liangqu,
          month: 7,
          rows: [
            { indicatorId: rows[0]!.id, version: 0, value: "２" },
            {
              indicatorId: rows[1]!.id,
              version: 0,
              value: "1",
              forecast: "3",
              likelihood: "有可能",
              deviationReason: "项目评审延期",
              improvement: "加快评审进度",
            },
            { indicatorId: rows[2]!.id, version: 0, value: "2" },
            { indicatorId: rows[3]!.id, version: 0, value: "1.75" },
            { indicatorId: rows[4]!.id, version: 0, value: "1" },
            { indicatorId: rows[5]!.id, version: 0, value: "100%" },
            { indicatorId: rows[6]!.id, version: 0, value: "部分达成", likelihood: "确定能" },
          ],
          executed: { value: "1,000.50", version: 0 },
        },
        now,
      );
      const viaForm = await getProgress(g.db.prisma, g.actors.lead, { sheetId: g.sheets.liangqu, month: 7 }, now);
      const essence = (v: typeof viaForm) => ({
        rows: v.rows.map((r) => ({ entry: { ...r.entry, id: null, updatedAt: null }, light: r.light, projected: r.projected })),
        budget: v.budget,
        sheetLight: v.sheetLight,
        projected: v.projected,
      });
      expect(essence(viaWorkbook)).toEqual(essence(viaForm));
      expect(viaWorkbook.projected).not.toBeNull();
    } finally {
      await g.db.close();
    }
  });

  it("reads numbers as the form does and names every problem by worksheet, row and column", async () => {
    const bytes = await download({ sheetId: f.sheets.liangqu, month: 5 });
    const [ws] = await worksheetNames(bytes);
    const filled = await fillProgressWorkbook(bytes, {
      [ws!]: {
        rows: {
          [name(0)]: { value: "1,2" },
          [name(1)]: { value: "1", forecast: "abc" },
          [name(2)]: { value: "３" },
          [name(4)]: { likelihood: "也许" },
          [name(6)]: { value: "完成" },
        },
        executed: "12a",
      },
    });
    const before = await auditCount();
    const preview = await upload(filled, "preview");
    expect(preview.canCommit).toBe(false);
    expect(preview.problems).toEqual([]);
    const problems = preview.sheets.flatMap((s) => s.problems);
    // The schema refuses a likelihood outside the list before any value is judged.
    expect(problems).toEqual([`工作表“${ws}”第 10 行“完成目标可能性”：完成目标可能性应为 确定能、有可能 或 完全不可能`]);

    const fixedLikelihood = await fillProgressWorkbook(filled, { [ws!]: { rows: { [name(4)]: { likelihood: "有可能" } } } });
    const again = (await upload(fixedLikelihood, "preview")).sheets[0]!.problems;
    expect(again).toEqual([
      `工作表“${ws}”第 6 行“本月完成值”：「1,2」不是有效的数字：千位分隔符应每三位一个，如 1,600.50`,
      `工作表“${ws}”第 7 行“全年预计完成值”：「abc」不是有效的数字`,
      `工作表“${ws}”第 12 行“本月完成值”：该指标是定性指标，完成情况只能是 达成、部分达成 或 未达成（收到「完成」）`,
      `工作表“${ws}”第 3 行“执行数”：「12a」不是有效的数字`,
    ]);
    const err = await refusal(upload(fixedLikelihood, "commit"));
    expect(err.code).toBe("INVALID");
    expect(err.problems.map((p) => p.message)).toContain(`工作表“${ws}”第 7 行“全年预计完成值”：「abc」不是有效的数字`);
    expect(await auditCount()).toBe(before);
  });

  it("refuses a row changed by someone else since the download, naming it, and writes nothing", async () => {
    const bytes = await download({ sheetId: f.sheets.liangqu, month: 8 });
    const [ws] = await worksheetNames(bytes);
    // Meanwhile the lead saves rows 1 and 2 in the form.
    await saveProgress(
      f.db.prisma,
      f.actors.lead,
      {
        sheetId: f.sheets.liangqu,
        month: 8,
        rows: [
          { indicatorId: row(0).id, version: 0, value: "5" },
          { indicatorId: row(1).id, version: 0, value: "4" },
        ],
      },
      now,
    );
    // The workbook changes row 1 (stale) and row 3; row 2 is untouched in it and is left as saved.
    const filled = await fillProgressWorkbook(bytes, { [ws!]: { rows: { [name(0)]: { value: 6 }, [name(2)]: { value: 1 } } } });
    const before = await auditCount();
    const preview = await upload(filled, "preview");
    expect(preview.canCommit).toBe(false);
    expect(preview.sheets[0]!.problems).toHaveLength(1);
    expect(preview.sheets[0]!.problems[0]).toMatch(new RegExp(`^工作表“${ws}”第 6 行：「${name(0)}」`));
    const err = await refusal(upload(filled, "commit"));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toContain("本次未写入任何内容");
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]!.message).toMatch(new RegExp(`^工作表“${ws}”第 6 行：「${name(0)}」`));
    expect(await auditCount()).toBe(before);
    expect((await stored(8)).slice(0, 3)).toEqual([
      ["5", null, null],
      ["4", null, null],
      [null, null, null],
    ]);

    // Untouched in the workbook, row 2 is not stale: without row 1 the upload goes through and keeps row 2's save.
    const onlyRow3 = await fillProgressWorkbook(bytes, { [ws!]: { rows: { [name(2)]: { value: 1 } } } });
    expect((await upload(onlyRow3, "commit")).writes).toBe(1);
    expect((await stored(8)).slice(0, 3)).toEqual([
      ["5", null, null],
      ["4", null, null],
      ["1", null, null],
    ]);
  });

  it("writes several sheets in one transaction: one refused row leaves every sheet as it was; the audit is the form's", async () => {
    const bytes = await download({ year: 2025, month: 10 });
    const [liangqu, peitao] = await worksheetNames(bytes);
    const peitaoFirst = (await f.db.prisma.indicator.findFirstOrThrow({ where: { sheetId: f.sheets.peitao }, orderBy: { position: "asc" } })).name;
    const both = await fillProgressWorkbook(bytes, {
      [liangqu!]: { rows: { [name(0)]: { value: 3 } } },
      [peitao!]: { rows: { [peitaoFirst]: { value: 1 } }, executed: 100 },
    });
    // Meanwhile someone saves 两区's first row of October.
    await saveProgress(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month: 10, rows: [{ indicatorId: row(0).id, version: 0, value: "2" }] }, now);
    const before = await auditCount();
    const err = await refusal(upload(both, "commit"));
    expect(err.code).toBe("CONFLICT");
    expect(await auditCount()).toBe(before);
    const peitaoView = () => getProgress(f.db.prisma, f.actors.lead, { sheetId: f.sheets.peitao, month: 10 }, now);
    expect((await peitaoView()).rows[0]!.entry.value).toBeNull();
    expect((await peitaoView()).budget.executed).toBeNull();

    // Without the stale row, both sheets' changes are written, audited as the form audits them.
    const since = (await f.db.prisma.auditLog.aggregate({ _max: { id: true } }))._max.id!;
    const onlyPeitao = await fillProgressWorkbook(bytes, { [peitao!]: { rows: { [peitaoFirst]: { value: 1 } }, executed: 100 } });
    expect((await upload(onlyPeitao, "commit")).writes).toBe(2);
    const entries = await f.db.prisma.auditLog.findMany({ where: { id: { gt: since } }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.action, e.entityType, e.actorId])).toEqual([
      ["progress.save", "ProgressEntry", (f.actors.lead as { id: number }).id],
      ["progress.executed", "SheetMonth", (f.actors.lead as { id: number }).id],
    ]);
    expect((await peitaoView()).budget.executed).toBe("100.00");
    expect((await stored(10))[0]).toEqual(["2", null, null]);
  });

  it("shows an unusual value as a question in the preview; committing after it confirms it", async () => {
    const bytes = await download({ sheetId: f.sheets.liangqu, month: 11 });
    const [ws] = await worksheetNames(bytes);
    const filled = await fillProgressWorkbook(bytes, { [ws!]: { rows: { [name(0)]: { value: 31 } } } });
    const preview = await upload(filled, "preview");
    expect(preview.canCommit).toBe(true);
    expect(preview.sheets[0]!.questions).toEqual([`工作表“${ws}”第 6 行“本月完成值”：31项 超过目标值 3项 的 10 倍，请确认没有多输位数`]);
    expect(preview.sheets[0]!.rows[0]!.lightAfter).not.toBeNull();
    expect((await upload(filled, "commit")).writes).toBe(1);
    expect((await stored(11))[0]).toEqual(["31", null, null]);
  });

  it("refuses a month locked since the download, and a workbook of someone else's sheet", async () => {
    const bytes = await download({ sheetId: f.sheets.liangqu, month: 1 });
    const [ws] = await worksheetNames(bytes);
    const filled = await fillProgressWorkbook(bytes, { [ws!]: { rows: { [name(0)]: { value: 1 } } } });
    await setPeriodLock(f.db.prisma, f.actors.admin, { year: 2025, throughMonth: 1, reason: "" });
    try {
      const preview = await upload(filled, "preview");
      expect(preview.canCommit).toBe(false);
      expect(preview.sheets[0]!.problems[0]).toMatch(new RegExp(`^工作表“${ws}”：.*锁定`));
      const err = await refusal(upload(filled, "commit"));
      expect(err.code).toBe("LOCKED");
    } finally {
      await setPeriodLock(f.db.prisma, f.actors.admin, { year: 2025, throughMonth: 0, reason: "测试结束，解除锁定" });
    }

    const before = await auditCount();
    const others = await upload(filled, "preview", "lead2");
    expect(others.canCommit).toBe(false);
    expect(others.problems).toEqual([`工作表“${ws}”：不能上传：这张表不是你负责填报的（或已不存在）`]);
    const err = await refusal(upload(filled, "commit", "lead2"));
    expect(err.code).toBe("INVALID");
    expect(err.problems).toEqual([{ path: "", message: `工作表“${ws}”：不能上传：这张表不是你负责填报的（或已不存在）` }]);
    expect(await auditCount()).toBe(before);
  });

  it("refuses what is not its workbook, and hidden ids someone changed", async () => {
    const notXlsx = await readProgressWorkbook(new TextEncoder().encode("not a workbook"));
    expect(notXlsx.problems[0]!.message).toMatch(/^不是有效的 Excel 工作簿/);
    const bytes = await download({ sheetId: f.sheets.liangqu, month: 4 });
    const [ws] = await worksheetNames(bytes);
    const tampered = await readProgressWorkbook(await fillProgressWorkbook(bytes, { [ws!]: { cells: { N7: "abc", M1: "x" } } }));
    expect(tampered.sheets).toEqual([]);
    expect(tampered.skipped).toEqual([ws]);
    expect(tampered.problems[0]!.message).toContain("不是本系统下载的进度填报工作簿");
    const idChanged = await readProgressWorkbook(await fillProgressWorkbook(bytes, { [ws!]: { cells: { N7: "abc" } } }));
    expect(idChanged.problems).toEqual([{ worksheet: ws, row: 7, column: null, message: "隐藏的编号或版本被改动，请重新下载本月工作簿后再填写" }]);
    // The result crosses a worker boundary as it is.
    expect(structuredClone(idChanged)).toEqual(idChanged);
  });
});
