import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { resolveAuthSecret } from "@/lib/session/secret";

/**
 * Secrets the admin enters (the SMTP password, a robot's signing secret) are stored encrypted with AES-256-GCM,
 * under a key derived from the installation's secret (NEXTAUTH_SECRET or DATA_DIR/nextauth-secret): a copy of the
 * database alone does not reveal them. Changing that secret makes them unreadable; the admin then enters them again.
 */
const VERSION = "v1";

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", createHash("sha256").update(secret).digest(), Buffer.alloc(0), "ptt notifications secret-box", 32));
}

export function sealSecret(plain: string, secret: string = resolveAuthSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), sealed.toString("base64")].join(":");
}

/** The plain secret; a clear refusal when the installation's secret changed since it was stored. */
export function openSecret(sealed: string, what: string, secret: string = resolveAuthSecret()): string {
  const [version, iv, tag, data] = sealed.split(":");
  try {
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error("format");
    const decipher = createDecipheriv("aes-256-gcm", key(secret), Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new AppError("CONFLICT", `${what}无法解密（系统密钥已更换），请在 系统管理 → 通知 重新填写`);
  }
}
