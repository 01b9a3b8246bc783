import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { SHEETS, storageStateOf } from "./users";

/**
 * Year-end evaluation: the evaluator grades a seed sheet, is refused an out-of-band score, finalises; the printed
 * 自评表 shows the same total and grade as the `score` command gives for the same values; a manager reopens it.
 */

test.describe.configure({ mode: "serial" });

interface SeedIndicator {
  name: string;
  targetRaw: string;
  target: unknown;
  weight: number | string;
  rule: string;
}
const seed = JSON.parse(fs.readFileSync(path.join("prisma", "seed", "urumqi-sti-2025.json"), "utf8")) as {
  sheets: { name: string; funds: { total: string }; indicators: SeedIndicator[] }[];
};
const sheet = seed.sheets.find((s) => s.name === SHEETS.liangqu.name)!;
const [r0, r1, r2, r3, r4, r5, r6] = sheet.indicators.map((i) => i.name) as [string, string, string, string, string, string, string];

/** What the evaluator types (as a person would: full-width digits, thousands separators, a percent sign). */
const TYPED = {
  executed: "1,500",
  actual: { [r0]: "2", [r1]: "3", [r2]: "４", [r3]: "3", [r4]: "5", [r5]: "100%" } as Record<string, string>,
  grade: { name: r6, band: "达成年度指标", score: "36" },
  deduction: { name: r4, points: "2", reason: "指标值设定偏低" },
  deviation: {
    [r0]: "一个项目延期至次年立项，已督促加快进度",
    [r4]: "指标值设定偏低，已扣分；下年度按实际能力调高",
    [r6]: "两项关键技术仍在攻关，下年度继续推进",
  } as Record<string, string>,
};

/** The same values as the `score` command's input (docs/formats.md): decimals as plain strings. */
function scoreCommandInput() {
  const plain: Record<string, string> = { "2": "2", "3": "3", "４": "4", "5": "5", "100%": "100" };
  return {
    sheets: [
      {
        name: sheet.name,
        funds: { total: sheet.funds.total },
        executed: "1500",
        indicators: sheet.indicators.map((i) => ({
          name: i.name,
          target: i.target,
          weight: String(i.weight),
          rule: i.rule,
          ...(TYPED.actual[i.name] !== undefined ? { actual: plain[TYPED.actual[i.name]!] } : {}),
          ...(i.name === TYPED.grade.name ? { grade: { band: TYPED.grade.band, score: TYPED.grade.score } } : {}),
          ...(i.name === TYPED.deduction.name ? { deduction: { points: TYPED.deduction.points, reason: TYPED.deduction.reason } } : {}),
        })),
      },
    ],
  };
}

function runScoreCommand(): { total: string; grade: string; complete: boolean } {
  // tsx from node_modules, as `npm run score` runs it (npx would first start npm: seconds on a busy machine).
  const tsx = path.join("node_modules", ".bin", "tsx");
  const result = spawnSync(tsx, ["--conditions=react-server", "lib/cli/score.ts", "-"], { input: JSON.stringify(scoreCommandInput()), encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout).sheets[0];
}

const EARLY_REASON = "负责人长期出差，已电话确认自评内容";

const field = (page: Page, name: string, what: string) => page.getByLabel(`${name} ${what}`, { exact: true });

let evaluatePath = "";

test.describe("evaluator", () => {
  test.use({ storageState: storageStateOf("evaluator") });

  test("grades a sheet, is refused an out-of-band score, and finalises", async ({ page }) => {
    await page.goto("/evaluations");
    await expect(page.getByRole("heading", { level: 1, name: "2025年度待评价" })).toBeVisible();
    await page.getByRole("table", { name: "2025年度年终评价" }).getByRole("link", { name: SHEETS.liangqu.name, exact: true }).click();
    await expect(page).toHaveURL(/\/sheets\/\d+\/evaluate$/);
    evaluatePath = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1 })).toContainText("年终评价");

    // An out-of-band score: the form shows the band's range and refuses before anything is sent.
    const band = field(page, r6, "评判等级");
    const score = field(page, r6, "评分");
    await band.selectOption(TYPED.grade.band);
    await expect(page.getByText("区间：32.00 ≤ 评分 ≤ 40.00")).toBeVisible();
    await score.fill("20");
    await expect(score).toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    const form = page.getByRole("form", { name: "年终评价" });
    const alert = form.getByRole("alert");
    await expect(alert).toContainText("未保存");
    await expect(alert).toContainText(`「${r6}」评分 20.00 不在「达成年度指标」的区间内（32.00 ≤ 评分 ≤ 40.00）`);
    await expect(score).toHaveValue("20");
    await expect(score).toBeFocused();
    await page.reload();
    await expect(field(page, r6, "评分")).toHaveValue("");
    await expect(page.getByText("状态：未开始")).toBeVisible();

    // The values, as typed; scores follow as they are typed; no deviation reason yet for the row below target.
    await page.getByLabel("全年执行数（万元）").fill(TYPED.executed);
    await expect(page.getByText("识别为 1,500.00")).toBeVisible();
    for (const [name, value] of Object.entries(TYPED.actual)) await field(page, name, "实际完成值").fill(value);
    await expect(page.getByText("识别为 4人")).toBeVisible();
    await expect(page.getByText("超额完成 250.00%")).toBeVisible();
    await field(page, r6, "评判等级").selectOption(TYPED.grade.band);
    await field(page, r6, "评分").fill(TYPED.grade.score);
    await field(page, r4, "扣分").fill(TYPED.deduction.points);
    await field(page, r4, "扣分原因").fill(TYPED.deduction.reason);
    await field(page, r4, "偏差原因分析及改进措施").fill(TYPED.deviation[r4]!);
    await field(page, r6, "偏差原因分析及改进措施").fill(TYPED.deviation[r6]!);
    await expect(page.getByLabel("总分", { exact: true })).toHaveText("90.05");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
    await expect(page.getByText("状态：评价中")).toBeVisible();

    // 得分反查: the score opens to its computation.
    await page.getByText("6.67", { exact: true }).click();
    await expect(page.getByText("完成值 2 / 指标值 3 × 10 = 6.67")).toBeVisible();

    // 定稿 says what it locks; before the lead has submitted their 自评 it needs a reason.
    await page.getByRole("button", { name: "定稿", exact: true }).click();
    const confirm = page.getByRole("group", { name: "确认定稿" });
    await expect(confirm).toContainText("总分 90.05，评价等级 优");
    await expect(confirm).toContainText("定稿后只有管理者可以重新开放");
    await confirm.getByRole("button", { name: "确认定稿" }).click();
    const earlyReason = confirm.getByLabel("提前定稿原因（负责人尚未提交自评，必填）");
    await expect(earlyReason).toHaveAttribute("aria-invalid", "true");
    await expect(earlyReason).toBeFocused();
    await earlyReason.fill(EARLY_REASON);
    await expect(earlyReason).not.toHaveAttribute("aria-invalid", "true");

    // Finalising is refused while a row scored below its weight has no deviation reason.
    await confirm.getByRole("button", { name: "确认定稿" }).click();
    await expect(page.getByRole("form", { name: "年终评价" }).getByRole("alert")).toContainText("不能定稿");
    const message = `「${r0}」得分 6.67 低于分值 10.00，请填写偏差原因分析及改进措施`;
    await expect(page.getByRole("form", { name: "年终评价" }).getByRole("alert")).toContainText(message);
    await expect(field(page, r0, "偏差原因分析及改进措施")).toHaveAttribute("aria-invalid", "true");

    await field(page, r0, "偏差原因分析及改进措施").fill(TYPED.deviation[r0]!);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
    await page.getByRole("button", { name: "定稿", exact: true }).click();
    await page.getByLabel("提前定稿原因（负责人尚未提交自评，必填）").fill(EARLY_REASON);
    await page.getByRole("button", { name: "确认定稿" }).click();
    await expect(page.getByText("状态：已定稿")).toBeVisible();
    await expect(page.getByText(`负责人提交自评前定稿，原因：${EARLY_REASON}`)).toBeVisible();
    await expect(page.getByText(/已定稿：总分 90\.05，评价等级 优（评价专家 于/)).toBeVisible();
    await expect(page.getByRole("button", { name: "保存", exact: true })).toHaveCount(0);
  });

  test("the printed 自评表 shows the same total and grade as the score command", async ({ page }) => {
    const command = runScoreCommand();
    expect(command.complete).toBe(true);

    await page.goto(evaluatePath);
    await page.getByRole("link", { name: "自评表（打印）" }).click();
    await expect(page).toHaveURL(/\/sheets\/\d+\/report$/);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("heading", { level: 1, name: "项目支出绩效自评表" })).toBeVisible();
    await expect(page.getByRole("button")).toHaveCount(0);
    const table = page.getByRole("table", { name: "绩效指标完成情况" });
    await expect(table.getByRole("row", { name: /^总分/ })).toContainText(command.total);
    await expect(page.getByTestId("report-total")).toHaveText(command.total);
    await expect(page.getByTestId("report-grade")).toHaveText(command.grade);
    await expect(table.getByRole("row", { name: new RegExp(r0) })).toContainText("6.67");
    await expect(page.getByRole("table", { name: "基本信息" })).toContainText("冯先生");

    // The .xlsx of the same report downloads.
    await page.emulateMedia({ media: "screen" });
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出Excel" }).click();
    expect((await download).suggestedFilename()).toMatch(/自评表.*\.xlsx$/);
  });
});

test.describe("manager", () => {
  test.use({ storageState: storageStateOf("manager") });

  test("reopens the final evaluation with a reason", async ({ page }) => {
    await page.goto(evaluatePath);
    await expect(page.getByText("状态：已定稿")).toBeVisible();
    await page.getByRole("button", { name: "重新开放" }).click();
    await expect(page.getByText("请填写重新开放的原因").first()).toBeVisible();
    await page.getByLabel("重新开放原因").fill("佐证资料不全，需补充后重新评价");
    await page.getByRole("button", { name: "重新开放" }).click();
    await expect(page.getByText("管理者已重新开放评价，原因：佐证资料不全，需补充后重新评价")).toBeVisible();
    await expect(page.getByText("状态：评价中")).toBeVisible();
  });
});
