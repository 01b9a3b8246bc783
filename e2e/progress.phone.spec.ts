import { expect, type Page, test } from "@playwright/test";
import { pageAs } from "./login";

/**
 * Phones (390×844, touch): 工作台, 进度填报 and 待审核 scroll only downwards; on 进度填报 each indicator is a card
 * whose first input is on screen without sideways scrolling, and the buttons are a finger's size.
 */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.scroll, "page wider than the screen").toBeLessThanOrEqual(widths.view);
}

test("a lead reports a month on a phone", async ({ browser }) => {
  const page = await pageAs(browser, "lead", PHONE);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  await noSidewaysScroll(page);

  await page.getByRole("link", { name: /^填报 / }).first().click();
  await expect(page).toHaveURL(/\/progress\?month=\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: /^进度填报/ })).toBeVisible();
  await noSidewaysScroll(page);

  const first = page.getByRole("textbox", { name: /^实际完成值（截至\d+月）：/ }).first();
  await first.scrollIntoViewIfNeeded();
  const box = await first.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(box!.height).toBeGreaterThanOrEqual(40);

  await first.fill("1");
  const save = page.getByRole("button", { name: "保存", exact: true });
  expect((await save.boundingBox())!.height).toBeGreaterThanOrEqual(40);
  await save.click();
  await expect(page.getByRole("status")).toContainText(/已保存|没有需要保存/);
  await noSidewaysScroll(page);
  await page.context().close();
});

test("a manager's 待审核 on a phone", async ({ browser }) => {
  const page = await pageAs(browser, "manager", PHONE);
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1, name: "待审核" })).toBeVisible();
  await noSidewaysScroll(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  await noSidewaysScroll(page);
  await page.context().close();
});
