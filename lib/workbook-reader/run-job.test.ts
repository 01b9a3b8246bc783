import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { newProjectCells, workbookOf } from "@/lib/testing/authoring-workbooks";
import { largeTargetWorkbook } from "@/lib/testing/large-workbooks";
import { NOT_A_PROGRESS_WORKBOOK } from "@/lib/xlsx/read-progress-workbook";
import { sheetBomb, sheetXml, WORKBOOK_PARTS, type ZipPart, zipOf } from "@/lib/testing/zip-files";
import { WORKBOOK_LIMITS as L } from "./limits";
import { runWorkbookJob } from "./run-job";

const options = { department: "乌鲁木齐市科学技术局" };

/** The refusal a read ends in: its message (the person's sentence), or a failure of the test when it is read. */
async function refusal(read: Promise<unknown>): Promise<string> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the workbook was read instead of refused").toBeInstanceOf(AppError);
  const e = error as AppError;
  expect([e.code, e.problems[0]?.path, e.problems[0]?.message]).toEqual(["INVALID", "file", e.message]);
  return e.message;
}

const workbookWith = (...parts: ZipPart[]) => zipOf([...WORKBOOK_PARTS, ...parts]);
const MB = 1024 * 1024;

/**
 * What the process pays while `attempt` runs: the growth of its resident memory (peak, sampled every 10 ms, and
 * after), and the longest gap between ticks of a 10 ms timer — how long the request thread was not answering.
 */
async function cost<T>(attempt: () => Promise<T>): Promise<{ value: T | undefined; peakMb: number; afterMb: number; longestGapMs: number; ticks: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  let last = performance.now();
  let longestGapMs = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    ticks++;
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  let value: T | undefined;
  try {
    value = await attempt();
  } catch {
    value = undefined;
  } finally {
    clearInterval(timer);
  }
  const after = process.memoryUsage().rss;
  return { value, peakMb: (peak - before) / MB, afterMb: (after - before) / MB, longestGapMs, ticks };
}

beforeAll(async () => {
  // A started worker (its isolate, tsx, the readers) is not what a bomb costs: start one first.
  await runWorkbookJob("target-sheets", await workbookOf({ 表: newProjectCells() }), options);
});

describe("runWorkbookJob: target-sheets", () => {
  it("reads a workbook in a worker: year, sheets, validated file and lint, as plain data", async () => {
    const read = await runWorkbookJob("target-sheets", await workbookOf({ 表: newProjectCells() }), options);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect([read.year, read.file.sheets.map((s) => s.name), read.valid.sheets[0]!.indicators[0]!.target]).toEqual([
      2024,
      ["2024年科技成果转化示范项目"],
      { op: ">=", value: "5", unit: "项" },
    ]);
    expect(read.lint[0]!.map((i) => i.level)).toContain("warning");
  });

  it("tells a workbook without a year from one with problems", async () => {
    const noYear = await runWorkbookJob("target-sheets", await workbookOf({ 表: newProjectCells({ "A2:I2": "（    年）" }) }), options);
    expect(noYear).toEqual({ ok: false, year: undefined, problems: [] });
    const broken = await runWorkbookJob("target-sheets", await workbookOf({ 表: newProjectCells({ G9: "十分" }) }), options);
    expect(broken.ok).toBe(false);
    expect(broken.problems.map((p) => p.path)).toEqual(["工作表「表」单元格 G9 指标分值权重"]);
  });
});

describe("runWorkbookJob: progress", () => {
  it("reads a workbook as the 进度填报工作簿 reader does, in a worker", async () => {
    const read = await runWorkbookJob("progress", await workbookOf({ 表: newProjectCells() }), {});
    expect(read).toEqual({ sheets: [], skipped: ["表"], problems: [{ worksheet: null, row: null, column: null, message: NOT_A_PROGRESS_WORKBOOK }] });
  });
});

describe("runWorkbookJob: limits checked before expanding (request thread)", () => {
  it("refuses a zip bomb by the size it declares: 400 MB of sheet XML in a few hundred KB", async () => {
    const bomb = await sheetBomb(400);
    const file = workbookWith({ name: "xl/worksheets/sheet1.xml", deflated: bomb.deflated, declaredSize: bomb.size });
    expect(file.byteLength).toBeLessThan(700 * 1024);
    const run = await cost(() => refusal(runWorkbookJob("target-sheets", file, options)));
    expect(run.value).toBe("工作簿解压后超过 50 MB（声明 400 MB），已拒绝");
    expect(run.peakMb).toBeLessThan(100);
  });

  it("refuses a part compressed far more than sheet XML ever is", async () => {
    const bomb = await sheetBomb(4);
    const file = workbookWith({ name: "xl/sharedStrings.xml", deflated: bomb.deflated, declaredSize: bomb.size });
    expect(await refusal(runWorkbookJob("target-sheets", file, options))).toMatch(
      /^工作簿的「xl\/sharedStrings\.xml」压缩比为 [\d,]+ 倍，超过上限 200 倍（疑似压缩炸弹），已拒绝$/,
    );
  });

  it("refuses too many worksheets, too many parts, too large a file, and what is not a zip", async () => {
    const sheets = Array.from({ length: L.worksheets + 1 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(1) }));
    expect(await refusal(runWorkbookJob("target-sheets", workbookWith(...sheets), options))).toBe("工作簿有 301 张工作表，超过上限 300，已拒绝");
    const parts = Array.from({ length: L.entries }, (_, i) => ({ name: `xl/media/image${i + 1}.png`, data: "" }));
    expect(await refusal(runWorkbookJob("target-sheets", workbookWith(...parts), options))).toMatch(/^工作簿包含 2,00\d 个压缩条目，超过上限 2,000，已拒绝$/);
    expect(await refusal(runWorkbookJob("target-sheets", new Uint8Array(L.fileBytes + 1), options))).toBe("文件过大：10 MB，上限 10 MB，已拒绝");
    expect(await refusal(runWorkbookJob("target-sheets", new TextEncoder().encode("not a workbook"), options))).toBe(
      "不是有效的 Excel 工作簿（.xlsx）：找不到压缩包目录（文件不完整或不是 .xlsx）",
    );
  });
});

describe("runWorkbookJob: limits checked while expanding (worker)", () => {
  it("refuses a bomb that lies about its size, expanding no more than it declared, the request thread ticking throughout", async () => {
    const bomb = await sheetBomb(300);
    // Declares 2 KB; inflating it in full would be 300 MB.
    const file = workbookWith({ name: "xl/worksheets/sheet1.xml", deflated: bomb.deflated, declaredSize: 2048 });
    const run = await cost(() => refusal(runWorkbookJob("target-sheets", file, options)));
    expect(run.value).toBe("工作簿的「xl/worksheets/sheet1.xml」解压后超过其声明的 2 KB（疑似压缩炸弹），已拒绝");
    expect(run.peakMb).toBeLessThan(100);
    expect(run.afterMb).toBeLessThan(100);
  });

  it("refuses too many rows, too many cells and a used range too large to walk, naming the file's figure", async () => {
    const rows = workbookWith({ name: "xl/worksheets/sheet1.xml", data: sheetXml(L.rows + 1) });
    expect(await refusal(runWorkbookJob("target-sheets", rows, options))).toBe("工作簿共有 20,001 行，超过上限 20,000 行，已拒绝");
    const cells = workbookWith({ name: "xl/worksheets/sheet1.xml", data: sheetXml(5_001, 30) });
    expect(await refusal(runWorkbookJob("target-sheets", cells, options))).toBe("工作簿共有 150,030 个单元格，超过上限 150,000 个，已拒绝");
    // One cell far out: row 19,000, column DV (126): 2.4 million positions.
    const far = workbookWith({ name: "xl/worksheets/sheet1.xml", data: sheetXml(1, 126, 19_000) });
    expect(await refusal(runWorkbookJob("target-sheets", far, options))).toBe(
      "工作簿的「xl/worksheets/sheet1.xml」使用区域为 19,000 行 × 126 列，合计超过上限 2,000,000 个单元格位置，已拒绝",
    );
  });

  it("stops a read that runs out of time, and the next read still works", async () => {
    const file = await largeTargetWorkbook({ forms: 1, rowsPerForm: 200 });
    expect(await refusal(runWorkbookJob("target-sheets", file, options, 5))).toBe("读取工作簿超过 0.005 秒，已停止并拒绝");
    expect((await runWorkbookJob("target-sheets", file, options)).ok).toBe(true);
  });
});

describe("runWorkbookJob: the request thread keeps answering", () => {
  it("while a 5,000-row workbook is read (reading it on the request thread stalled it for seconds)", async () => {
    const file = await largeTargetWorkbook({ forms: 25, rowsPerForm: 200 });
    const run = await cost(() => runWorkbookJob("target-sheets", file, options));
    expect(run.value?.ok).toBe(true);
    expect(run.value?.ok && run.value.file.sheets.length).toBe(25);
    // A 10 ms timer: on a busy 2-core machine a gap of a few tens of ms happens anyway; reading here took ~1 s.
    expect(run.longestGapMs).toBeLessThan(250);
    expect(run.ticks).toBeGreaterThan(5);
  });
});
