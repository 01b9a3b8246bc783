import { type Browser, expect, type Page, test } from "@playwright/test";
import { pageAs } from "./login";
import { SHEETS } from "./users";

/**
 * Period lock: the admin locks 2025 through February on 系统管理 › 年度; the lead's February of 两区 is then
 * read-only, marked 已锁定（管理员已锁定至2月）; the admin unlocks it again (a reason is required), leaving the
 * year as the other journeys expect it (no other spec uses January or February).
 */
test.describe.configure({ mode: "serial" });

const lockForm = (page: Page) => page.getByRole("form", { name: "期间锁定" });
const yearRow = (page: Page) => page.getByRole("table", { name: "年度列表" }).getByRole("row").filter({ hasText: "2025年" });
const FEBRUARY_VALUE = `实际完成值（截至2月）：${SHEETS.liangqu.indicator}`;

async function februaryOfLiangqu(browser: Browser): Promise<Page> {
  const page = await pageAs(browser, "lead");
  await page.goto("/sheets");
  await page.getByRole("link", { name: SHEETS.liangqu.name, exact: true }).click();
  await expect(page).toHaveURL(/\/sheets\/\d+$/);
  await page.goto(`${new URL(page.url()).pathname}/progress?month=2`);
  await expect(page.getByRole("heading", { level: 1, name: "进度填报 · 2025年2月" })).toBeVisible();
  return page;
}

test("the admin locks 2025 through February and the lead's February is read-only", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/years");
  await expect(admin.getByRole("heading", { level: 1, name: "年度与期间锁定" })).toBeVisible();
  await expect(yearRow(admin)).toContainText("未锁定");
  await lockForm(admin).getByLabel("年度").selectOption("2025");
  await lockForm(admin).getByLabel("锁定至").selectOption("2");
  await lockForm(admin).getByRole("button", { name: "保存锁定" }).click();
  await expect(lockForm(admin).getByRole("status")).toHaveText("已将2025年锁定至2月");
  await expect(yearRow(admin)).toContainText("已锁定至2月");

  const lead = await februaryOfLiangqu(browser);
  await expect(lead.getByRole("region", { name: "填报状态" })).toContainText("已锁定（管理员已锁定至2月）");
  await expect(lead.getByRole("region", { name: "填报状态" })).toContainText("2025年1月至2月已由管理员锁定，不能再修改");
  await expect(lead.getByLabel(FEBRUARY_VALUE, { exact: true })).toHaveCount(0);
  await expect(lead.getByRole("button", { name: "保存" })).toHaveCount(0);
  await lead.context().close();
  await admin.context().close();
});

test("the admin unlocks it with a reason and February is open again", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/years");
  await lockForm(admin).getByLabel("年度").selectOption("2025");
  await lockForm(admin).getByLabel("锁定至").selectOption("0");
  await lockForm(admin).getByRole("button", { name: "保存锁定" }).click();
  await expect(lockForm(admin).getByRole("alert")).toHaveText("解除锁定（把锁定月份往回调）时请填写原因");
  await lockForm(admin).getByLabel("原因").fill("补报2月数据");
  await lockForm(admin).getByRole("button", { name: "保存锁定" }).click();
  await expect(lockForm(admin).getByRole("status")).toHaveText("已解除2025年的全部锁定");
  await expect(yearRow(admin)).toContainText("未锁定");
  await admin.context().close();

  const lead = await februaryOfLiangqu(browser);
  await expect(lead.getByLabel(FEBRUARY_VALUE, { exact: true })).toBeEditable();
  await lead.context().close();
});
