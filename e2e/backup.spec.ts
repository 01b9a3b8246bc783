import fs from "node:fs";
import { createGunzip } from "node:zlib";
import { expect, test } from "@playwright/test";
import { readTar } from "@/lib/backup/tar";
import { pageAs } from "./login";
import { storageStateOf } from "./users";

// 系统管理 → 备份: an admin downloads the whole system as one archive, and the download is listed (and audited).
test.describe.configure({ timeout: 180_000 });

test.describe("admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("downloads a backup from 系统管理: one .tar.gz with its manifest, listed afterwards", async ({ page }) => {
    await page.goto("/admin/users");
    await page.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: "备份" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "备份与恢复" })).toBeVisible();
    await expect(page.getByRole("region", { name: "恢复" })).toContainText("npm run db:restore -- 备份文件.tar.gz");

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载备份" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^绩效目标管理-备份-\d{8}-\d{4}\.tar\.gz$/);
    const file = await download.path();

    const names: string[] = [];
    let manifest: { format?: string; migrations?: unknown[]; tables?: { name: string; rows: number }[] } = {};
    for await (const entry of readTar(fs.createReadStream(file).pipe(createGunzip()))) {
      names.push(entry.name);
      const chunks: Buffer[] = [];
      for await (const chunk of entry.body) chunks.push(Buffer.from(chunk));
      if (entry.name === "manifest.json") manifest = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    }
    expect(names[0]).toBe("manifest.json");
    expect(manifest.format).toBe("ptt-backup");
    expect(manifest.tables?.find((t) => t.name === "target_sheet")?.rows).toBeGreaterThanOrEqual(14);
    expect(names).toContain("db/audit_log.jsonl");

    await page.reload();
    await expect(page.getByRole("table", { name: "最近的备份下载" }).getByRole("row").nth(1)).toContainText(download.suggestedFilename());
  });
});

test("other roles neither see the page nor get a backup", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  const response = await page.goto("/admin/backup");
  expect(response?.status()).toBe(403);
  const post = await page.request.post("/api/v1/backup", { headers: { origin: new URL(page.url()).origin } });
  expect(post.status()).toBe(403);
  expect((await post.json()).error).toBe("无权执行此操作");
  await page.context().close();
});
