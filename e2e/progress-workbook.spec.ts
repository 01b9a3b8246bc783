import fs from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { fillProgressWorkbook, worksheetNames } from "@/lib/testing/progress-workbook";
import { pageAs } from "./login";
import { SHEETS } from "./users";

/**
 * 进度填报工作簿: the lead downloads August of 落实2023年厅地联动市级配套专项资金 from 进度填报 (no other journey uses
 * that sheet's August), fills it as Excel would — a full-width count typed as text, numbers, a list choice, 执行数
 * with a thousands separator — uploads it, checks the preview (old → new, lights), commits, and finds the values on
 * 进度填报. 我的项目 offers the month's workbook of both of the lead's sheets.
 */

const SHEET = SHEETS.peitao.name;
const COUNT = "支持厅地联动项目数量"; // =1项
const PATENTS = "申报知识产权数量"; // >=7件
const REPORTS = "形成年度技术报告"; // >=3份
const BREAKTHROUGH = "推动关键核心技术实现突破"; // 定性

test("a lead downloads August's workbook, fills it, uploads it, checks the preview and commits", async ({ browser }) => {
  const page = await pageAs(browser, "lead");
  await page.goto("/sheets");
  await page.getByRole("link", { name: SHEET, exact: true }).click();
  await expect(page).toHaveURL(/\/sheets\/\d+$/);
  const sheetPath = new URL(page.url()).pathname;
  await page.goto(`${sheetPath}/progress?month=8`);
  await expect(page.getByRole("heading", { level: 1, name: "进度填报 · 2025年8月" })).toBeVisible();
  await expect(page.getByLabel(`实际完成值（截至8月）：${COUNT}`, { exact: true })).toHaveValue("");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载本月工作簿" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`2025年8月进度填报-${SHEET}.xlsx`);
  const bytes = new Uint8Array(await fs.readFile(await download.path()));
  const [worksheet] = await worksheetNames(bytes);
  expect(worksheet).toBe(SHEET);
  const filled = await fillProgressWorkbook(bytes, {
    [worksheet!]: {
      rows: {
        [COUNT]: { value: "１" },
        [PATENTS]: { value: 5, forecast: "8", likelihood: "有可能" },
        [REPORTS]: { value: 2 },
        [BREAKTHROUGH]: { value: "部分达成", likelihood: "确定能", deviationReason: "部分课题尚在验收", improvement: "督促课题组按期结题" },
      },
      executed: "３００．５", // full-width, as text
    },
  });

  await page.getByRole("link", { name: "上传工作簿" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "上传进度填报工作簿" })).toBeVisible();
  await page.getByLabel("填好的进度填报工作簿（.xlsx）").setInputFiles({
    name: "八月进度.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(filled),
  });
  await page.getByRole("button", { name: "上传并预览" }).click();

  const summary = page.getByRole("region", { name: "上传预览" });
  await expect(summary).toContainText("八月进度.xlsx · 1 张表 · 将写入 5 条 · 0 个问题");
  const section = page.getByRole("region", { name: new RegExp(`^工作表“${worksheet}”`) });
  await expect(section).toContainText("执行数（万元）：（空）→改为300.50");
  const countRow = section.getByRole("row").filter({ hasText: COUNT });
  await expect(countRow).toContainText("第 6 行");
  await expect(countRow).toContainText("本月完成值：（空）→改为1");
  await expect(countRow).toContainText("待填报");
  const breakthroughRow = section.getByRole("row").filter({ hasText: BREAKTHROUGH });
  await expect(breakthroughRow).toContainText("本月完成值：（空）→改为部分达成");
  await expect(breakthroughRow).toContainText("黄灯");
  // Nothing is kept before 确认写入.
  await page.goto(`${sheetPath}/progress?month=8`);
  await expect(page.getByLabel(`实际完成值（截至8月）：${COUNT}`, { exact: true })).toHaveValue("");

  // Upload again and commit.
  await page.goto(`/progress/workbook?sheet=${sheetPath.split("/").pop()}&month=8`);
  await page.getByLabel("填好的进度填报工作簿（.xlsx）").setInputFiles({
    name: "八月进度.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(filled),
  });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(summary).toContainText("将写入 5 条");
  await page.getByRole("button", { name: "确认写入" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已写入 5 条填报记录（1 张表）" })).toBeVisible();

  await page.getByRole("link", { name: `${SHEET} · 2025年8月` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "进度填报 · 2025年8月" })).toBeVisible();
  await expect(page.getByLabel(`实际完成值（截至8月）：${COUNT}`, { exact: true })).toHaveValue("1");
  await expect(page.getByLabel(`实际完成值（截至8月）：${PATENTS}`, { exact: true })).toHaveValue("5");
  await expect(page.getByLabel(`实际完成值（截至8月）：${REPORTS}`, { exact: true })).toHaveValue("2");
  await expect(page.getByLabel("执行数（截至8月，万元）", { exact: true })).toHaveValue("300.50");

  // The same upload again finds nothing left to write.
  await page.goto("/progress/workbook");
  await page.getByLabel("填好的进度填报工作簿（.xlsx）").setInputFiles({
    name: "八月进度.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(filled),
  });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(summary).toContainText("将写入 0 条");
  await expect(page.getByRole("button", { name: "确认写入" })).toBeDisabled();
  await page.context().close();
});

test("我的项目 offers this month's workbook of all the lead's sheets", async ({ browser }) => {
  const page = await pageAs(browser, "lead");
  await page.goto("/");
  const mine = page.getByRole("region", { name: "我的项目" });
  const downloading = page.waitForEvent("download");
  await mine.getByRole("link", { name: "下载本月工作簿" }).click();
  const download = await downloading;
  // The month's sheets still open for the lead (another journey may have submitted one): each a worksheet.
  const name = /^\d{4}年\d{1,2}月进度填报（(\d)个项目）\.xlsx$/.exec(download.suggestedFilename());
  expect(name).not.toBeNull();
  const worksheets = await worksheetNames(new Uint8Array(await fs.readFile(await download.path())));
  expect(worksheets).toHaveLength(Number(name![1]));
  expect(["“两区”创新建设专项", SHEET]).toEqual(expect.arrayContaining(worksheets));
  await mine.getByRole("link", { name: "上传工作簿" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "上传进度填报工作簿" })).toBeVisible();
  await page.context().close();
});
