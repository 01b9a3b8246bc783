import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveAuthSecret, SECRET_FILE_NAME, SharedSecretRequiredError } from "./secret";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-secret-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("resolveAuthSecret", () => {
  it("prefers NEXTAUTH_SECRET and writes no file", () => {
    const dir = tempDir();
    expect(resolveAuthSecret({ NEXTAUTH_SECRET: " from-env " }, dir)).toBe("from-env");
    expect(fs.existsSync(path.join(dir, SECRET_FILE_NAME))).toBe(false);
  });

  it("creates a 32-byte hex key with mode 0600 in a directory that does not exist yet, then reuses it", () => {
    const dir = path.join(tempDir(), "nested", "data");
    const first = resolveAuthSecret({}, dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const file = path.join(dir, SECRET_FILE_NAME);
    if (process.platform !== "win32") expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret({}, dir)).toBe(first);
    expect(resolveAuthSecret({ NEXTAUTH_SECRET: "" }, dir)).toBe(first);
  });

  it("keeps an existing key", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, SECRET_FILE_NAME), "kept-key\n");
    expect(resolveAuthSecret({}, dir)).toBe("kept-key");
  });

  it("refuses to generate one on PostgreSQL, where instances share the database, and says why; a given one is used", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, SECRET_FILE_NAME), "kept-key\n");
    const postgres = { DATABASE_URL: "postgresql://u@db/ptt" };
    expect(() => resolveAuthSecret(postgres, dir)).toThrow(SharedSecretRequiredError);
    expect(() => resolveAuthSecret({ ...postgres, NEXTAUTH_SECRET: "  " }, dir)).toThrow(/必须设置 NEXTAUTH_SECRET：.*多个应用实例共用/);
    const empty = tempDir();
    expect(() => resolveAuthSecret(postgres, empty)).toThrow(SharedSecretRequiredError);
    expect(fs.readdirSync(empty)).toEqual([]);
    expect(resolveAuthSecret({ ...postgres, NEXTAUTH_SECRET: "shared" }, dir)).toBe("shared");
  });
});
