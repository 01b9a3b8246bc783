import { expect, type Page, test } from "@playwright/test";
import { pageAs } from "./login";
import { SHEETS } from "./users";

/**
 * Phones (390×844, touch): the lead reports November of 落实2023年厅地联动市级配套专项资金 from the 工作台 and submits
 * it; the manager finds it on 待审核. No page scrolls sideways; on 进度填报 each indicator is a card whose first
 * input is on screen without sideways scrolling, and inputs and buttons are a finger's size.
 */
test.describe.configure({ mode: "serial" });

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const NOVEMBER = `${SHEETS.peitao.name} 2025年11月`;

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.scroll, "page wider than the screen").toBeLessThanOrEqual(widths.view);
}

async function fingerSized(page: Page, name: string) {
  const box = await page.getByRole("button", { name, exact: true }).boundingBox();
  expect(box, name).not.toBeNull();
  expect(box!.height, name).toBeGreaterThanOrEqual(40);
}

test("a lead reports and submits a month on a phone", async ({ browser }) => {
  const page = await pageAs(browser, "lead", PHONE);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  await noSidewaysScroll(page);

  await page.getByRole("link", { name: `填报 ${NOVEMBER}` }).click();
  await expect(page).toHaveURL(/\/progress\?month=11$/);
  await expect(page.getByRole("heading", { level: 1, name: "进度填报 · 2025年11月" })).toBeVisible();
  await noSidewaysScroll(page);

  const values = page.getByRole("textbox", { name: /^实际完成值（截至11月）：/ });
  const first = values.first();
  await first.scrollIntoViewIfNeeded();
  const box = await first.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(box!.height).toBeGreaterThanOrEqual(40);

  for (const input of await values.all()) await input.fill("1");
  for (const select of await page.getByRole("combobox", { name: /^实际完成值（截至11月）：/ }).all()) await select.selectOption("达成");
  for (const text of await page.getByRole("textbox", { name: /^(偏差原因|改进措施)：/ }).all()) await text.fill("按计划推进");
  await page.getByRole("textbox", { name: "执行数（截至11月，万元）" }).fill("20");
  await noSidewaysScroll(page);
  await fingerSized(page, "保存");
  await fingerSized(page, "提交");

  await page.getByRole("button", { name: "提交", exact: true }).click();
  const ask = page.getByRole("dialog", { name: "提交2025年11月的进度？" });
  await expect(ask).toContainText("提交后，2025年11月的数值、执行数和佐证资料将锁定，待管理者审核");
  await ask.getByRole("button", { name: "确认提交" }).click();
  await expect(page.getByRole("region", { name: "填报状态" })).toContainText("已提交");
  await noSidewaysScroll(page);
  await page.context().close();
});

test("a manager's 工作台 and 待审核 on a phone", async ({ browser }) => {
  const page = await pageAs(browser, "manager", PHONE);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  await noSidewaysScroll(page);
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1, name: "待审核" })).toBeVisible();
  const review = page.getByRole("link", { name: `审核 ${NOVEMBER}` });
  await expect(review).toBeVisible();
  await noSidewaysScroll(page);
  await review.click();
  await expect(page.getByRole("button", { name: "审核通过" })).toBeVisible();
  await noSidewaysScroll(page);
  await fingerSized(page, "审核通过");
  await fingerSized(page, "退回");
  await page.context().close();
});
