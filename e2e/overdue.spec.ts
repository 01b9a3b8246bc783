import { expect, type Page, test } from "@playwright/test";
import { pageAs } from "./login";

/**
 * 逾期 (docs/notifications.md, 期限与提醒): every month of 2025 is past its deadline whenever the journeys run, so a month
 * never submitted is 逾期. The admin moves November's deadline (a holiday) on 系统管理 › 年度 and the lead sees it; the
 * lead (范先生), the manager's 工作台 and 绩效看板 show the 三区 sheet's months 逾期 — a sheet no other journey reports
 * on —; the admin then moves November back to its default, leaving the year as the other journeys expect it.
 */
test.describe.configure({ mode: "serial" });

const SHEET = "提前下达2025年“三区”科技人才专项资金";

const deadlinesForm = (page: Page) => page.getByRole("form", { name: "2025年填报期限" });

async function setNovember(page: Page, due: string, note: string) {
  await page.goto("/admin/years");
  const form = deadlinesForm(page);
  await expect(form).toBeVisible();
  await form.getByLabel("2025年11月截止日", { exact: true }).fill(due);
  await form.getByLabel("2025年11月说明", { exact: true }).fill(note);
  await form.getByRole("button", { name: "保存期限" }).click();
}

test("the admin moves November's deadline of 2025; a bad day is refused at its field", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await setNovember(page, "2025-11-15", "");
  await expect(deadlinesForm(page).getByRole("alert")).toContainText("11月：11月的截止日不能早于2025-11-30（该月最后一天）");
  await setNovember(page, "2025/12/15", "e2e 假期顺延");
  await expect(deadlinesForm(page).getByRole("status")).toHaveText("已保存2025年的填报期限：11月 → 2025-12-15（e2e 假期顺延）");
  const november = deadlinesForm(page)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "11月", exact: true }) });
  await expect(november).toContainText("2025-12-15 23:59已调整");
  await page.context().close();
});

test("the lead's 工作台 marks every month of the sheet 逾期, with its deadline", async ({ browser }) => {
  const page = await pageAs(browser, "lead2");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /我的待办.*项逾期/ })).toBeVisible();
  const row = page
    .getByRole("table", { name: "待填报或待提交的月份" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: SHEET, exact: true }) });
  await expect(row.getByRole("link", { name: `填报 ${SHEET} 2025年12月（逾期）` })).toBeVisible();
  await expect(row).toContainText("截止 2026-01-10 23:59，已逾期");
  const november = row.getByRole("link", { name: `填报 ${SHEET} 2025年11月（逾期）` });
  await expect(november).toHaveText("11月·逾期");
  await expect(november).toHaveAttribute("title", /截止 2025-12-15 23:59，已逾期/);
  await expect(row.getByRole("link", { name: /（逾期）$/ })).toHaveCount(12);
  await page.context().close();
});

test("the manager's 工作台 counts it per unit and per sheet, and 绩效看板 shows and filters it", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/");
  const overdue = page.getByRole("region", { name: /逾期未报/ });
  await expect(overdue.getByRole("table", { name: "各单位逾期" })).toContainText("乌鲁木齐市科学技术局");
  const sheetRow = overdue.getByRole("row").filter({ has: page.getByRole("link", { name: SHEET, exact: true }) });
  await expect(sheetRow).toContainText("逾期 1–12月（12个月）");

  await overdue.getByRole("link", { name: "在绩效看板中查看" }).click();
  await expect(page).toHaveURL(/[?&]overdue=1(&|$)/);
  const filters = page.getByRole("form", { name: "筛选" });
  await expect(filters.getByLabel("仅看逾期")).toBeChecked();
  const table = page.getByRole("table", { name: "2025年度绩效看板" });
  await expect(table.getByRole("row").filter({ has: page.getByRole("link", { name: SHEET, exact: true }) })).toContainText("逾期 1–12月（12个月）");
  await expect(table.locator("tfoot")).toContainText(/逾期 \d+ 项/);

  // Unticked, the filter goes and the column stays.
  await filters.getByLabel("仅看逾期").uncheck();
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(page).not.toHaveURL(/overdue=1/);
  await expect(table.getByRole("columnheader", { name: "逾期月份" })).toBeVisible();
  await page.context().close();
});

test("the admin moves November back to its default", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await setNovember(page, "", "");
  await expect(deadlinesForm(page).getByRole("status")).toHaveText("已保存2025年的填报期限：11月 → 2025-12-10（默认）");
  await page.context().close();
});
