import { expect, test } from "@playwright/test";
import { storageStateOf } from "./users";

const DEPARTMENT = "乌鲁木齐市科学技术局";

test.use({ storageState: storageStateOf("admin") });

// A unit of the journey's own: the seeded units keep their names (other journeys look for them).
test("an admin adds a budget unit, renames it and deletes it; a taken name is refused with what was typed kept", async ({ page }) => {
  await page.goto("/admin/users");
  await page.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: "预算单位" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "部门与预算单位" })).toBeVisible();

  const department = page.getByRole("region", { name: DEPARTMENT });
  const table = department.getByRole("table", { name: `${DEPARTMENT}的预算单位` });
  await expect(table.getByRole("row", { name: /乌鲁木齐科技信息服务中心 2025年 3 张/ })).toBeVisible();
  // Units with sheets cannot be deleted: no button is offered.
  await expect(table.getByRole("button", { name: /^删除预算单位/ })).toHaveCount(0);

  const add = department.getByRole("form", { name: `为「${DEPARTMENT}」新增预算单位` });
  const name = add.getByLabel("预算单位名称");
  await name.fill("乌鲁木齐科技信息服务中心");
  await add.getByRole("button", { name: "新增预算单位" }).click();
  await expect(add.getByText(`「${DEPARTMENT}」已有预算单位「乌鲁木齐科技信息服务中心」`).first()).toBeVisible();
  await expect(name).toHaveValue("乌鲁木齐科技信息服务中心");
  await expect(name).toHaveAttribute("aria-invalid", "true");

  await name.fill(" e2e测试单位 ");
  await add.getByRole("button", { name: "新增预算单位" }).click();
  await expect(add.getByRole("status")).toHaveText(`已在「${DEPARTMENT}」下新增预算单位「e2e测试单位」`);
  const row = table.getByRole("row", { name: /e2e测试单位/ });
  await expect(row).toContainText("—");

  // 重命名 by keyboard: the disclosure opens with Enter, the field is labelled.
  await row.getByText("重命名").focus();
  await page.keyboard.press("Enter");
  const rename = row.getByRole("form", { name: "重命名预算单位「e2e测试单位」" });
  await expect(rename.getByText(/改名对所有年度生效/)).toBeVisible();
  await rename.getByLabel("新名称").fill("e2e测试单位（改）");
  await rename.getByRole("button", { name: "保存名称" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已将预算单位「e2e测试单位」改名为「e2e测试单位（改）」" })).toBeVisible();
  const renamed = table.getByRole("row", { name: /e2e测试单位（改）/ });
  await expect(renamed).toBeVisible();

  await renamed.getByRole("button", { name: "删除预算单位「e2e测试单位（改）」" }).click();
  await expect(table.getByRole("row", { name: /e2e测试单位/ })).toHaveCount(0);
  await expect(table.getByRole("row", { name: /乌鲁木齐科技信息服务中心/ })).toBeVisible();
});
