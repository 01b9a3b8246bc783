import { expect, type Page, type Request, test } from "@playwright/test";
import { pageAs } from "./login";
import { SHEETS } from "./users";

/**
 * The in-year journey: a lead enters July for 2025年“两区”创新建设专项 from the 工作台, sees the lights and the
 * projected score change, submits; a manager approves from 待审核; July is then locked for the lead — in the
 * page and on the server — and the lead is refused another lead's sheet, by URL and by calling the save
 * action directly. The steps build on each other, so they run in order.
 */
test.describe.configure({ mode: "serial" });

const ROWS = {
  projects: "支持产业核心技术攻关项目数量",
  patents: "产业核心技术攻关项目申报知识产权数量",
  people: "产业核心技术攻关项目培养研发人员、研究生等的数量",
  reports: "产业核心技术攻关项目形成中期检查报告",
  fields: "支持重点产业领域数量",
  companies: "产业核心技术攻关项目牵头单位中企业的比例",
  breakthrough: "推动产业关键核心技术攻关实现突破",
} as const;

const JULY = `${SHEETS.liangqu.name} 2025年7月`;

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const row = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
const status = (page: Page) => page.getByRole("region", { name: "填报状态" });
const summary = (page: Page, name: string) => page.getByRole("region", { name: "本月概况" }).getByRole("group", { name });

/** 提交 asks first what will be locked; the answer is yes. */
async function submitMonth(page: Page) {
  await page.getByRole("button", { name: "提交", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /提交2025年7月的进度/ });
  await expect(dialog).toContainText("提交后，2025年7月的数值、执行数和佐证资料将锁定，待管理者审核");
  await dialog.getByRole("button", { name: "确认提交" }).click();
}

/** The save request as the browser sent it, replayed later against a locked month and another lead's sheet. */
let savedRequest: { url: string; headers: Record<string, string>; body: string } | null = null;
let liangquHref = "";

async function capture(request: Request) {
  const headers = await request.allHeaders();
  delete headers["content-length"];
  savedRequest = { url: request.url(), headers, body: request.postData() ?? "" };
}

test("a lead enters July values and spending, sees the lights and projected score change, and submits", async ({ browser }) => {
  const page = await pageAs(browser, "lead");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /我的待办/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "我的项目" }).getByRole("link", { name: SHEETS.liangqu.name, exact: true })).toBeVisible();
  await page.getByRole("link", { name: `填报 ${JULY}` }).click();

  await expect(page).toHaveURL(/\/sheets\/\d+\/progress\?month=7$/);
  liangquHref = new URL(page.url()).pathname.replace(/\/progress$/, "");
  await expect(page.getByRole("heading", { level: 1, name: "进度填报 · 2025年7月" })).toBeVisible();
  await expect(summary(page, "时间进度")).toHaveText(/58\.33%（7\/12）/);
  await expect(summary(page, "预计得分")).toContainText("待填报");
  await expect(summary(page, "本月预警")).toContainText("待填报");
  await expect(status(page)).toContainText("未填报");
  await expect(page.getByRole("button", { name: "保存" })).toBeDisabled();

  // What people type: full-width digits, thousands separators, a percent sign on a % row.
  await field(page, `实际完成值（截至7月）：${ROWS.projects}`).fill("２");
  await expect(row(page, ROWS.projects)).toContainText("识别为 2项");
  await field(page, `实际完成值（截至7月）：${ROWS.patents}`).fill("1");
  await field(page, `全年预计完成值：${ROWS.patents}`).fill("3");
  await field(page, `完成目标可能性：${ROWS.patents}`).selectOption("有可能");
  await field(page, `实际完成值（截至7月）：${ROWS.people}`).fill("2");
  await field(page, `实际完成值（截至7月）：${ROWS.reports}`).fill("1.75");
  await field(page, `实际完成值（截至7月）：${ROWS.fields}`).fill("1");
  await field(page, `实际完成值（截至7月）：${ROWS.companies}`).fill("100%");
  await field(page, `实际完成值（截至7月）：${ROWS.breakthrough}`).selectOption("部分达成");
  await field(page, "执行数（截至7月，万元）").fill("1,6x");
  await expect(page.getByText("「1,6x」不是有效的数字")).toBeVisible();
  await field(page, "执行数（截至7月，万元）").fill("１，０００");
  await expect(page.getByText("识别为 1,000.00 万元")).toBeVisible();

  const saving = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "保存" }).click();
  await capture(await saving);
  await expect(page.getByRole("status")).toContainText("已保存 8 项修改");
  await expect(page.getByRole("status")).toContainText("提交前需填写偏差原因和改进措施");

  // The lights and the projected score, computed on the server by lib/scoring.
  await expect(row(page, ROWS.projects)).toContainText("绿灯·正常");
  await expect(row(page, ROWS.patents)).toContainText("红灯·进度滞后");
  await expect(row(page, ROWS.patents).getByTitle("完成值 1 ÷ (指标值 3 × 7/12) = 57.14% < 60%")).toBeVisible();
  await expect(row(page, ROWS.breakthrough)).toContainText("黄灯·略有滞后");
  await expect(summary(page, "本月预警")).toContainText("红灯·进度滞后");
  await expect(summary(page, "预计得分")).toContainText("72.17（中）");
  await expect(summary(page, "预算执行率")).toContainText("62.50%");
  await expect(summary(page, "预算执行率")).toContainText("绿灯·正常");
  await expect(status(page)).toContainText("草稿");

  // Submitting is refused while a non-green row lacks its explanation; each missing field is named.
  await submitMonth(page);
  const refused = page.getByRole("alert").filter({ hasText: "还不能提交" });
  await expect(refused).toContainText("2025年7月还不能提交");
  await expect(refused).toContainText(`「${ROWS.patents}」为红灯·进度滞后，需填写偏差原因`);
  await expect(status(page)).toContainText("草稿");

  for (const name of [ROWS.patents, ROWS.breakthrough]) {
    await field(page, `偏差原因：${name}`).fill("项目评审较计划推迟一个月");
    await field(page, `改进措施：${name}`).fill("加快评审，9月底前完成立项");
  }
  // A raised count changes the projected score again (unsaved edits are saved on submit): 1.2 of 2 → 6 of 10 points.
  await field(page, `实际完成值（截至7月）：${ROWS.fields}`).fill("1.2");
  await submitMonth(page);
  await expect(status(page)).toContainText("已提交");
  await expect(status(page)).toContainText("已锁定");
  await expect(summary(page, "预计得分")).toContainText("73.17");
  await expect(row(page, ROWS.fields)).toContainText("绿灯·正常");
  await expect(page.getByRole("button", { name: "保存" })).toHaveCount(0);
  await page.context().close();
});

test("a manager approves the submitted month from 待审核", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "待审核" })).toBeVisible();
  await page.getByRole("link", { name: "查看待审核" }).click();
  await expect(page).toHaveURL(/\/review$/);
  await page.getByRole("link", { name: `审核 ${JULY}` }).click();
  await expect(status(page)).toContainText("已提交");
  await expect(row(page, ROWS.patents)).toContainText("项目评审较计划推迟一个月");
  await page.getByRole("button", { name: "审核通过" }).click();
  await expect(status(page)).toContainText("已通过");
  await expect(page.getByRole("button", { name: "重新开放" })).toBeVisible();
  await page.goto("/review");
  await expect(page.getByRole("link", { name: `审核 ${JULY}` })).toHaveCount(0);
  await page.context().close();
});

test("the lead can no longer edit July, in the page or by calling the save action", async ({ browser }) => {
  const page = await pageAs(browser, "lead");
  await page.goto(`${liangquHref}/progress?month=7`);
  await expect(status(page)).toContainText("已通过");
  await expect(status(page)).toContainText("已锁定");
  await expect(page.getByLabel(`实际完成值（截至7月）：${ROWS.projects}`)).toHaveCount(0);
  await expect(page.getByLabel("执行数（截至7月，万元）")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "保存" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "提交" })).toHaveCount(0);
  await expect(row(page, ROWS.fields)).toContainText("1.2");

  // The same save the browser sent in July, replayed: refused by the server.
  expect(savedRequest).not.toBeNull();
  const replay = await page.request.post(savedRequest!.url, { headers: savedRequest!.headers, data: savedRequest!.body });
  expect(await replay.text()).toContain("2025年7月已通过，已锁定，不能修改");
  await page.reload();
  await expect(row(page, ROWS.fields)).toContainText("1.2");

  // 我的待办 no longer lists July.
  await page.goto("/");
  await expect(page.getByRole("link", { name: `填报 ${JULY}` })).toHaveCount(0);
  await page.context().close();
});

test("the lead is refused another lead's sheet, by URL and by the save action called directly", async ({ browser }) => {
  const other = await pageAs(browser, "lead2");
  await other.goto("/sheets");
  const kepuHref = await other.getByRole("link", { name: SHEETS.kepu.name, exact: true }).getAttribute("href");
  expect(kepuHref).toMatch(/^\/sheets\/\d+$/);
  const kepuId = Number(kepuHref!.split("/").pop());

  const page = await pageAs(browser, "lead");
  const response = await page.goto(`${kepuHref}/progress?month=7`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权查看该绩效目标表" })).toBeVisible();
  expect(await page.content()).not.toContain(SHEETS.kepu.indicator);

  const body = JSON.parse(savedRequest!.body) as [{ sheetId: number; month: number }];
  body[0].sheetId = kepuId;
  body[0].month = 8;
  const forged = await page.request.post(savedRequest!.url, { headers: savedRequest!.headers, data: JSON.stringify(body) });
  expect(await forged.text()).toContain("无权执行此操作");

  // Nothing was written to the other sheet.
  await other.goto(`${kepuHref}/progress?month=8`);
  await expect(status(other)).toContainText("未填报");
  await expect(summary(other, "预算执行率")).toContainText("—");
  await other.context().close();
  await page.context().close();
});
