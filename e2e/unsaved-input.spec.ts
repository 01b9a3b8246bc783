import { expect, type Page, test } from "@playwright/test";
import { pageAs, submitLogin } from "./login";
import { SHEETS, USERS } from "./users";
// Runs after progress/scorecard (files run in name order): its 落实2023年厅地联动 June values carry forward to later months' lights.

/**
 * The forms kit as a lead and a manager meet it on 进度填报 of 落实2023年厅地联动市级配套专项资金, June: leaving with
 * unsaved input asks first (a month tab, a header link, a reload); what was typed survives a failed save and a
 * timed-out session and is offered back; a field's error goes once it is fixed; 提交 says what will be locked;
 * after 提交 / 退回 / 审核通过 the status, the month strip and the controls follow without a reload. And the
 * admin's password reset keeps both entries when they differ. The steps build on each other.
 */
test.describe.configure({ mode: "serial" });

let progressHref = "";

const firstValue = (page: Page) => page.getByRole("textbox", { name: /^实际完成值（截至6月）：/ }).first();
const monthTab = (page: Page, month: number) => page.getByRole("navigation", { name: "月份" }).getByRole("link", { name: new RegExp(`^2025年${month}月`) });
const status = (page: Page) => page.getByRole("region", { name: "填报状态" });
const leaveDialog = (page: Page) => page.getByRole("dialog", { name: "离开此页？" });

/** A marker in the window: still there after an action means the page was not reloaded. */
const mark = (page: Page) => page.evaluate(() => Object.assign(window, { __noReload: true }));
const notReloaded = async (page: Page) => expect(await page.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);

test.beforeAll(async ({ browser }) => {
  const page = await pageAs(browser, "lead");
  await page.goto("/sheets");
  const href = await page.getByRole("link", { name: SHEETS.peitao.name, exact: true }).getAttribute("href");
  progressHref = `${href}/progress?month=6`;
  await page.context().close();
});

test("leaving with unsaved input asks first, and the input is offered back on return", async ({ browser }) => {
  const page = await pageAs(browser, "lead");
  await page.goto(progressHref);
  await firstValue(page).fill("7");

  await monthTab(page, 5).click();
  await expect(leaveDialog(page)).toContainText("有 1 项修改尚未保存");
  await leaveDialog(page).getByRole("button", { name: "留在此页" }).click();
  await expect(page).toHaveURL(/month=6$/);

  await page.getByRole("banner").getByRole("link", { name: "工作台" }).click();
  await expect(leaveDialog(page)).toBeVisible();
  await leaveDialog(page).getByRole("button", { name: "留在此页" }).click();
  await expect(page).toHaveURL(/month=6$/);

  const asked = page.waitForEvent("dialog");
  await page.evaluate(() => setTimeout(() => window.location.reload(), 0));
  const beforeUnload = await asked;
  expect(beforeUnload.type()).toBe("beforeunload");
  await beforeUnload.dismiss();
  await expect(firstValue(page)).toHaveValue("7");

  // Leaving anyway: the browser keeps the draft and offers it back.
  await monthTab(page, 5).click();
  await leaveDialog(page).getByRole("button", { name: "离开此页" }).click();
  await expect(page).toHaveURL(/month=5$/);
  await monthTab(page, 6).click();
  await expect(page).toHaveURL(/month=6$/);
  const offer = page.getByRole("status", { name: "未保存的草稿" });
  await expect(offer).toContainText("1 项尚未保存的填写");
  await expect(firstValue(page)).toHaveValue("");
  await offer.getByRole("button", { name: "恢复" }).click();
  await expect(firstValue(page)).toHaveValue("7");
  await expect(offer).toHaveCount(0);
  await page.context().close();
});

test("a refused save keeps the input with its message until it is fixed; a timed-out session keeps the draft", async ({ browser }) => {
  const page = await pageAs(browser, "lead");
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(progressHref);
  const value = firstValue(page);
  await value.fill("1.23456");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "最多保留 4 位小数" })).toBeVisible();
  await expect(value).toHaveAttribute("aria-invalid", "true");
  await expect(value).toHaveValue("1.23456");

  await value.fill("1.5");
  await expect(value).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("最多保留 4 位小数")).toHaveCount(0);

  // The session ends (cookies gone): the save goes to the login page, which comes back here with the draft.
  await page.context().clearCookies();
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await submitLogin(page, USERS.lead.username, USERS.lead.password);
  await expect(page).toHaveURL(/\/progress\?month=6$/);
  await page.getByRole("status", { name: "未保存的草稿" }).getByRole("button", { name: "恢复" }).click();
  await expect(firstValue(page)).toHaveValue("1.5");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("已保存 1 项修改");
  await page.context().close();
});

test("提交 says what will be locked; the page follows 提交, 退回 and 审核通过 without a reload", async ({ browser }) => {
  const lead = await pageAs(browser, "lead");
  await lead.goto(progressHref);
  for (const input of await lead.getByRole("textbox", { name: /^实际完成值（截至6月）：/ }).all()) await input.fill("1");
  for (const select of await lead.getByRole("combobox", { name: /^实际完成值（截至6月）：/ }).all()) await select.selectOption("达成");
  for (const text of await lead.getByRole("textbox", { name: /^(偏差原因|改进措施)：/ }).all()) await text.fill("按计划推进");
  await lead.getByRole("textbox", { name: "执行数（截至6月，万元）" }).fill("10");
  await mark(lead);

  await lead.getByRole("button", { name: "提交", exact: true }).click();
  const ask = lead.getByRole("dialog", { name: "提交2025年6月的进度？" });
  await expect(ask).toContainText("提交后，2025年6月的数值、执行数和佐证资料将锁定，待管理者审核");
  await expect(ask).toContainText("尚未保存的修改会先保存");
  await ask.getByRole("button", { name: "暂不提交" }).click();
  await expect(status(lead)).not.toContainText("已提交");

  await lead.getByRole("button", { name: "提交", exact: true }).click();
  await ask.getByRole("button", { name: "确认提交" }).click();
  await expect(status(lead)).toContainText("已提交");
  await expect(monthTab(lead, 6)).toContainText("已提交");
  await expect(lead.getByRole("button", { name: "保存", exact: true })).toHaveCount(0);
  await expect(lead.getByLabel("上传佐证资料")).toHaveCount(0);
  await expect(lead.getByRole("status")).toContainText("已提交，等待审核");
  await notReloaded(lead);

  const manager = await pageAs(browser, "manager");
  await manager.goto(progressHref);
  await mark(manager);
  await manager.getByRole("button", { name: "退回" }).click();
  const comment = manager.getByLabel("退回意见");
  await expect(comment).toHaveAttribute("aria-invalid", "true");
  await expect(manager.getByText("退回时请填写退回意见").first()).toBeVisible();
  await comment.fill("执行数请按财务口径核对");
  await expect(comment).not.toHaveAttribute("aria-invalid", "true");
  await manager.getByRole("button", { name: "退回" }).click();
  await expect(status(manager)).toContainText("已退回");
  await expect(status(manager)).toContainText("执行数请按财务口径核对");
  await expect(monthTab(manager, 6)).toContainText("已退回");
  await expect(manager.getByRole("button", { name: "审核通过" })).toHaveCount(0);
  await notReloaded(manager);

  await lead.reload();
  await expect(status(lead)).toContainText("已退回");
  await expect(lead.getByLabel("上传佐证资料").first()).toBeVisible();
  await lead.getByRole("button", { name: "提交", exact: true }).click();
  await lead.getByRole("dialog", { name: "提交2025年6月的进度？" }).getByRole("button", { name: "确认提交" }).click();
  await expect(status(lead)).toContainText("已提交");

  await manager.reload();
  await mark(manager);
  await manager.getByRole("button", { name: "审核通过" }).click();
  await expect(status(manager)).toContainText("已通过");
  await expect(monthTab(manager, 6)).toContainText("已通过");
  await expect(manager.getByRole("button", { name: "重新开放" })).toBeVisible();
  await notReloaded(manager);
  await Promise.all([lead.context().close(), manager.context().close()]);
});

test("an admin's password reset keeps both entries when they differ, and says so at the field", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.goto("/admin/users");
  await page.getByRole("link", { name: /编辑 范先生/ }).click();
  const reset = page.getByRole("form", { name: "重置密码" });
  const password = reset.getByLabel("新密码", { exact: true });
  const confirm = reset.getByLabel("再次输入新密码");
  await password.fill("Typed-once-2025");
  await confirm.fill("Typed-twice-2025");
  await reset.getByRole("button", { name: "重置密码" }).click();
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(reset.getByText("两次输入的密码不一致").first()).toBeVisible();
  await expect(password).toHaveValue("Typed-once-2025");
  await expect(confirm).toHaveValue("Typed-twice-2025");
  await confirm.fill("Typed-once-2025");
  await expect(confirm).not.toHaveAttribute("aria-invalid", "true");
  await page.context().close();
});
