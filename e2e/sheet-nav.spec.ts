import { expect, type Page, test } from "@playwright/test";
import { pageAs } from "./login";
import { SHEETS, storageStateOf } from "./users";

// Each journey opens many pages; on a loaded machine a page takes seconds.
test.describe.configure({ timeout: 120_000 });

const tabs = (page: Page) => page.getByRole("navigation", { name: "本表页面" });

async function sheetPathOf(page: Page, name: string): Promise<string> {
  await page.goto("/sheets");
  const href = await page.getByRole("link", { name, exact: true }).getAttribute("href");
  expect(href).toMatch(/^\/sheets\/\d+$/);
  return href!;
}

test.describe("manager", () => {
  test.use({ storageState: storageStateOf("manager") });

  test("every page of a sheet has the same header, with a tab for each page", async ({ page }) => {
    const path = await sheetPathOf(page, SHEETS.liangqu.name);
    await page.goto(path);
    await expect(tabs(page).getByRole("link")).toHaveText(["概览", "进度填报", "运行监控", "年终评价", "自评表", "操作日志"]);
    await expect(tabs(page).getByRole("link", { name: "概览" })).toHaveAttribute("aria-current", "page");

    const pages = [
      { tab: "进度填报", url: /\/progress$/, heading: /^进度填报 · 2025年\d+月$/ },
      { tab: "运行监控", url: /\/monitor$/, heading: `运行监控 · ${SHEETS.liangqu.name}` },
      { tab: "年终评价", url: /\/evaluate$/, heading: /^2025年度年终评价/ },
      { tab: "自评表", url: /\/report$/, heading: "项目支出绩效自评表" },
      { tab: "操作日志", url: /\/audit\?sheet=\d+$/, heading: "操作日志" },
      { tab: "概览", url: /\/sheets\/\d+$/, heading: "项目支出绩效目标表" },
    ];
    for (const { tab, url, heading } of pages) {
      await tabs(page).getByRole("link", { name: tab }).click();
      await expect(page).toHaveURL(url);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(tabs(page).getByRole("link", { name: tab })).toHaveAttribute("aria-current", "page");
      await expect(page.locator("main header").first()).toContainText(SHEETS.liangqu.name);
    }
  });

  test("the 待审核 and 年终评价 lists and the 绩效看板 lead to the sheet's pages", async ({ page }) => {
    await page.goto("/evaluations");
    await page.getByRole("table", { name: "2025年度年终评价" }).getByRole("link", { name: SHEETS.liangqu.name, exact: true }).click();
    await expect(tabs(page).getByRole("link", { name: "年终评价" })).toHaveAttribute("aria-current", "page");

    await page.goto("/scorecard?year=2025");
    await page.getByRole("link", { name: SHEETS.liangqu.name }).first().click();
    await expect(tabs(page).getByRole("link", { name: "运行监控" })).toHaveAttribute("aria-current", "page");
  });

  test("a month that does not exist is explained inside the app, under the sheet's header", async ({ page }) => {
    const path = await sheetPathOf(page, SHEETS.liangqu.name);
    for (const month of ["13", "abc", "0"]) {
      await page.goto(`${path}/progress?month=${month}`);
      await expect(page.getByRole("heading", { level: 1, name: "月份有误" })).toBeVisible();
      await expect(page.getByRole("alert", { name: "月份有误" })).toContainText(`「${month}」不存在：进度按 1–12 月填报`);
      await expect(page.getByRole("banner")).toContainText("王科长");
      await expect(tabs(page).getByRole("link", { name: "进度填报" })).toHaveAttribute("aria-current", "page");
    }
    await page.getByRole("link", { name: "打开本月的进度填报" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^进度填报 · 2025年\d+月$/ })).toBeVisible();

    await page.goto("/sheets?year=abc");
    await expect(page.getByRole("heading", { level: 1, name: "年度有误" })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("王科长");
  });

  test("a bad or unknown sheet id and an unknown address answer 404 inside the layout, with a way back", async ({ page }) => {
    for (const path of ["/sheets/abc", "/sheets/99999999", "/sheets/99999999/progress?month=3"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "找不到该绩效目标表" })).toBeVisible();
      await expect(page.getByRole("banner")).toContainText("王科长");
    }
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
    await page.getByRole("link", { name: "返回工作台" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();

    const api = await page.request.get("/api/v1/no-such-thing");
    expect(api.status()).toBe(404);
    expect(await api.json()).toMatchObject({ error: "没有这个接口" });
  });

  test("the first Tab reaches 跳到主要内容, which moves past the header", async ({ page }) => {
    await page.goto("/sheets");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "跳到主要内容" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    await page.keyboard.press("Tab");
    // The next stop is inside the page, not the header's navigation.
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
  });
});

test("a lead sees the tabs of their own pages, without the 操作日志", async ({ browser }) => {
  const page = await pageAs(browser, "lead");
  await page.goto("/");
  await page.getByRole("table", { name: "我的项目" }).getByRole("link", { name: SHEETS.liangqu.name, exact: true }).click();
  await expect(tabs(page).getByRole("link")).toHaveText(["概览", "进度填报", "运行监控", "年终评价", "自评表"]);
  await page.context().close();
});

test.describe("on a phone (390×844)", () => {
  test.use({ storageState: storageStateOf("manager"), viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the header folds into a 菜单 button; its links are large enough and nothing scrolls sideways", async ({ page }) => {
    const path = await sheetPathOf(page, SHEETS.liangqu.name);
    await page.goto(path);
    const mainNav = page.getByRole("navigation", { name: "主导航" });
    await expect(mainNav).toBeHidden();
    const menu = page.getByRole("button", { name: "菜单" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
    await expect(page.getByRole("button", { name: "收起菜单" })).toHaveAttribute("aria-expanded", "true");
    await expect(mainNav).toBeVisible();
    const targets = [
      ...(await mainNav.getByRole("link").all()),
      page.getByRole("button", { name: "收起菜单" }),
      page.getByRole("button", { name: "退出登录" }),
      ...(await tabs(page).getByRole("link").all()),
    ];
    expect(targets.length).toBeGreaterThan(8);
    for (const target of targets) {
      const box = await target.boundingBox();
      expect(box?.height, (await target.textContent()) ?? "").toBeGreaterThanOrEqual(40);
    }
    // Nothing of the header (open or folded) reaches past the screen's right edge.
    const overflow = () =>
      page.evaluate(
        () => Math.max(...[...document.querySelectorAll("header *")].map((e) => e.getBoundingClientRect().right)) - document.documentElement.clientWidth,
      );
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "收起菜单" }).click();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await menu.click();

    await mainNav.getByRole("link", { name: "待审核" }).click();
    await expect(page).toHaveURL(/\/review$/);
    await expect(mainNav).toBeHidden();
    await expect(page.getByRole("button", { name: "菜单" })).toHaveAttribute("aria-expanded", "false");
  });
});
