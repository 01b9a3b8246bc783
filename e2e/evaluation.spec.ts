import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { SHEETS, storageStateOf } from "./users";

/**
 * Year-end evaluation: the evaluator grades a seed sheet (refusals at their fields, unsaved input kept through a
 * reload), is refused 定稿 without a reason while the lead's 自评 is not submitted; the lead submits; the evaluator
 * finalises after a confirmation; the printed 自评表 shows 自评分 beside 评价分, the sign-off block, and the same total
 * and grade as the `score` command gives for the same values; a manager reopens it.
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

const field = (page: Page, name: string, what: string) => page.getByLabel(`${name} ${what}`, { exact: true });

let evaluatePath = "";

/** The lead's 自评 of the same sheet: full target on every row but the first, 40 of 40 on the graded row. */
const SELF = {
  executed: "1600",
  actual: { [r0]: "2", [r1]: "3", [r2]: "4", [r3]: "3", [r4]: "5", [r5]: "100%" } as Record<string, string>,
  grade: { band: "达成年度指标", score: "40" },
  deviation: "一个项目推迟到次年立项",
};

test.describe("evaluator", () => {
  test.use({ storageState: storageStateOf("evaluator") });

  test("grades a sheet: refusals at their fields, disappearing once fixed; unsaved input survives a reload", async ({ page }) => {
    await page.goto("/evaluations");
    await expect(page.getByRole("heading", { level: 1, name: "2025年度待评价" })).toBeVisible();
    await page.getByRole("table", { name: "2025年度年终评价" }).getByRole("link", { name: SHEETS.liangqu.name, exact: true }).click();
    await expect(page).toHaveURL(/\/sheets\/\d+\/evaluate$/);
    evaluatePath = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1 })).toContainText("年终评价");
    await expect(page.getByText("负责人自评：未自评")).toBeVisible();

    // An out-of-band score is marked as typed; the server refuses it at the field and nothing is lost.
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
    await score.fill(TYPED.grade.score);
    await expect(score).not.toHaveAttribute("aria-invalid", "true");
    await expect(alert).toHaveCount(0);

    // Reloading with unsaved input asks first; the browser kept the input and offers it back.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.reload();
    await expect(page.getByText("状态：未开始")).toBeVisible();
    await page.getByRole("button", { name: "恢复" }).click();
    await expect(field(page, r6, "评分")).toHaveValue(TYPED.grade.score);
    await expect(field(page, r6, "评判等级")).toHaveValue(TYPED.grade.band);

    // The values, as typed; scores follow as they are typed.
    await page.getByLabel("全年执行数（万元）").fill(TYPED.executed);
    await expect(page.getByText("识别为 1,500.00")).toBeVisible();
    for (const [name, value] of Object.entries(TYPED.actual)) await field(page, name, "实际完成值").fill(value);
    await expect(page.getByText("识别为 4人")).toBeVisible();
    await expect(page.getByText("超额完成 250.00%")).toBeVisible();
    await field(page, r4, "扣分").fill(TYPED.deduction.points);
    await field(page, r4, "扣分原因").fill(TYPED.deduction.reason);
    await field(page, r4, "偏差原因分析及改进措施").fill(TYPED.deviation[r4]!);
    await field(page, r6, "偏差原因分析及改进措施").fill(TYPED.deviation[r6]!);
    await expect(page.getByLabel("总分", { exact: true })).toHaveText("90.05");
    // Nothing is stored yet: nothing to finalise.
    await expect(page.getByRole("button", { name: "定稿", exact: true })).toHaveCount(0);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
    // The page follows without a reload: status, and 定稿 now open.
    await expect(page.getByText("状态：评价中")).toBeVisible();
    await expect(page.getByRole("button", { name: "定稿", exact: true })).toBeEnabled();

    // 得分反查: the score opens to its computation.
    await page.getByText("6.67", { exact: true }).click();
    await expect(page.getByText("完成值 2 / 指标值 3 × 10 = 6.67")).toBeVisible();
  });

  test("定稿 before the lead's 自评 is submitted needs a reason, named at its field with every other gap", async ({ page }) => {
    await page.goto(evaluatePath);
    await page.getByRole("button", { name: "定稿", exact: true }).click();
    const alert = page.getByRole("form", { name: "年终评价" }).getByRole("alert");
    await expect(alert).toContainText("不能定稿：还有 2 处需要补充");
    await expect(alert).toContainText(`「${r0}」得分 6.67 低于分值 10.00，请填写偏差原因分析及改进措施`);
    await expect(alert).toContainText("负责人尚未提交自评：如需现在定稿，请填写提前定稿的原因");
    const early = page.getByLabel("提前定稿原因");
    await expect(early).toHaveAttribute("aria-invalid", "true");
    await expect(field(page, r0, "偏差原因分析及改进措施")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("状态：评价中")).toBeVisible();

    // The deviation reason is saved; the evaluator waits for the lead instead of finalising early.
    await field(page, r0, "偏差原因分析及改进措施").fill(TYPED.deviation[r0]!);
    await expect(field(page, r0, "偏差原因分析及改进措施")).not.toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  });
});

test.describe("lead", () => {
  test.use({ storageState: storageStateOf("lead") });

  test("fills and submits the 自评 after a confirmation that says what is locked", async ({ page }) => {
    await page.goto(evaluatePath);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("负责人自评");
    await page.getByLabel("全年执行数（万元）").fill(SELF.executed);
    for (const [name, value] of Object.entries(SELF.actual)) await field(page, name, "实际完成值").fill(value);
    await field(page, r6, "评判等级").selectOption(SELF.grade.band);
    await field(page, r6, "评分").fill(SELF.grade.score);
    await field(page, r0, "偏差原因分析及改进措施").fill(SELF.deviation);
    await page.getByRole("button", { name: "保存自评" }).click();
    await expect(page.getByRole("status").filter({ hasText: "自评已保存" })).toBeVisible();
    await expect(page.getByText("状态：自评中（未提交）")).toBeVisible();

    await page.getByRole("button", { name: "提交自评" }).click();
    const dialog = page.getByRole("dialog", { name: "提交自评？" });
    await expect(dialog).toContainText("提交后自评将锁定：自评总分 96.67，评价等级 优");
    await expect(dialog).toContainText("提交后只有管理者可以重新开放");
    await dialog.getByRole("button", { name: "确认提交" }).click();
    await expect(page.getByText("状态：已提交")).toBeVisible();
    await expect(page.getByText(/自评已提交：自评总分 96\.67，评价等级 优（\d{4}-\d{2}-\d{2} \d{2}:\d{2} 提交）/)).toBeVisible();
    await expect(page.getByRole("button", { name: "保存自评" })).toHaveCount(0);
  });
});

test.describe("evaluator, once the lead has submitted", () => {
  test.use({ storageState: storageStateOf("evaluator") });

  test("finalises without a reason, after a confirmation stating total, grade and who may reopen", async ({ page }) => {
    await page.goto(evaluatePath);
    await expect(page.getByText(/负责人自评：已提交（\d{4}-\d{2}-\d{2} \d{2}:\d{2} 提交）/)).toBeVisible();
    await expect(page.getByLabel("提前定稿原因")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "评价结果" })).toContainText("负责人自评：96.67（优）");

    await page.getByRole("button", { name: "定稿", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "确认定稿？" });
    await expect(dialog).toContainText("定稿将锁定本次评价：总分 90.05，评价等级 优");
    await expect(dialog).toContainText("定稿后只有管理者可以重新开放");
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(page.getByText("状态：评价中")).toBeVisible();

    await page.getByRole("button", { name: "定稿", exact: true }).click();
    await page.getByRole("dialog", { name: "确认定稿？" }).getByRole("button", { name: "确认定稿" }).click();
    // Status, result and actions follow without a reload.
    await expect(page.getByText("状态：已定稿")).toBeVisible();
    await expect(page.getByText(/已定稿：总分 90\.05，评价等级 优（评价专家 于/)).toBeVisible();
    await expect(page.getByRole("button", { name: "保存", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "定稿", exact: true })).toHaveCount(0);
  });

  test("the 自评表 shows 自评分 beside 评价分 with the reasons, the sign-off block, and the same total as the score command", async ({ page }) => {
    const command = runScoreCommand();
    expect(command.complete).toBe(true);

    await page.goto(evaluatePath);
    await page.getByRole("navigation", { name: "本表页面" }).getByRole("link", { name: "自评表" }).click();
    await expect(page).toHaveURL(/\/sheets\/\d+\/report$/);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("heading", { level: 1, name: "项目支出绩效自评表" })).toBeVisible();
    await expect(page.getByRole("button")).toHaveCount(0);
    const table = page.getByRole("table", { name: "绩效指标完成情况" });
    await expect(table.getByRole("columnheader", { name: "自评分" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "评价分" })).toBeVisible();
    await expect(page.getByTestId("report-total")).toHaveText(command.total);
    await expect(page.getByTestId("report-grade")).toHaveText(command.grade);
    await expect(page.getByTestId("report-self-total")).toHaveText("96.67");
    await expect(page.getByTestId("report-self-grade")).toHaveText("优");
    const deducted = table.getByRole("row", { name: new RegExp(r4) });
    await expect(deducted.getByRole("cell")).toContainText(["10.00", "10.00", "8.00"]);
    await expect(deducted).toContainText(`扣分理由（扣 2.00 分）：${TYPED.deduction.reason}`);
    await expect(table.getByRole("row", { name: new RegExp(r0) })).toContainText(`负责人自评偏差原因：${SELF.deviation}`);
    await expect(page.getByRole("table", { name: "基本信息" })).toContainText("冯先生");

    const signOff = page.getByRole("table", { name: "签章" });
    for (const label of ["填报人", "审核人", "单位负责人", "联系电话", "填报日期", "单位盖章"])
      await expect(signOff.getByRole("rowheader", { name: label })).toBeVisible();
    await expect(page.getByTestId("sign-off-filled-by")).toHaveText("评价专家");
    await expect(page.getByTestId("sign-off-filled-on")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);

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
