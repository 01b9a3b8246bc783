import { afterEach, describe, expect, it, vi } from "vitest";

const events = vi.hoisted((): string[] => []);
vi.mock("@/lib/db/config", () => ({ dbTarget: () => ({ engine: "pglite", dataDir: "/nowhere" }) }));
vi.mock("@/lib/db/open", () => ({ openDatabase: async () => ({ sql: {}, prisma: {}, close: async () => void events.push("close") }) }));
vi.mock("@/lib/db/migrate", () => ({ migrate: async () => Promise.reject(new Error("迁移失败")) }));

import { runSetup } from "./start-setup";

afterEach(() => vi.restoreAllMocks());

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
