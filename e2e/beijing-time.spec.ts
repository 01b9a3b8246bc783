import { expect, test } from "@playwright/test";
import { pageAs } from "./login";
import { SHEETS } from "./users";

/** Today's date in Beijing, as the date filters take it. */
const beijingToday = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date());

// The server runs with TZ=UTC (playwright.config.ts): the 操作日志, formatted on the server, must show the same
// Beijing time as the evidence list, and its date filter must count Beijing days.
test("the 操作日志 shows an upload at the same Beijing time as the evidence list", async ({ browser }) => {
  test.setTimeout(120_000);
  const lead = await pageAs(browser, "lead");
  await lead.goto("/sheets");
  await lead.getByRole("link", { name: SHEETS.peitao.name, exact: true }).click();
  await expect(lead).toHaveURL(/\/sheets\/\d+$/);
  const sheetPath = new URL(lead.url()).pathname;
  await lead.goto(`${sheetPath}/progress?month=4`);
  const panel = lead.getByRole("region", { name: "佐证资料：2025年4月" });
  const name = `北京时间-${Date.now()}.pdf`;
  await panel.getByLabel("上传佐证资料").setInputFiles({ name, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  const fileRow = panel.getByRole("row").filter({ hasText: name });
  await expect(fileRow).toBeVisible();
  const shown = ((await fileRow.getByRole("cell").nth(3).textContent()) ?? "").trim();
  expect(shown).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  // The browser runs in Beijing; the instant was just now, so the shown minute is the Beijing minute.
  const now = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(new Date());
  expect(Math.abs(Date.parse(`${now.replace(" ", "T")}:00+08:00`) - Date.parse(`${shown.replace(" ", "T")}:00+08:00`))).toBeLessThanOrEqual(60_000);

  const admin = await pageAs(browser, "admin");
  const sheetId = sheetPath.split("/").pop();
  const today = beijingToday();
  await admin.goto(`/audit?sheet=${sheetId}&from=${today}&to=${today}`);
  await expect(admin.getByRole("navigation", { name: "本表页面" }).getByRole("link", { name: "操作日志" })).toHaveAttribute("aria-current", "page");
  const entry = admin.getByRole("row").filter({ hasText: "上传佐证资料" }).filter({ hasText: name });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByRole("cell").first()).toHaveText(shown);

  // Cleaning up: the month is not submitted, the lead may still delete the file.
  await panel.getByRole("button", { name: `删除「${name}」` }).click();
  await panel.getByRole("button", { name: `确认删除「${name}」` }).click();
  await expect(fileRow).toHaveCount(0);
  await Promise.all([lead.context().close(), admin.context().close()]);
});
