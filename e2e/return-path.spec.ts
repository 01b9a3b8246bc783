import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { submitLogin } from "./login";
import { storageStateOf, USERS } from "./users";

/**
 * Issue 11, as an attacker writes the link: `/login?callbackUrl=…` must never answer 500 and never send
 * anyone to another site — not the server's redirect of a signed-in visitor, not the form after signing in.
 * Each payload is the raw query value of the link.
 */
const PAYLOADS = [
  "/%09/evil.example/x",
  "/%0a/evil.example",
  "/%0d/evil.example",
  "/%0d%0aSet-Cookie:%20x=1",
  "//evil.example/x",
  "///evil.example",
  "%2F%2Fevil.example",
  "/%2F/evil.example",
  "/%252F%252Fevil.example",
  "/%5Cevil.example",
  "%5C%5Cevil.example",
  "/%5C/evil.example",
  "https%3A%2F%2Fevil.example%2F",
  "https:evil.example",
  "javascript%3Aalert(1)",
  "/%E4%B8%AD",
  "/%E4%B8",
  "/%",
];

const onSite = (location: string, baseURL: string) => new URL(location, baseURL).origin === new URL(baseURL).origin;

let signedIn: APIRequestContext;
let signedOut: APIRequestContext;

test.beforeAll(async ({ baseURL }) => {
  signedIn = await request.newContext({ baseURL, storageState: storageStateOf("evaluator") });
  signedOut = await request.newContext({ baseURL });
});
test.afterAll(async () => {
  await signedIn.dispose();
  await signedOut.dispose();
});

for (const payload of PAYLOADS) {
  test(`callbackUrl=${payload}: no 500, no way off the site`, async ({ baseURL }) => {
    const url = `/login?callbackUrl=${payload}`;

    const form = await signedOut.get(url, { maxRedirects: 0 });
    expect(form.status(), "the signed-out login page").toBe(200);
    expect(await form.text()).toContain("用户名");

    const bounce = await signedIn.get(url, { maxRedirects: 0 });
    expect(bounce.status(), "the signed-in visitor's redirect").toBeLessThan(500);
    // Sent on by a Location header, or by a refresh tag once the page has started streaming: either way, on this site.
    const location = bounce.headers().location ?? /http-equiv="refresh"\s+content="\d+;\s*url=([^"]+)"/i.exec(await bounce.text())?.[1];
    expect(location, "the signed-in visitor is sent on").toBeDefined();
    expect(onSite(location ?? "", baseURL ?? ""), `sent to ${location}`).toBe(true);
  });
}

test("the login form, given a tab, backslash or non-ASCII return path, lands on this site", async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? "").origin;
  for (const [payload, lands] of [
    ["/%09/evil.example/x", "/"],
    ["/%5C/evil.example", "/"],
    ["/sheets%3Fyear%3D2025", "/sheets?year=2025"],
  ] as const) {
    await page.goto(`/login?callbackUrl=${payload}`);
    await submitLogin(page, USERS.evaluator.username, USERS.evaluator.password);
    await page.waitForURL((url) => url.pathname !== "/login");
    expect(new URL(page.url()).origin).toBe(origin);
    expect(page.url()).toBe(origin + lands);
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/login$/);
  }
});
