import { type Browser, expect, test } from "@playwright/test";
import { submitLogin } from "./login";
import { SHEETS, storageStateOf } from "./users";

/**
 * Issue 11, as the attacker would try it: an evaluator assigned to no sheet signs in and walks every list and
 * types every URL of a sheet. The lists are empty, the pages answer 无权查看, the downloads 403/404. The
 * evaluator is this journey's own account (created by the admin through 系统管理); no demo user changes.
 */

test.describe.configure({ timeout: 240_000 });

const USERNAME = "e2e-eval-none";
const PASSWORD = "Eval-none-2025";

/** The admin creates the evaluator (no 分工), and reads the ids the attacker will type. */
async function prepare(browser: Browser) {
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名").fill(USERNAME);
  await form.getByLabel("姓名").fill("未分工评价人");
  await form.getByLabel("角色").selectOption("EVALUATOR");
  await form.getByLabel("初始密码").fill(PASSWORD);
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByText(`已创建用户 ${USERNAME}`)).toBeVisible();

  await page.goto("/sheets?year=2025");
  const href = await page.getByRole("link", { name: SHEETS.liangqu.name, exact: true }).getAttribute("href");
  expect(href).toMatch(/^\/sheets\/\d+$/);
  await admin.close();
  return { sheetPath: href! };
}

test("an evaluator assigned to no sheet sees no sheet anywhere and is refused every sheet URL", async ({ browser }) => {
  const { sheetPath } = await prepare(browser);
  const sheetId = sheetPath.split("/").at(-1)!;

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await submitLogin(page, USERNAME, PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("尚未给您分配需要评价的绩效目标表。")).toBeVisible();

  // The lists: nothing of anybody's.
  await page.goto("/sheets?year=2025");
  await expect(page.getByText("2025年度没有您可查看的绩效目标表。")).toBeVisible();
  await expect(page.getByRole("link", { name: SHEETS.liangqu.name })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "导出Excel" })).toHaveCount(0);

  await page.goto("/evaluations?year=2025");
  await expect(page.getByText("没有需要您处理的年终评价。")).toBeVisible();

  await page.goto("/scorecard?year=2025");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: SHEETS.liangqu.name })).toHaveCount(0);
  await expect(page.getByText(SHEETS.kepu.name)).toHaveCount(0);

  // Every page of a sheet, typed in.
  for (const path of ["", "/progress", "/progress?month=3", "/monitor", "/evaluate", "/report"]) {
    await page.goto(`${sheetPath}${path}`);
    await expect(page.getByRole("heading", { level: 1, name: "无权查看该绩效目标表" })).toBeVisible();
    await expect(page.getByText(SHEETS.liangqu.indicator)).toHaveCount(0);
  }
  for (const path of ["/audit", `/audit?sheet=${sheetId}`, `/audit/history?entityType=TargetSheet&entityId=${sheetId}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: /无权查看/ })).toBeVisible();
  }

  // The downloads, asked for directly with the session cookie.
  const api = page.request;
  for (const url of [`/api/v1/sheets/${sheetId}/xlsx`, `/api/v1/sheets/${sheetId}/report.xlsx`]) {
    const response = await api.get(url);
    expect([url, response.status()]).toEqual([url, 403]);
    expect((await response.json()).error).toBe("无权执行此操作");
  }
  const year = await api.get("/api/v1/years/2025/xlsx");
  expect(year.status()).toBe(404);
  for (let id = 1; id <= 5; id++) {
    const evidence = await api.get(`/api/v1/evidence/${id}`);
    expect([403, 404]).toContain(evidence.status());
    expect(evidence.headers()["content-type"]).toContain("application/json");
  }
  await context.close();
});
