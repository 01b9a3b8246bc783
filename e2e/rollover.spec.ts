import { expect, test } from "@playwright/test";
import { logIn } from "./login";
import { SHEETS } from "./users";

// Runs after every other journey (its own project in playwright.config.ts): rolling 2025 over adds 2026,
// which then becomes the default year of the lists the other journeys read.
test("年度结转 carries each sheet's 分工 into the new year, and the printed lead is offered in one click", async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, "admin");
  await page.goto("/admin/rollover?year=2025");
  const plan = page.getByRole("table", { name: "将要结转的绩效目标表" });
  const liangqu = plan.getByRole("row").filter({ hasText: SHEETS.liangqu.name });
  await expect(liangqu).toContainText("负责人：冯先生");
  await expect(liangqu).toContainText("评价人：评价专家");
  const keep = page.getByRole("checkbox", { name: /同时结转分工/ });
  await expect(keep).toBeChecked();

  await page.getByRole("button", { name: /^将 \d+ 张表结转到2026年$/ }).click();
  await expect(page.getByRole("status")).toContainText(/2025年的 \d+ 张绩效目标表已结转到2026年/);
  // What was just copied is no clash: no stale "不能结转" list.
  await expect(page.getByText("不能结转")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /结转到2026年/ })).toHaveCount(0);

  await page.goto("/admin/assignments?year=2026");
  const name2026 = SHEETS.liangqu.name.replace("2025", "2026");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: name2026, exact: true }) });
  await expect(row).toContainText("冯先生");
  await expect(row).toContainText("评价专家");

  // Without its lead, the sheet's printed 项目负责人 (冯先生) names exactly one lead account: offered in one click.
  await row.getByRole("button", { name: `移除 冯先生 的项目负责人分工（${name2026}）` }).click();
  const offer = row.getByText("项目负责人「冯先生」与用户 lead 一致：");
  await expect(offer).toBeVisible();
  await row.getByRole("button", { name: `将 冯先生（lead）设为「${name2026}」的项目负责人` }).click();
  await expect(offer).toHaveCount(0);
  await expect(row.getByRole("button", { name: `移除 冯先生 的项目负责人分工（${name2026}）` })).toBeVisible();

  // Both went through the audited use cases.
  await page.goto("/audit");
  await expect(page.getByRole("row").filter({ hasText: name2026 }).filter({ hasText: "冯先生" }).first()).toBeVisible();
});
