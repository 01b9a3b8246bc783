import { expect, type Page } from "@playwright/test";
import { USERS, type UserKey } from "./users";

/** Signs in through the login form, as a person would. */
export async function logIn(page: Page, user: UserKey) {
  const { username, password, displayName } = USERS[user];
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/sheets$/);
  await expect(page.getByRole("banner")).toContainText(displayName);
}
