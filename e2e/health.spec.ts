import { expect, test } from "@playwright/test";

/** GET /api/health as a load balancer calls it: no session, JSON, 200 while the server can serve (docs/deploy.md). */
test("GET /api/health answers 200 without a session, each check named", async ({ request }) => {
  const response = await request.get("/api/health", { headers: { cookie: "" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = await response.json();
  expect(body).toMatchObject({
    status: "ok",
    shuttingDown: false,
    checks: { database: { ok: true }, migrations: { ok: true, pending: [], failed: [] }, storage: { ok: true } },
  });
  // Nothing about the machine: no paths, no addresses.
  expect(JSON.stringify(body)).not.toMatch(/\/tmp|DATA_DIR|postgres(ql)?:\/\/|\d+\.\d+\.\d+\.\d+/);
});
