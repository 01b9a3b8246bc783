import ExcelJS from "exceljs";
import { type Browser, expect, test } from "@playwright/test";
import { pageAs } from "./login";
import { SHEETS, type UserKey } from "./users";

/**
 * The scorecard journey: two leads report October on their progress pages (one sheet of 乌鲁木齐市科学技术局, one of
 * 乌鲁木齐科技信息服务中心, both falling behind); a manager filters the scorecard to the red sheets of one unit — the
 * filters kept in the URL —, exports it to .xlsx and reads the file, then drills down to the sheet's monitor.
 */
test.describe.configure({ mode: "serial" });

const UNIT = "乌鲁木齐市科学技术局";

async function reportOctober(browser: Browser, user: UserKey, sheet: string, indicator: string) {
  const page = await pageAs(browser, user, { acceptDownloads: true });
  await page.goto("/sheets");
  await page.getByRole("link", { name: sheet, exact: true }).click();
  await expect(page).toHaveURL(/\/sheets\/\d+$/);
  await page.goto(`${new URL(page.url()).pathname}/progress?month=10`);
  await expect(page.getByRole("heading", { level: 1, name: "进度填报 · 2025年10月" })).toBeVisible();
  await page.getByLabel(`实际完成值（截至10月）：${indicator}`, { exact: true }).fill("0");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("已保存 1 项修改");
  await page.context().close();
}

test("two leads report October, each with a row not started", async ({ browser }) => {
  await reportOctober(browser, "lead", SHEETS.liangqu.name, SHEETS.liangqu.indicator);
  await reportOctober(browser, "lead2", SHEETS.kepu.name, SHEETS.kepu.indicator);
});

test("a manager filters the scorecard to the red sheets of one unit and exports it", async ({ browser }) => {
  const page = await pageAs(browser, "manager", { acceptDownloads: true });
  // December: October's reports measured at 12/12 (by default the scorecard shows the latest submitted month).
  await page.goto("/scorecard?month=12");
  await expect(page.getByRole("heading", { level: 1, name: "2025年度绩效看板 （截至2025年12月）" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "2025年度绩效看板" })).toBeVisible();
  const cards = page.getByRole("region", { name: "概况" });
  await expect(cards.getByRole("group", { name: "项目数" })).toContainText("13 项");
  await expect(cards.getByRole("group", { name: "预警分布" })).toContainText(/红灯·进度滞后\s*2/);
  await expect(page.getByRole("img", { name: /^得分分布/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^各单位预警/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "部门整体绩效目标" })).toContainText("部门整体绩效目标");

  const table = page.getByRole("table", { name: "2025年度绩效看板" });
  await expect(table.getByRole("link", { name: SHEETS.kepu.name })).toBeVisible();

  const filters = page.getByRole("form", { name: "筛选" });
  await filters.getByLabel("预算单位", { exact: true }).selectOption({ label: UNIT });
  await filters.getByLabel("预警", { exact: true }).selectOption({ label: "红灯·进度滞后" });
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/[?&]light=red(&|$)/);
  await expect(page).toHaveURL(/[?&]unit=\d+(&|$)/);

  const only = async () => {
    await expect(table.getByRole("link", { name: SHEETS.liangqu.name })).toBeVisible();
    await expect(table.getByRole("link", { name: SHEETS.kepu.name })).toHaveCount(0);
    await expect(table.locator("tbody").getByRole("row")).toHaveCount(1);
    await expect(table.locator("tbody").getByRole("row")).toContainText("红灯·进度滞后");
    await expect(table.locator("tfoot")).toContainText("合计（1 项）");
  };
  await only();
  // The URL keeps the filters: a reload, and a sort by another column, show the same sheets.
  await page.reload();
  await only();
  await expect(filters.getByLabel("预警", { exact: true })).toHaveValue("red");
  await table.getByRole("link", { name: "全年预算数（万元）" }).click();
  await expect(page).toHaveURL(/sort=budget&dir=asc/);
  await expect(page).toHaveURL(/light=red/);
  await only();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出Excel" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("2025年度绩效看板（截至12月）.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet("绩效看板")!;
  expect(sheet.getCell("A2").value).toContain(`预算单位＝${UNIT}，预警＝红灯`);
  expect(sheet.getCell("A4").value).toBe(UNIT);
  expect(sheet.getCell("B4").value).toBe(SHEETS.liangqu.name);
  expect(sheet.getCell("I4").value).toBe("红灯·进度滞后");
  expect(sheet.getCell("A5").value).toBe("合计（1 项）");

  // Drill down to the sheet.
  await table.getByRole("link", { name: SHEETS.liangqu.name }).click();
  await expect(page).toHaveURL(/\/sheets\/\d+\/monitor\?month=12$/);
  await expect(page.getByRole("heading", { level: 1, name: `运行监控 · ${SHEETS.liangqu.name}` })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(SHEETS.liangqu.indicator) }) });
  await expect(row).toContainText("红灯·进度滞后");
  await expect(row).toContainText("截至2025年10月");
  await expect(row.getByRole("img", { name: new RegExp(`^${SHEETS.liangqu.indicator}每月完成值`) })).toBeVisible();
  await expect(page.getByRole("img", { name: /^预算执行（万元）/ })).toBeVisible();
  await page.context().close();
});
