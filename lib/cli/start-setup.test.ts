import { afterEach, describe, expect, it, vi } from "vitest";

const events = vi.hoisted((): string[] => []);
vi.mock("@/lib/db/config", () => ({ dbTarget: () => ({ engine: "pglite", dataDir: "/nowhere" }), dataDir: () => "/nowhere" }));
vi.mock("@/lib/db/open", () => ({ openDatabase: async () => ({ sql: {}, prisma: {}, close: async () => void events.push("close") }) }));
vi.mock("@/lib/db/migrate", () => ({ migrate: async () => Promise.reject(new Error("迁移失败")) }));

import { checkStartSettings, runSetup } from "./start-setup";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  events.length = 0;
});

describe("runSetup", () => {
  it("closes the database (and its data-directory lock) before exiting when the setup fails", async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    vi.spyOn(process, "exit").mockImplementation(((code: number) => void events.push(`exit ${code}`)) as never);
    await runSetup();
    expect(events).toEqual(["close", "exit 1"]);
    expect(stderr).toHaveBeenCalledWith("迁移失败\n");
  });
});

describe("checkStartSettings", () => {
  it("stops before the build, naming the evidence store's missing setting", () => {
    vi.stubEnv("NEXTAUTH_SECRET", "a-shared-secret-for-the-test");
    vi.stubEnv("EVIDENCE_STORE", "s3");
    vi.stubEnv("S3_ENDPOINT", "http://minio.internal:9000");
    vi.stubEnv("S3_BUCKET", "ptt-evidence");
    vi.stubEnv("S3_ACCESS_KEY_ID", "AKID");
    vi.stubEnv("S3_SECRET_ACCESS_KEY", "");
    const stderr = vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(process, "exit").mockImplementation(((code: number) => void events.push(`exit ${code}`)) as never);
    checkStartSettings();
    expect(events).toEqual(["exit 2"]);
    expect(stderr).toHaveBeenCalledWith(
      "S3_SECRET_ACCESS_KEY 为空：使用 S3 存储佐证资料时必须提供访问密钥（Secret Key）（S3_SECRET_ACCESS_KEY must not be empty when EVIDENCE_STORE=s3）",
    );
    events.length = 0;
    vi.stubEnv("S3_SECRET_ACCESS_KEY", "secret");
    checkStartSettings();
    expect(events).toEqual([]);
  });
});
