import { expect, type Page, test } from "@playwright/test";
import { pageAs } from "./login";

/**
 * Notifications in the browser: a lead (范先生) submits March of 红山科创英才培养项目 — a sheet no other journey
 * touches —, a manager returns it with a comment; the lead's bell then shows an unread count, the centre lists the
 * return with the comment, and its link leads to March's progress page, marking it read. The file is named to run
 * after every other journey, so the values it leaves cannot change what they measure.
 */
test.describe.configure({ mode: "serial" });

const SHEET = "2025年人才发展资金--红山科创英才培养项目（+上年结转资金）";
const TITLE = `「${SHEET}」2025年3月月报被退回`;
const COMMENT = "请补充3月的佐证资料（通知测试）";
let progressPath = "";

const status = (page: Page) => page.getByRole("region", { name: "填报状态" });

test("the lead submits March; the manager returns it with a comment", async ({ browser }) => {
  const lead = await pageAs(browser, "lead2");
  await lead.goto("/sheets");
  await lead.getByRole("link", { name: SHEET, exact: true }).click();
  await expect(lead).toHaveURL(/\/sheets\/\d+$/);
  progressPath = `${new URL(lead.url()).pathname}/progress?month=3`;
  await lead.goto(progressPath);
  await expect(lead.getByRole("heading", { level: 1, name: "进度填报 · 2025年3月" })).toBeVisible();

  // Every row gets a value (达成 on a qualitative row), the month its spending; the lights decide what else is needed.
  const values = lead.getByLabel(/^实际完成值（截至3月）：/);
  await expect(values.first()).toBeVisible();
  for (const control of await values.all()) {
    if ((await control.evaluate((el) => el.tagName)) === "SELECT") await control.selectOption("达成");
    else await control.fill("1");
  }
  await lead.getByLabel("执行数（截至3月，万元）", { exact: true }).fill("10");
  await lead.getByRole("button", { name: "保存" }).click();
  await expect(lead.getByRole("status")).toContainText("已保存");
  for (const label of [/^偏差原因：/, /^改进措施：/]) {
    for (const control of await lead.getByLabel(label).all()) if (await control.isEditable()) await control.fill("通知测试：按计划推进");
  }
  await lead.getByRole("button", { name: "提交", exact: true }).click();
  await lead
    .getByRole("dialog", { name: /提交2025年3月的进度/ })
    .getByRole("button", { name: "确认提交" })
    .click();
  await expect(status(lead)).toContainText("已提交");
  await lead.context().close();

  const manager = await pageAs(browser, "manager");
  await manager.goto(progressPath);
  await expect(status(manager)).toContainText("已提交");
  await manager.getByLabel("退回意见").fill(COMMENT);
  await manager.getByRole("button", { name: "退回" }).click();
  await expect(status(manager)).toContainText("已退回");
  await manager.context().close();
});

test("the lead's bell shows the unread count; the link leads to the month and marks it read", async ({ browser }) => {
  const lead = await pageAs(browser, "lead2");
  await lead.goto("/");
  const bell = lead.getByRole("link", { name: /^通知（\d+ 条未读）$/ });
  await expect(bell).toBeVisible();
  const unread = Number(/（(\d+) 条未读）/.exec((await bell.getAttribute("aria-label")) ?? "")?.[1]);
  expect(unread).toBeGreaterThanOrEqual(1);
  await expect(bell.getByTestId("unread-count")).toHaveText(String(unread));

  await bell.click();
  await expect(lead.getByRole("heading", { level: 1, name: "通知" })).toBeVisible();
  const item = lead.getByRole("listitem").filter({ hasText: TITLE });
  await expect(item).toContainText("未读");
  await expect(item).toContainText(`审核意见：${COMMENT}`);
  await expect(item).toContainText("审核人：王科长");

  await item.getByRole("link", { name: `查看：${TITLE}` }).click();
  await expect(lead).toHaveURL(new RegExp(`${progressPath.replace(/[?]/g, "\\?")}$`));
  await expect(lead.getByRole("heading", { level: 1, name: "进度填报 · 2025年3月" })).toBeVisible();
  await expect(status(lead)).toContainText("已退回");
  await expect(status(lead)).toContainText(COMMENT);

  // Read now: one fewer on the bell, and the centre no longer marks it.
  await lead.goto("/notifications");
  const after = unread - 1;
  await expect(lead.getByRole("link", { name: after > 0 ? `通知（${after} 条未读）` : "通知（没有未读）" })).toBeVisible();
  await expect(lead.getByRole("listitem").filter({ hasText: TITLE })).not.toContainText("未读");
  await lead.context().close();
});
