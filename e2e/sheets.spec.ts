import { expect, type Page, test } from "@playwright/test";
import { SHEETS, storageStateOf, USERS, type UserKey } from "./users";

/** Opens a sheet from the list by its link, as a user would. */
async function openFromList(page: Page, name: string) {
  await page.goto("/sheets");
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(/\/sheets\/\d+$/);
}

const projectTable = (page: Page) => page.getByRole("table", { name: "2025年度项目支出绩效目标表" });
const projectRows = (page: Page) => projectTable(page).locator("tbody tr");

// Every role opens a sheet it may see and finds the form with its indicators.
const canSee: Record<UserKey, { name: string; indicator: string }> = {
  admin: SHEETS.liangqu,
  manager: SHEETS.liangqu,
  lead: SHEETS.liangqu,
  lead2: SHEETS.kepu,
  evaluator: SHEETS.liangqu,
};
for (const user of Object.keys(canSee) as UserKey[]) {
  test.describe(`${user} (${USERS[user].role})`, () => {
    test.use({ storageState: storageStateOf(user) });

    test("opens a sheet it may see", async ({ page }) => {
      const sheet = canSee[user];
      await openFromList(page, sheet.name);
      await expect(page.getByRole("heading", { level: 1, name: "项目支出绩效目标表" })).toBeVisible();
      await expect(page.getByRole("row", { name: `项目名称 ${sheet.name}` })).toBeVisible();
      await expect(page.getByRole("cell", { name: sheet.indicator, exact: true })).toBeVisible();
      await expect(page.getByRole("banner")).toContainText(`${USERS[user].displayName}（${USERS[user].role}）`);
    });
  });
}

test.describe("manager", () => {
  test.use({ storageState: storageStateOf("manager") });

  test("sees the department sheet apart and all 13 project sheets", async ({ page }) => {
    await page.goto("/sheets");
    await expect(page.getByRole("heading", { name: "2025年度绩效目标表" })).toBeVisible();
    const department = page.getByRole("table", { name: "部门整体绩效目标" });
    await expect(department.getByRole("link", { name: SHEETS.department.name })).toBeVisible();
    await expect(department.getByRole("cell", { name: "5,932.17" })).toBeVisible();
    await expect(projectRows(page)).toHaveCount(13);
    await expect(page.getByText("共 13 项")).toBeVisible();
    await expect(projectTable(page).getByRole("link", { name: SHEETS.department.name })).toHaveCount(0);
  });

  test("sorts by clicking a header and filters by text", async ({ page }) => {
    await page.goto("/sheets");
    const amount = projectTable(page).getByRole("button", { name: "年度预算总额（万元）" });
    await amount.click();
    await expect(projectRows(page).first()).toContainText("2.64");
    await expect(projectTable(page).getByRole("columnheader", { name: "年度预算总额（万元）" })).toHaveAttribute("aria-sort", "ascending");
    await amount.click();
    await expect(projectRows(page).first()).toContainText("1,600.00");
    await expect(projectRows(page).first()).toContainText(SHEETS.liangqu.name);
    await expect(projectTable(page).getByRole("columnheader", { name: "年度预算总额（万元）" })).toHaveAttribute("aria-sort", "descending");

    // Text columns sort in pinyin order; twice for descending: 自治区 (zi) … 乌鲁木齐 (wu) … 对外 (dui).
    const byName = projectTable(page).getByRole("button", { name: "项目名称" });
    await byName.click();
    await byName.click();
    await expect(projectTable(page).getByRole("columnheader", { name: "项目名称" })).toHaveAttribute("aria-sort", "descending");
    await expect(projectRows(page).first()).toContainText("自治区财政科研项目资金-新疆创新创业大赛工作经费");
    const names = await projectTable(page).getByRole("link").allTextContents();
    expect(names).toHaveLength(13);
    expect(names.indexOf("乌鲁木齐市系列科普工作")).toBeLessThan(names.indexOf("对外合作交流工作经费"));
    expect(names.indexOf("对外合作交流工作经费")).toBeLessThan(names.indexOf(SHEETS.liangqu.name));

    await page.getByLabel("筛选").fill("范先生");
    await expect(projectRows(page)).toHaveCount(5);
    await expect(page.getByText("显示 5 / 13 项")).toBeVisible();
    await page.getByLabel("筛选").fill("没有这样的项目");
    await expect(page.getByText("没有符合筛选条件的绩效目标表")).toBeVisible();
  });

  test("reads a project sheet grouped as printed, with totals and parsed targets", async ({ page }) => {
    await openFromList(page, SHEETS.liangqu.name);
    await expect(page.getByRole("row", { name: "年度预算总额 1,600.00" })).toBeVisible();
    for (const header of ["一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值", "指标分值权重", "指标赋分规则", "佐证资料"]) {
      await expect(page.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
    }
    // 产出指标 is printed once over its six rows, 数量指标 over five.
    await expect(page.getByRole("rowheader", { name: "产出指标" })).toHaveAttribute("rowspan", "6");
    await expect(page.getByRole("rowheader", { name: "数量指标" })).toHaveAttribute("rowspan", "5");
    await expect(page.getByRole("row", { name: /^权重合计 90\.00/ })).toBeVisible();
    await expect(page.getByRole("row", { name: /^预算执行率 10\.00/ })).toBeVisible();
    await expect(page.getByTitle("解析为：定性")).toHaveText("有效推动");
    await expect(page.getByTitle("解析为：= 100 %（正向）")).toHaveText("=100%");
  });

  test("reads the department sheet in its own layout", async ({ page }) => {
    await openFromList(page, SHEETS.department.name);
    await expect(page.getByRole("heading", { level: 1, name: "部门整体绩效目标表" })).toBeVisible();
    await expect(page.getByRole("cell", { name: SHEETS.department.indicator, exact: true })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "指标设定依据" })).toBeVisible();
    for (const absent of ["上年完成值", "指标赋分规则", "佐证资料"]) {
      await expect(page.getByRole("columnheader", { name: absent })).toHaveCount(0);
    }
  });
});

test.describe("lead (冯先生)", () => {
  test.use({ storageState: storageStateOf("lead") });

  test("sees only the two sheets assigned to them", async ({ page }) => {
    await page.goto("/sheets");
    await expect(projectRows(page)).toHaveCount(2);
    await expect(page.getByRole("link", { name: SHEETS.liangqu.name })).toBeVisible();
    await expect(page.getByRole("link", { name: SHEETS.peitao.name })).toBeVisible();
    await expect(page.getByRole("table", { name: "部门整体绩效目标" })).toHaveCount(0);
  });

  test("is refused another lead's sheet opened by URL", async ({ page, browser }) => {
    // Find the sheet's address as its own lead sees it.
    const other = await browser.newContext({ storageState: storageStateOf("lead2") });
    const otherPage = await other.newPage();
    await otherPage.goto("/sheets");
    const href = await otherPage.getByRole("link", { name: SHEETS.kepu.name, exact: true }).getAttribute("href");
    await other.close();
    expect(href).toMatch(/^\/sheets\/\d+$/);

    const response = await page.goto(href!);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "无权查看该绩效目标表" })).toBeVisible();
    const body = page.locator("body");
    await expect(body).not.toContainText(SHEETS.kepu.indicator);
    await expect(body).not.toContainText(SHEETS.kepu.name);
    const html = await page.content();
    expect(html).not.toContain(SHEETS.kepu.indicator);
    expect(html).not.toContain(SHEETS.kepu.name);
  });
});

test.describe("evaluator", () => {
  test.use({ storageState: storageStateOf("evaluator") });

  test("an unknown sheet is not found", async ({ page }) => {
    const response = await page.goto("/sheets/999999");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "找不到该绩效目标表" })).toBeVisible();
  });
});
