import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/db/config";

export const SECRET_FILE_NAME = "nextauth-secret";

/**
 * The key that signs and encrypts session cookies: NEXTAUTH_SECRET when set, else a random key kept in
 * `DATA_DIR/nextauth-secret` (created on first start, readable by the owner only), so a fresh install
 * needs no configuration and sessions survive restarts. Deleting the file signs everybody out.
 */
export function resolveAuthSecret(env: { NEXTAUTH_SECRET?: string } = process.env, dir: string = dataDir()): string {
  const fromEnv = env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = path.join(dir, SECRET_FILE_NAME);
  const existing = readSecret(file);
  if (existing) return existing;
  fs.mkdirSync(dir, { recursive: true });
  try {
    // "wx": never overwrite a key another process wrote a moment ago.
    fs.writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const created = readSecret(file);
  if (!created) throw new Error(`会话密钥文件 ${file} 为空：请删除该文件后重新启动，或设置 NEXTAUTH_SECRET。`);
  return created;
}

function readSecret(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8").trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
