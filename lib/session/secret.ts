import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/db/config";

export const SECRET_FILE_NAME = "nextauth-secret";

/** On PostgreSQL the secret must be given: a generated one would be this machine's alone. */
export class SharedSecretRequiredError extends Error {
  override name = "SharedSecretRequiredError";
  constructor() {
    super(
      "设置了 DATABASE_URL（PostgreSQL）时必须设置 NEXTAUTH_SECRET：同一数据库可能由多个应用实例共用，" +
        "各实例须使用同一会话密钥——自动生成的密钥只存在本机 DATA_DIR，在一个实例登录的会话到另一个实例无效，" +
        "通知渠道的密码也无法在另一个实例解密。请生成一次（如 openssl rand -hex 32），在每个实例设置相同的 NEXTAUTH_SECRET 后再启动。",
    );
  }
}

/**
 * The key that signs and encrypts session cookies: NEXTAUTH_SECRET when set, else — on the embedded database
 * only — a random key kept in `DATA_DIR/nextauth-secret` (created on first start, readable by the owner only), so
 * a fresh install needs no configuration and sessions survive restarts. Deleting the file signs everybody out.
 * With DATABASE_URL it is never generated (SharedSecretRequiredError): several instances share that database.
 */
export function resolveAuthSecret(env: { NEXTAUTH_SECRET?: string; DATABASE_URL?: string } = process.env, dir: string = dataDir()): string {
  const fromEnv = env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (env.DATABASE_URL?.trim()) throw new SharedSecretRequiredError();
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
