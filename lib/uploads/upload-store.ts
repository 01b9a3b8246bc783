import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { dataDir } from "@/lib/db/config";
import { AppError } from "@/lib/errors";

/**
 * Keeps an uploaded workbook between its preview and its commit, and for nothing else (导入预览 → 确认导入 of target
 * sheets, 进度填报工作簿 preview → 确认写入): a file under DATA_DIR/tmp/imports named by a random token, readable only
 * by the user who uploaded it and only for the purpose it was uploaded for, gone after the commit, the cancel, or
 * 30 minutes. Commit reads these exact bytes again.
 */

export const UPLOAD_LIFETIME_MS = 30 * 60 * 1000;
const TOKEN = /^[0-9a-f]{48}$/;

/** What an upload is kept for: a token of one cannot be committed as the other. */
export type UploadPurpose = "sheets-import" | "progress-workbook";

export interface UploadMeta {
  userId: number;
  purpose: UploadPurpose;
  fileName: string;
  createdAt: number;
  /** The options the preview was made with (year, department, replace), to commit with the same. */
  options: Record<string, string | boolean | undefined>;
}

// turbopackIgnore: the directory is chosen at run time; without it the build traces the whole project.
const dir = (root = dataDir()) => path.join(/*turbopackIgnore: true*/ root, "tmp", "imports");
const files = (token: string, root?: string) => ({
  bytes: path.join(/*turbopackIgnore: true*/ dir(root), `${token}.xlsx`),
  meta: path.join(/*turbopackIgnore: true*/ dir(root), `${token}.json`),
});

export async function saveUpload(bytes: Uint8Array, meta: Omit<UploadMeta, "createdAt">, root?: string): Promise<string> {
  await fs.mkdir(dir(root), { recursive: true, mode: 0o700 });
  await removeExpired(root);
  const token = randomBytes(24).toString("hex");
  const f = files(token, root);
  await fs.writeFile(f.bytes, bytes, { mode: 0o600 });
  await fs.writeFile(f.meta, JSON.stringify({ ...meta, createdAt: Date.now() } satisfies UploadMeta), { mode: 0o600 });
  return token;
}

const gone = () => new AppError("NOT_FOUND", "上传的文件已过期或已写入，请重新上传");

/** The bytes and meta of an upload of this user for this purpose; NOT_FOUND when unknown, expired, another user's or for another purpose. */
export async function readUpload(
  token: string,
  owner: { userId: number; purpose: UploadPurpose },
  root?: string,
): Promise<{ bytes: Uint8Array; meta: UploadMeta }> {
  if (!TOKEN.test(token)) throw gone();
  const f = files(token, root);
  let meta: UploadMeta;
  try {
    meta = JSON.parse(await fs.readFile(/*turbopackIgnore: true*/ f.meta, "utf8")) as UploadMeta;
  } catch {
    throw gone();
  }
  if (meta.userId !== owner.userId || meta.purpose !== owner.purpose) throw gone();
  if (Date.now() - meta.createdAt > UPLOAD_LIFETIME_MS) {
    await discardUpload(token, root);
    throw gone();
  }
  return { bytes: new Uint8Array(await fs.readFile(/*turbopackIgnore: true*/ f.bytes)), meta };
}

export async function discardUpload(token: string, root?: string): Promise<void> {
  if (!TOKEN.test(token)) return;
  const f = files(token, root);
  await Promise.all([fs.rm(f.bytes, { force: true }), fs.rm(f.meta, { force: true })]);
}

async function removeExpired(root?: string): Promise<void> {
  const now = Date.now();
  for (const name of await fs.readdir(dir(root)).catch(() => [] as string[])) {
    const file = path.join(/*turbopackIgnore: true*/ dir(root), name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat && now - stat.mtimeMs > UPLOAD_LIFETIME_MS) await fs.rm(file, { force: true });
  }
}
