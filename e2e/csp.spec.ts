import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { submitLogin } from "./login";
import { SHEETS, storageStateOf } from "./users";

// Every page answers a Content-Security-Policy with a nonce of its own (proxy.ts, lib/security/csp.ts), and the
// pages still work under it: no script or style of ours is refused.
test.describe.configure({ timeout: 180_000 });

const directives = (csp: string) =>
  new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([name, ...values]) => [name, values]),
  );

/** Fetches a page twice; both answers carry a nonce CSP, the nonces differ, and every script tag carries its answer's nonce. */
async function expectNonceCsp(request: APIRequestContext, path: string, status: number) {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(status);
    const csp = response.headers()["content-security-policy"] ?? "";
    const script = directives(csp).get("script-src") ?? [];
    expect(script, `${path}: ${csp}`).not.toContain("'unsafe-inline'");
    expect(script, path).not.toContain("'unsafe-eval'");
    const nonce = script.map((s) => /^'nonce-(.+)'$/.exec(s)?.[1]).find(Boolean);
    expect(nonce, `${path}: ${csp}`).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(directives(csp).get("style-src-elem"), path).toEqual(["'self'", `'nonce-${nonce}'`]);
    // The other headers stay.
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    for (const tag of html.match(/<style\b[^>]*>/g) ?? []) expect(tag, path).toContain(`nonce="${nonce}"`);
    nonces.push(nonce!);
  }
  expect(nonces[0], path).not.toBe(nonces[1]);
}

/** Records every CSP refusal the page meets, from the document's own event and from the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("__cspViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

async function sheetPath(page: Page): Promise<string> {
  await page.goto("/sheets");
  const href = await page.getByRole("link", { name: SHEETS.liangqu.name, exact: true }).getAttribute("href");
  expect(href).toMatch(/^\/sheets\/\d+$/);
  return href!;
}

async function signedIn(browser: Browser) {
  const context = await browser.newContext({ storageState: storageStateOf("admin") });
  return { context, page: await context.newPage() };
}

test("every kind of page answers a fresh nonce CSP with no 'unsafe-inline' script", async ({ browser, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  await expectNonceCsp(anonymous, "/login", 200);
  // The API answers no page: it gets the fixed, strictest policy.
  const api = await anonymous.get("/api/v1/no-such-route");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  await anonymous.dispose();

  const { context, page } = await signedIn(browser);
  const sheet = await sheetPath(page);
  for (const path of ["/", sheet, `${sheet}/report`, "/scorecard", "/admin/users", "/no-such-page"]) {
    await expectNonceCsp(page.request, path, path === "/no-such-page" ? 404 : 200);
  }
  await context.close();
});

test("pages work under the policy: nothing refused while browsing, a form is sent, a user signs in", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  const violations = await watchViolations(page);
  const sheet = await sheetPath(page);
  for (const [path, heading] of [
    ["/", "工作台"],
    [sheet, "项目支出绩效目标表"],
    [`${sheet}/report`, "项目支出绩效自评表"],
    [`${sheet}/monitor`, `运行监控 · ${SHEETS.liangqu.name}`],
    ["/scorecard", /绩效看板/],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }

  // A client-side form through a server action: the answer shows only if the page's scripts run.
  const username = `e2e-csp-${Date.now().toString(36)}`;
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill("测试CSP");
  await form.getByLabel("角色").selectOption("LEAD");
  await form.getByLabel("初始密码").fill("Csp-pass-2025");
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByText(`已创建用户 ${username}`)).toBeVisible();
  expect(violations).toEqual([]);
  await context.close();

  // The login form signs in through next-auth's client: landing on 工作台 needs the login page's scripts.
  const fresh = await browser.newContext();
  const login = await fresh.newPage();
  const refused = await watchViolations(login);
  await login.goto("/login");
  await submitLogin(login, username, "Csp-pass-2025");
  await expect(login.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  expect(refused).toEqual([]);
  await fresh.close();
});
