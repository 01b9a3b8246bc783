import { expect, type Page, test } from "@playwright/test";
import { pageAs } from "./login";

/**
 * 沿用上月 and 批量审核通过 (issue 12): a lead (范先生) reports November of the 科技特派员 sheet — a sheet no other journey
 * touches — and submits it; December starts from 沿用上月 (November's 完成目标可能性, 全年预计完成值 and qualitative
 * status as an unsaved draft, tagged), takes the measured values, is saved and submitted. The manager then ticks
 * both months on 待审核 and approves them together.
 */
test.describe.configure({ mode: "serial" });

const SHEET = "自治区财政科研项目资金--自治区科技特派员工作经费（上年结转资金）";
/** Quantitative rows and their targets: reporting the target keeps every light green, so no explanation is due. */
const TARGETS: Record<string, string> = {
  组织农业服务项目申报数量: "15",
  "引进农业适用品种、引进新技术": "10",
  辐射带动村数量: "12",
  涵盖市级科技特派员人数: "12",
  举办科技培训场次: "3",
  培训农牧民的人数: "100",
  项目申报通过率: "90",
  培训按期完成率: "90",
};
const QUALITATIVE = ["提升市级基层科技人员的专业水平和综合服务能力", "推动当地农业发展有促进作用"];
let sheetPath = "";

const status = (page: Page) => page.getByRole("region", { name: "填报状态" });
const indicatorRow = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });

async function submit(page: Page, month: number) {
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await page
    .getByRole("dialog", { name: new RegExp(`提交2025年${month}月的进度`) })
    .getByRole("button", { name: "确认提交" })
    .click();
  await expect(status(page)).toContainText("已提交");
}

test("the lead reports November, then starts December from 沿用上月 and submits both", async ({ browser }) => {
  const page = await pageAs(browser, "lead2");
  await page.goto("/sheets");
  await page.getByRole("link", { name: SHEET, exact: true }).click();
  await expect(page).toHaveURL(/\/sheets\/\d+$/);
  sheetPath = new URL(page.url()).pathname;

  await page.goto(`${sheetPath}/progress?month=11`);
  await expect(page.getByRole("heading", { level: 1, name: "进度填报 · 2025年11月" })).toBeVisible();
  await expect(page.getByRole("button", { name: "沿用上月" })).toBeDisabled();
  await expect(page.getByText("10月没有可沿用的完成目标可能性、全年预计完成值或定性指标完成情况")).toBeVisible();
  for (const [name, value] of Object.entries(TARGETS)) {
    await page.getByLabel(`实际完成值（截至11月）：${name}`, { exact: true }).fill(value);
    await page.getByLabel(`完成目标可能性：${name}`, { exact: true }).selectOption("确定能");
    await page.getByLabel(`全年预计完成值：${name}`, { exact: true }).fill(value);
  }
  for (const name of QUALITATIVE) {
    await page.getByLabel(`实际完成值（截至11月）：${name}`, { exact: true }).selectOption("部分达成");
    await page.getByLabel(`完成目标可能性：${name}`, { exact: true }).selectOption("有可能");
  }
  await page.getByLabel("执行数（截至11月，万元）", { exact: true }).fill("12");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("已保存");
  // 部分达成 is not green: explain it before submitting.
  for (const name of QUALITATIVE) {
    await page.getByLabel(`偏差原因：${name}`, { exact: true }).fill("培训尚未全部完成");
    await page.getByLabel(`改进措施：${name}`, { exact: true }).fill("12月完成剩余培训");
  }
  await submit(page, 11);

  await page.goto(`${sheetPath}/progress?month=12`);
  await expect(page.getByRole("heading", { level: 1, name: "进度填报 · 2025年12月" })).toBeVisible();
  await expect(page.getByText("所有修改均已保存")).toBeVisible();
  await page.getByRole("button", { name: "沿用上月" }).click();
  // A draft: tagged, counted as unsaved, nothing saved yet; a quantitative row's value is left to measure.
  for (const name of [...Object.keys(TARGETS), ...QUALITATIVE]) await expect(indicatorRow(page, name).getByText("沿用上月", { exact: true })).toBeVisible();
  await expect(page.getByLabel(`完成目标可能性：${QUALITATIVE[0]}`, { exact: true })).toHaveValue("有可能");
  await expect(page.getByLabel(`实际完成值（截至12月）：${QUALITATIVE[0]}`, { exact: true })).toHaveValue("部分达成");
  await expect(page.getByLabel(`全年预计完成值：${"培训农牧民的人数"}`, { exact: true })).toHaveValue("100");
  await expect(page.getByLabel(`实际完成值（截至12月）：${"培训农牧民的人数"}`, { exact: true })).toHaveValue("");
  await expect(page.getByText("有 20 项修改尚未保存")).toBeVisible();
  await expect(page.getByRole("button", { name: "沿用上月" })).toBeDisabled();
  await expect(page.getByText("可沿用11月的各行均已填写，没有空行需要填充")).toBeVisible();

  for (const [name, value] of Object.entries(TARGETS)) await page.getByLabel(`实际完成值（截至12月）：${name}`, { exact: true }).fill(value);
  for (const name of QUALITATIVE) await page.getByLabel(`实际完成值（截至12月）：${name}`, { exact: true }).selectOption("达成");
  await page.getByLabel("执行数（截至12月，万元）", { exact: true }).fill("14.24");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("已保存");
  await expect(page.getByRole("table", { name: /绩效指标完成情况/ }).getByText("沿用上月", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel(`完成目标可能性：${QUALITATIVE[1]}`, { exact: true })).toHaveValue("有可能");
  await submit(page, 12);
  await page.context().close();
});

test("the manager ticks both months on 待审核 and approves them together", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1, name: "待审核" })).toBeVisible();
  const approve = page.getByRole("button", { name: /^批量审核通过/ });
  await expect(approve).toBeDisabled();
  await page.getByLabel(`选择 ${SHEET} 2025年11月`).check();
  await page.getByLabel(`选择 ${SHEET} 2025年12月`).check();
  await expect(approve).toHaveText("批量审核通过（2）");
  await approve.click();
  const dialog = page.getByRole("dialog", { name: "审核通过所选的 2 个月份？" });
  await expect(dialog).toContainText(`${SHEET} 2025年11月`);
  await dialog.getByRole("button", { name: "确认审核通过" }).click();

  const result = page.getByRole("region", { name: "批量审核结果" });
  await expect(result).toContainText("已审核通过 2 个月份");
  await expect(result).toContainText(`「${SHEET}」2025年11月`);
  await expect(result).toContainText(`「${SHEET}」2025年12月`);
  await expect(page.getByRole("link", { name: `审核 ${SHEET} 2025年11月` })).toHaveCount(0);
  await expect(page.getByRole("link", { name: `审核 ${SHEET} 2025年12月` })).toHaveCount(0);

  await page.goto(`${sheetPath}/progress?month=12`);
  await expect(status(page)).toContainText("已通过");
  await expect(status(page)).toContainText("审核：王科长");
  await page.context().close();
});
