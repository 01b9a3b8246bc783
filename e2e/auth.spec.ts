import { expect, test } from "@playwright/test";
import { logIn } from "./login";

test.describe("signed out", () => {
  test("the sheets list and a sheet redirect to the login page", async ({ page }) => {
    await page.goto("/sheets");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsheets$/);
    await expect(page.getByRole("button", { name: "登录" })).toBeVisible();

    await page.goto("/sheets/1");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsheets%2F1$/);
    await expect(page.getByText("支持产业核心技术攻关项目数量")).toHaveCount(0);
  });

  test("signing in comes back to the page asked for, never to another site", async ({ page }) => {
    await page.goto("/scorecard?year=2025");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fscorecard%3Fyear%3D2025$/);
    await page.getByLabel("用户名").fill("manager");
    await page.getByLabel("密码").fill("Manager@2025demo");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/scorecard\?year=2025$/);
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login$/);

    await page.goto("/login?callbackUrl=https%3A%2F%2Fexample.com%2F");
    await page.getByLabel("用户名").fill("manager");
    await page.getByLabel("密码").fill("Manager@2025demo");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/localhost:\d+\/$/);
  });

  test("a wrong password is refused with a clear message and the username kept", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("用户名").fill("manager");
    await page.getByLabel("密码").fill("not-the-password-1");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("用户名或密码错误")).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel("用户名")).toHaveValue("manager");
    await expect(page.getByLabel("密码")).toHaveValue("");

    // An unknown user gets the same answer, and nothing is signed in.
    await page.getByLabel("用户名").fill("nobody");
    await page.getByLabel("密码").fill("Manager@2025demo");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("用户名或密码错误")).toBeVisible();
    await page.goto("/sheets");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsheets$/);
  });
});

test("signing out ends the session", async ({ page }) => {
  await logIn(page, "manager");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/sheets");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsheets$/);
});

test("a signed-in user visiting the login page goes to the 工作台", async ({ page }) => {
  await logIn(page, "evaluator");
  await page.goto("/login");
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
});
