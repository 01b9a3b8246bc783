import { type Browser, type BrowserContextOptions, expect, type Page } from "@playwright/test";
import { storageStateOf, USERS, type UserKey } from "./users";

/**
 * Fills and sends the login form on the page (already at /login), and waits for the server's answer to the
 * credentials: a refused attempt shows the same message as the attempt before it, so without this the next step
 * could read the old message and type into the form while the answer is still coming (and then wiped).
 */
export async function submitLogin(page: Page, username: string, password: string) {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials") && r.request().method() === "POST");
  await page.getByRole("button", { name: "登录" }).click();
  await answered;
}

/** Signs in through the login form, as a person would: it lands on 工作台. */
export async function logIn(page: Page, user: UserKey) {
  const { username, password, displayName } = USERS[user];
  await page.goto("/login");
  await submitLogin(page, username, password);
  // Signing in hashes the password (argon2id, slow on purpose): on a busy machine it takes a while.
  await expect(page).toHaveURL(/:\d+\/$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(displayName);
}

/** A page in a new browser context already signed in as `user` (the setup project's saved state). */
export async function pageAs(browser: Browser, user: UserKey, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ ...options, storageState: storageStateOf(user) });
  return context.newPage();
}
