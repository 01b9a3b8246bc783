import { expect, type Page, test } from "@playwright/test";
import { SHEETS, storageStateOf } from "./users";

/**
 * 年终评价 on a phone (390×844, touch): the list and the evaluator's form fit the screen — no sideways page
 * scroll —, each indicator is a card of its own with its first input in view, and a save works by touch.
 */

test.use({ storageState: storageStateOf("evaluator") });

async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

test("the evaluator's list and form fit a phone; one card per indicator", async ({ page }) => {
  await page.goto("/evaluations");
  await expect(page.getByRole("heading", { level: 1, name: "2025年度待评价" })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.getByRole("link", { name: SHEETS.kepu.name, exact: true }).tap();
  await expect(page).toHaveURL(/\/sheets\/\d+\/evaluate$/);
  const form = page.getByRole("form", { name: "年终评价" });
  await expect(form).toBeVisible();
  await expectNoSidewaysScroll(page);

  // The table's header row is hidden; each indicator stacks into a card as wide as the screen.
  await expect(form.getByRole("columnheader", { name: "实际完成值" })).toBeHidden();
  const actual = page.getByLabel(`${SHEETS.kepu.indicator} 实际完成值`, { exact: true });
  await actual.scrollIntoViewIfNeeded();
  const box = await actual.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  const card = form.locator("tbody").filter({ has: actual });
  const cardBox = await card.boundingBox();
  expect(cardBox!.width).toBeLessThanOrEqual(390);

  // Typed and saved by touch; the score follows.
  await actual.fill("3");
  await expect(page.getByText("识别为")).toHaveCount(0);
  await page.getByRole("button", { name: "保存", exact: true }).tap();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await expect(page.getByText("状态：评价中")).toBeVisible();
  await expect(actual).toHaveValue("3");
  await expectNoSidewaysScroll(page);
});
