import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end journeys against the real app (`npm start`: build if needed, migrate, seed, serve) on a
 * fresh embedded database. The config is evaluated again in every worker: the data directory is made
 * once, by the main process, and handed down to the workers through the environment.
 */
process.env.PTT_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "ptt-e2e-"));
const dataDir = process.env.PTT_E2E_DATA_DIR;

// The journeys prove the app needs none of these: no NEXTAUTH_URL (any host and port), no
// NEXTAUTH_SECRET (the key is created in DATA_DIR), no PostgreSQL (the embedded database).
delete process.env.NEXTAUTH_URL;
delete process.env.NEXTAUTH_SECRET;
delete process.env.DATABASE_URL;

// PTT_E2E_PORT lets two checkouts run their journeys side by side on one machine.
const PORT = Number(process.env.PTT_E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // Limits that catch a hang, not a slow machine. Every step waits on a condition (a URL, a text, a response),
  // never on time. Measured on a 2-core machine at load average 28 (builds and test suites of other checkouts):
  // the browser itself took 3–6 s per fill, up to 10 s to open a page and 12 s per navigation, and the account
  // journey (three browsers, twenty steps) over 2 minutes.
  timeout: 300_000,
  expect: { timeout: 60_000 },
  reporter: [["list"]],
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", testMatch: /.*\.spec\.ts/, testIgnore: [/.*\.phone\.spec\.ts/, /rollover\.spec\.ts/], dependencies: ["setup"] },
    // Phones (docs/ux.md): the same journeys at 390×844 with touch; `*.phone.spec.ts` only.
    {
      name: "phone",
      testMatch: /.*\.phone\.spec\.ts/,
      dependencies: ["setup"],
      use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    },
    // 年度结转 adds the next year, which becomes the lists' default year: it runs after every other journey.
    { name: "rollover", testMatch: /rollover\.spec\.ts/, dependencies: ["chromium", "phone"] },
  ],
  webServer: {
    command: "npm start",
    url: `http://localhost:${PORT}/login`,
    // The server runs in UTC while the browser is in Beijing: every time shown must still be Beijing time.
    env: { DATA_DIR: dataDir, PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1", TZ: "UTC" },
    // The first start builds Next: over 5 minutes on a busy 2-core machine.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
