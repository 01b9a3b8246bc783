import { expect, type Page, test } from "@playwright/test";
import { pageAs } from "./login";
import { SHEETS } from "./users";
// Runs after progress/scorecard (files run in name order): its 两区 April values carry forward to later months' lights.

/**
 * Impossible values are refused by the server, unusual ones asked about: a lead types a negative count on
 * 进度填报 of 2025年“两区”创新建设专项, April — refused, the field named, what was typed kept; then a value more than
 * 10× its target — asked to confirm, and saved once confirmed.
 */

const PROJECTS = SHEETS.liangqu.indicator; // ＞=3项
const PATENTS = "产业核心技术攻关项目申报知识产权数量"; // ＞=3项

const value = (page: Page, name: string) => page.getByLabel(`实际完成值（截至4月）：${name}`, { exact: true });
const row = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
const question = (page: Page) => page.getByRole("dialog", { name: "这些数值不太寻常，确认无误吗？" });

test("a negative count is refused with its field named and kept; a value beyond 10× target is saved once confirmed", async ({ browser }) => {
  const page = await pageAs(browser, "lead");
  await page.goto("/sheets");
  const href = await page.getByRole("link", { name: SHEETS.liangqu.name, exact: true }).getAttribute("href");
  await page.goto(`${href}/progress?month=4`);
  await expect(page.getByRole("heading", { level: 1, name: "进度填报 · 2025年4月" })).toBeVisible();

  await value(page, PROJECTS).fill("-3");
  await value(page, PATENTS).fill("2");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "填写内容有误，未保存" })).toBeVisible();
  await expect(value(page, PROJECTS)).toHaveAttribute("aria-invalid", "true");
  await expect(row(page, PROJECTS)).toContainText("不能为负数（单位「项」不会小于 0");
  await expect(value(page, PROJECTS)).toHaveValue("-3");
  await expect(value(page, PATENTS)).toHaveValue("2");
  await expect(value(page, PATENTS)).not.toHaveAttribute("aria-invalid", "true");

  // 31 for a target of 3: asked first; 返回修改 keeps everything as typed and saves nothing.
  await value(page, PROJECTS).fill("31");
  await expect(value(page, PROJECTS)).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(question(page)).toContainText(`「${PROJECTS}」实际完成值（截至4月）：31项 超过目标值 3项 的 10 倍，请确认没有多输位数`);
  await question(page).getByRole("button", { name: "返回修改" }).click();
  await expect(question(page)).toBeHidden();
  await expect(value(page, PROJECTS)).toHaveValue("31");
  await expect(row(page, PROJECTS)).toContainText("保存后更新");

  await page.getByRole("button", { name: "保存", exact: true }).click();
  await question(page).getByRole("button", { name: "确认无误，继续" }).click();
  await expect(page.getByRole("status")).toContainText("已保存 2 项修改");
  await expect(value(page, PROJECTS)).toHaveValue("31");

  // Saved on the server: a fresh page shows it.
  await page.reload();
  await expect(value(page, PROJECTS)).toHaveValue("31");
  await expect(value(page, PATENTS)).toHaveValue("2");
  await page.context().close();
});
