import { expect, type Locator, type Page, test } from "@playwright/test";
import { pageAs } from "./login";

/**
 * Signals agree (docs/monitoring.md): a lead (范先生) enters a failing value on a 直接赋分 row of the 揭榜挂帅 sheet
 * in September — a sheet and month no other journey uses, saved as a draft only — and sees it red with a
 * projected 0; a manager then finds the same sheet light for September on 绩效看板, 运行监控 and 进度填报, moves
 * the scorecard's 截至月份 and sees the heading and figures follow, and 清除筛选 blanks the filter form.
 */
test.describe.configure({ mode: "serial" });

const SHEET = "2025年人才发展资金--重点领域科技创新攻关“揭榜挂帅”项目（+上年结转资金）";
const UNIT = "乌鲁木齐市科学技术局";
/** 直接赋分, target ＞=75%, weight 5: anything below 75% earns nothing. */
const ROW = "企业牵头项目比例";
const LIGHT = /红灯|黄灯|绿灯|蓝灯|待填报/;

let sheetPath = "";

const rowOf = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

/** The light's text label (红灯, 待填报, …) inside a badge's container. */
async function lightIn(where: Locator): Promise<string> {
  await expect(where).toContainText(LIGHT);
  return ((await where.textContent()) ?? "").match(LIGHT)![0];
}

test("a lead enters a failing 直接赋分 value: red, never green, projected 0", async ({ browser }) => {
  const page = await pageAs(browser, "lead2");
  await page.goto("/sheets");
  await page.getByRole("link", { name: SHEET, exact: true }).click();
  await expect(page).toHaveURL(/\/sheets\/\d+$/);
  sheetPath = new URL(page.url()).pathname;
  await page.goto(`${sheetPath}/progress?month=9`);
  await expect(page.getByRole("heading", { level: 1, name: "进度填报 · 2025年9月" })).toBeVisible();
  await page.getByLabel(`实际完成值（截至9月）：${ROW}`, { exact: true }).fill("50%");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("已保存 1 项修改");

  const row = rowOf(page, ROW);
  await expect(row).toContainText("红灯");
  // A light's label is 绿灯·正常; the row's own 非绿灯，提交前必填 hint is no light.
  await expect(row).not.toContainText("绿灯·");
  await expect(row.getByRole("cell").filter({ hasText: /^0(\.0+)? \/ 5(\.0+)?（/ })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "本月概况" }).getByRole("group", { name: "本月预警" })).toContainText("红灯");
  await page.context().close();
});

test("a manager sees one sheet light for September on 绩效看板, 运行监控 and 进度填报", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/scorecard?month=9");
  await expect(page.getByRole("heading", { level: 1, name: /（截至2025年9月）/ })).toBeVisible();
  const table = page.getByRole("table", { name: "2025年度绩效看板" });
  const onScorecard = await lightIn(table.getByRole("row").filter({ has: page.getByRole("link", { name: SHEET, exact: true }) }));
  expect(onScorecard).toBe("红灯");

  await page.goto(`${sheetPath}/monitor?month=9`);
  await expect(page.getByRole("heading", { level: 1, name: /（截至2025年9月）/ })).toBeVisible();
  expect(await lightIn(page.getByRole("region", { name: "概况" }).getByRole("group", { name: "指标预警" }))).toBe(onScorecard);
  const monitorRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: ROW }) });
  await expect(monitorRow).toContainText("红灯");
  await expect(monitorRow).not.toContainText("绿灯·");
  await expect(monitorRow.getByLabel(new RegExp(`^${ROW} 预计得分 0(\\.0+)?，查看计算过程$`))).toBeVisible();

  await page.goto(`${sheetPath}/progress?month=9`);
  await expect(page.getByRole("heading", { level: 1, name: "进度填报 · 2025年9月" })).toBeVisible();
  expect(await lightIn(page.getByRole("region", { name: "本月概况" }).getByRole("group", { name: "本月预警" }))).toBe(onScorecard);
  await page.context().close();
});

test("the 截至月份 picker moves the heading and the figures", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/scorecard?month=9");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText("（截至2025年9月）");
  const table = page.getByRole("table", { name: "2025年度绩效看板" });
  const sheetRow = table.getByRole("row").filter({ has: page.getByRole("link", { name: SHEET, exact: true }) });
  await expect(sheetRow).toContainText("红灯");
  await expect(page.getByText(/时间进度 75\.00%/)).toBeVisible();

  const picker = page.getByRole("form", { name: "截至月份" });
  await picker.getByLabel("截至月份").selectOption("3");
  await picker.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/[?&]month=3(&|$)/);
  await expect(heading).toContainText("（截至2025年3月）");
  // Nothing was entered before September: in March the sheet has no light yet, and time is a quarter gone.
  await expect(sheetRow).toContainText("待填报");
  await expect(sheetRow).not.toContainText("红灯");
  await expect(page.getByText(/时间进度 25\.00%/)).toBeVisible();
  await page.context().close();
});

test("清除筛选 blanks the filter form, not only the URL", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/scorecard?month=9");
  const filters = page.getByRole("form", { name: "筛选" });
  await filters.getByLabel("预算单位", { exact: true }).selectOption({ label: UNIT });
  await filters.getByLabel("预警", { exact: true }).selectOption({ label: "红灯·进度滞后" });
  await filters.getByLabel("关键词", { exact: true }).fill("揭榜");
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/[?&]light=red(&|$)/);
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(filters.getByLabel("关键词", { exact: true })).toHaveValue("揭榜");

  // A filter chosen but not applied is blanked too.
  await filters.getByLabel("等级", { exact: true }).selectOption("差");
  await filters.getByRole("link", { name: "清除筛选" }).click();
  await expect(page).not.toHaveURL(/[?&](light|unit|q|grade)=/);
  await expect(page).toHaveURL(/[?&]month=9(&|$)/);
  for (const label of ["预算单位", "预警", "等级", "关键词"]) await expect(filters.getByLabel(label, { exact: true })).toHaveValue("");
  await expect(page.getByRole("table", { name: "2025年度绩效看板" }).getByRole("link", { name: SHEET, exact: true })).toBeVisible();
  // And it stays blank once the unfiltered page has arrived (a reload reads the URL alone).
  await page.reload();
  for (const label of ["预算单位", "预警", "等级", "关键词"]) await expect(filters.getByLabel(label, { exact: true })).toHaveValue("");
  await page.context().close();
});
