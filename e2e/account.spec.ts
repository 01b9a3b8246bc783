import { type Browser, expect, test } from "@playwright/test";
import { submitLogin } from "./login";
import { storageStateOf } from "./users";

/** A user of this journey's own, created by the admin through 系统管理 (the demo users stay untouched). */
async function createLead(browser: Browser, username: string, password: string) {
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill(`测试${username}`);
  await form.getByLabel("角色").selectOption("LEAD");
  await form.getByLabel("初始密码").fill(password);
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByText(`已创建用户 ${username}`)).toBeVisible();
  return { admin, page };
}

test("a user changes their password: every session of theirs ends, the new password signs in", async ({ browser }) => {
  const { admin } = await createLead(browser, "e2e-pw", "First-pass-2025");
  await admin.close();
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/login");
  await submitLogin(otherPage, "e2e-pw", "First-pass-2025");
  await expect(otherPage).toHaveURL(/:\d+\/$/);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await submitLogin(page, "e2e-pw", "First-pass-2025");
  await page
    .getByRole("banner")
    .getByRole("link", { name: /测试e2e-pw/ })
    .click();
  await expect(page.getByRole("heading", { name: "账号设置" })).toBeVisible();
  const form = page.getByRole("form", { name: "修改密码" });

  await form.getByLabel("当前密码").fill("not-my-password-1");
  await form.getByLabel("新密码", { exact: true }).fill("Second-pass-2025");
  await form.getByLabel("再次输入新密码").fill("Second-pass-2025");
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(form.getByRole("alert")).toHaveText("当前密码不正确");

  await form.getByLabel("当前密码").fill("First-pass-2025");
  await form.getByLabel("新密码", { exact: true }).fill("Second-pass-2025");
  await form.getByLabel("再次输入新密码").fill("Second-pass-2025");
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/login\?notice=password-changed$/);
  await expect(page.getByText("密码已修改，请用新密码重新登录。")).toBeVisible();

  // The other browser's session ended with the change.
  await otherPage.goto("/sheets");
  await expect(otherPage).toHaveURL(/\/login\?callbackUrl=%2Fsheets$/);

  await submitLogin(page, "e2e-pw", "First-pass-2025");
  await expect(page.getByText("用户名或密码错误")).toBeVisible();
  await submitLogin(page, "e2e-pw", "Second-pass-2025");
  await expect(page).toHaveURL(/:\d+\/$/);
  await Promise.all([context.close(), other.close()]);
});

test("five wrong passwords lock an account from that address, answered as a wrong password; an admin sees the lock and lifts it", async ({ browser }) => {
  const refused = "用户名或密码错误，或尝试次数过多，请稍后再试";
  const { admin, page: adminPage } = await createLead(browser, "e2e-lock", "Lock-pass-2025");
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  for (let i = 1; i <= 5; i++) {
    await submitLogin(page, "e2e-lock", `wrong-pass-${i}`);
    await expect(page.getByText(refused)).toBeVisible();
  }
  // Locked: the right password gets the very same answer, so the lock confirms nothing to a stranger.
  await submitLogin(page, "e2e-lock", "Lock-pass-2025");
  await expect(page.getByText(refused)).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);

  await adminPage.reload();
  const lock = adminPage.getByRole("form", { name: "测试e2e-lock（e2e-lock）的登录锁定" });
  await expect(lock).toContainText(/锁定至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await lock.getByRole("button", { name: "解除 测试e2e-lock（e2e-lock）的登录锁定" }).click();
  await expect(lock.getByRole("status")).toHaveText("已解除 e2e-lock 的登录锁定");
  await expect(lock).not.toContainText("锁定至");

  await submitLogin(page, "e2e-lock", "Lock-pass-2025");
  await expect(page).toHaveURL(/:\d+\/$/);
  await Promise.all([context.close(), admin.close()]);
});
