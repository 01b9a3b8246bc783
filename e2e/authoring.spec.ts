import ExcelJS from "exceljs";
import { expect, type Page, test } from "@playwright/test";
import { fill, NEW_PROJECT, newProjectData } from "@/lib/testing/authoring-workbooks";
import { storageStateOf } from "./users";

/**
 * Sheet authoring journeys. Everything they write goes into 2024 — a year before the seed — so the
 * 2025 lists the other journeys count stay as seeded.
 */

const BAD_PROJECT = "2024年填错的项目";

async function downloadTemplate(page: Page, path: string): Promise<ExcelJS.Workbook> {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载空白模板" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("项目支出绩效目标表（模板）.xlsx");
  await download.saveAs(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

async function upload(page: Page, file: string) {
  await page.getByLabel("Excel 工作簿（.xlsx）").setInputFiles(file);
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByRole("heading", { name: "导入预览" })).toBeVisible();
}

test.describe("admin imports a year's sheets from Excel", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("downloads the template, imports a filled workbook for a new project, sees the preview with one warning, commits, and the sheet appears", async ({
    page,
  }, testInfo) => {
    await page.goto("/sheets");
    await page.getByRole("link", { name: "导入Excel" }).click();
    await expect(page).toHaveURL(/\/admin\/import$/);

    const workbook = await downloadTemplate(page, testInfo.outputPath("template.xlsx"));
    // Filled as a budget unit would: merged groups, full-width symbols, numbers typed as text.
    fill(workbook.worksheets[0]!, newProjectData(NEW_PROJECT));
    const filled = testInfo.outputPath("filled.xlsx");
    await workbook.xlsx.writeFile(filled);

    await upload(page, filled);
    await expect(page.getByText("filled.xlsx · 2024年 · 乌鲁木齐市科学技术局 · 1 张绩效目标表 · 0 个错误 · 1 个提醒")).toBeVisible();
    const preview = page.getByRole("region", { name: new RegExp(`第1张：${NEW_PROJECT}`) });
    const findings = preview.getByRole("list", { name: "第1张表的检查结果" }).getByRole("listitem");
    await expect(findings).toHaveCount(1);
    await expect(findings).toContainText("提醒");
    await expect(findings).toContainText("项目总体目标写「全年支持成果转化项目6项」（6项），与三级指标「支持成果转化项目数量」的指标值「＞＝５项」不一致");
    const rows = preview.getByRole("table", { name: `第1张表「${NEW_PROJECT}」的指标` }).locator("tbody tr");
    await expect(rows).toHaveCount(5);
    // Merged 一级/二级 cells apply to each of their rows; full-width targets are understood.
    await expect(rows.nth(2)).toContainText("产出指标质量指标项目验收通过率＝１００％=100%（正向）");
    await expect(rows.nth(1)).toContainText("数量指标技术合同登记数量＞=20项>=20项（正向）");

    await page.getByRole("button", { name: "确认导入" }).click();
    await expect(page.getByRole("status")).toContainText("已导入 1 张2024年绩效目标表");
    await page.getByRole("link", { name: "查看2024年度绩效目标表" }).click();
    await expect(page.getByRole("heading", { name: "2024年度绩效目标表" })).toBeVisible();
    await page.getByRole("link", { name: NEW_PROJECT, exact: true }).click();
    await expect(page.getByRole("row", { name: "年度预算总额 1,200.00" })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "产出指标" })).toHaveAttribute("rowspan", "3");
    await expect(page.getByRole("cell", { name: "服务对象满意度", exact: true })).toBeVisible();
    await expect(page.getByRole("row", { name: /^权重合计 90\.00/ })).toBeVisible();
  });

  test("a workbook with an unparseable target or a weight of text is refused with the cells named, and nothing is written", async ({ page }, testInfo) => {
    await page.goto("/admin/import");
    const workbook = await downloadTemplate(page, testInfo.outputPath("template.xlsx"));
    fill(workbook.worksheets[0]!, newProjectData(BAD_PROJECT, { D10: "＞=若干项", G12: "二十分" }));
    const bad = testInfo.outputPath("bad.xlsx");
    await workbook.xlsx.writeFile(bad);

    await upload(page, bad);
    const problems = page.getByRole("alert").filter({ hasText: "工作簿中有以下问题" });
    await expect(problems).toContainText("工作表「项目支出绩效目标表」单元格 D10 指标值：「＞=若干项」有比较符但没有可解析的数值");
    await expect(problems).toContainText("工作表「项目支出绩效目标表」单元格 G12 指标分值权重：「二十分」不是数字");
    await expect(page.getByText("工作簿有 2 处问题，请在 Excel 中修改后重新上传")).toBeVisible();
    await expect(page.getByRole("button", { name: "确认导入" })).toBeDisabled();

    await page.goto("/sheets?year=2024");
    await expect(page.getByRole("link", { name: BAD_PROJECT })).toHaveCount(0);
  });
});

test.describe("drafting a sheet", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("targets are understood as typed, rows are added, duplicated, moved and deleted from the keyboard, the lint follows, and the draft is saved", async ({
    page,
  }) => {
    await page.goto("/sheets?year=2024");
    await page.getByRole("link", { name: "新建绩效目标表" }).click();
    await expect(page.getByRole("heading", { name: "新建绩效目标表" })).toBeVisible();
    await expect(page.getByLabel("年度", { exact: true })).toHaveValue("2024");
    await page.getByLabel("项目名称").fill("2024年科普讲解员培训");
    await page.getByLabel("其中：财政拨款（万元）").fill("１，２００");
    await expect(page.getByText("即 1,200.00 万元")).toBeVisible();
    await page.getByLabel("项目总体目标").fill("全年培训讲解员500人。");

    await page.getByLabel("第1行 三级指标", { exact: true }).fill("讲解员培训人数");
    const target = page.getByLabel("第1行 指标值", { exact: true });
    await target.fill("＞=２００ 人");
    await expect(page.getByText("解析为：≥ 200 人（正向）")).toBeVisible();
    await target.fill("＞=很多人");
    await expect(page.getByText("指标值「＞=很多人」有比较符但没有可解析的数值").first()).toBeVisible();
    await target.fill("=200人");
    await page.getByLabel("第1行 指标分值权重", { exact: true }).fill("50");

    // Duplicate row 1 with the keyboard, change the copy, move it up, then delete it.
    await page.getByRole("button", { name: "复制第1行" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("第2行 三级指标", { exact: true })).toBeFocused();
    await page.keyboard.type("（副本）");
    await page.getByRole("button", { name: "上移第2行" }).press("Enter");
    await expect(page.getByLabel("第1行 三级指标", { exact: true })).toHaveValue("讲解员培训人数（副本）");
    await page.getByRole("button", { name: "删除第1行" }).press("Enter");
    await expect(page.getByLabel("第1行 三级指标", { exact: true })).toHaveValue("讲解员培训人数");
    await expect(page.getByLabel("第2行 三级指标", { exact: true })).toHaveCount(0);

    await page.getByRole("button", { name: "添加指标" }).click();
    await page.getByLabel("第2行 三级指标", { exact: true }).fill("讲解水平");
    await page.getByLabel("第2行 指标值", { exact: true }).fill("有效提升");
    await page.getByLabel("第2行 指标分值权重", { exact: true }).fill("40");
    await page.getByLabel("第2行 赋分规则", { exact: true }).selectOption("按评判等级赋分");

    const lint = page.getByRole("region", { name: "检查结果" });
    await expect(lint).toContainText("0 个错误（须改正后才能提交或发布），1 个提醒（请确认）");
    await expect(lint).toContainText("项目总体目标写「全年培训讲解员500人」（500人），与三级指标「讲解员培训人数」的指标值「=200人」不一致");
    await lint.getByRole("button", { name: /^定位/ }).click();
    await expect(page.getByLabel("第1行 指标值", { exact: true })).toBeFocused();

    await page.getByRole("button", { name: "创建草稿" }).click();
    await expect(page).toHaveURL(/\/sheets\/\d+$/);
    await expect(page.getByRole("heading", { name: "草稿：尚未发布，可继续编辑" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "讲解水平", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "审核通过并发布" })).toBeEnabled();
  });
});

test.describe("refusals", () => {
  test.use({ storageState: storageStateOf("lead") });

  test("a lead may not import, and downloads only their own sheet", async ({ page }) => {
    const response = await page.goto("/admin/import");
    expect(response?.status()).toBe(403);
    const year = await page.request.get("/api/v1/years/2025/xlsx");
    expect(year.status()).toBe(403);
    await page.goto("/sheets");
    await page.getByRole("link", { name: "2025年“两区”创新建设专项", exact: true }).click();
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出Excel" }).click();
    expect((await downloading).suggestedFilename()).toBe("2025年“两区”创新建设专项.xlsx");
  });
});
