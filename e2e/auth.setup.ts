import { expect, test as setup } from "@playwright/test";
import { logIn } from "./login";
import { storageStateOf, USERS, type UserKey } from "./users";

// Each demo user signs in through the form once; the specs reuse the saved session.
for (const user of Object.keys(USERS) as UserKey[]) {
  setup(`${user} signs in`, async ({ page }) => {
    // The first request of a fresh server is slow as well.
    setup.setTimeout(90_000);
    await logIn(page, user);
    await expect(page.getByRole("banner")).toContainText(USERS[user].role);
    await page.context().storageState({ path: storageStateOf(user) });
  });
}
