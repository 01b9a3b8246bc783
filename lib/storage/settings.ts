import "server-only";
import path from "node:path";
import { z } from "zod";
import { dataDir } from "@/lib/db/config";

/**
 * Where 佐证资料 bytes live, read from the environment: `EVIDENCE_STORE=local` (the default: DATA_DIR/uploads) or
 * `EVIDENCE_STORE=s3` with the S3_* settings of an S3-compatible object store (MinIO, Ceph RGW, the S3 services of
 * the Chinese clouds). Read once at start-up (lib/cli/start-setup.ts) so a missing setting stops the server with
 * its name, and again when a store is opened.
 */

export interface LocalStoreSettings {
  kind: "local";
  /** DATA_DIR/uploads. */
  dir: string;
}

export interface S3StoreSettings {
  kind: "s3";
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `http://host/bucket/key` instead of `http://bucket.host/key`: what MinIO and most private installations need. */
  forcePathStyle: boolean;
}

export type StoreSettings = LocalStoreSettings | S3StoreSettings;

/** A setting that is missing or wrong; the message names it, in Chinese and English. */
export class StoreSettingsError extends Error {
  override name = "StoreSettingsError";
}

type Env = Record<string, string | undefined>;

const required = (name: string, what: string) =>
  z
    .string({ error: `${name} 未设置：使用 S3 存储佐证资料时必须提供${what}（${name} is required when EVIDENCE_STORE=s3）` })
    .trim()
    .min(1, `${name} 为空：使用 S3 存储佐证资料时必须提供${what}（${name} must not be empty when EVIDENCE_STORE=s3）`);

const s3Schema = z.object({
  S3_ENDPOINT: required("S3_ENDPOINT", "对象存储的访问地址，如 http://minio.internal:9000").pipe(
    z.url({
      protocol: /^https?$/,
      error: "S3_ENDPOINT 应为 http:// 或 https:// 开头的地址，如 http://minio.internal:9000（S3_ENDPOINT must be an http(s) URL）",
    }),
  ),
  // S3's rules: 3–63 characters of lower-case letters, digits, dots and hyphens.
  S3_BUCKET: required("S3_BUCKET", "存储桶名称").pipe(
    z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        "S3_BUCKET 应为 3–63 个小写字母、数字、点或连字符（S3_BUCKET must be 3–63 lower-case letters, digits, dots or hyphens）",
      ),
  ),
  S3_REGION: z
    .string()
    .trim()
    .default("")
    .transform((v) => v || "us-east-1"),
  S3_ACCESS_KEY_ID: required("S3_ACCESS_KEY_ID", "访问密钥 ID（Access Key）"),
  S3_SECRET_ACCESS_KEY: required("S3_SECRET_ACCESS_KEY", "访问密钥（Secret Key）"),
  S3_FORCE_PATH_STYLE: z
    .string()
    .trim()
    .toLowerCase()
    .default("")
    .pipe(
      z.enum(["", "true", "false", "1", "0"], {
        error: "S3_FORCE_PATH_STYLE 应为 true 或 false（S3_FORCE_PATH_STYLE must be true or false）",
      }),
    )
    .transform((v) => v === "true" || v === "1"),
});

const kindSchema = z
  .string()
  .trim()
  .toLowerCase()
  .default("")
  .pipe(z.enum(["", "local", "s3"], { error: "EVIDENCE_STORE 应为 local 或 s3（EVIDENCE_STORE must be local or s3）" }))
  .transform((v) => (v === "" ? "local" : v));

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "佐证资料存储设置有误";
}

/** The local directory store's settings (always available: it needs nothing but DATA_DIR). */
export function localStoreSettings(): LocalStoreSettings {
  return { kind: "local", dir: path.join(dataDir(), "uploads") };
}

/** The S3 settings, whatever EVIDENCE_STORE says (`evidence:migrate` needs both stores). */
export function s3StoreSettings(env: Env = process.env): S3StoreSettings {
  const parsed = s3Schema.safeParse(env);
  if (!parsed.success) throw new StoreSettingsError(firstMessage(parsed.error));
  const s = parsed.data;
  return {
    kind: "s3",
    endpoint: s.S3_ENDPOINT,
    bucket: s.S3_BUCKET,
    region: s.S3_REGION,
    accessKeyId: s.S3_ACCESS_KEY_ID,
    secretAccessKey: s.S3_SECRET_ACCESS_KEY,
    forcePathStyle: s.S3_FORCE_PATH_STYLE,
  };
}

/** The store EVIDENCE_STORE chooses, with its settings checked. */
export function storeSettings(env: Env = process.env): StoreSettings {
  const kind = kindSchema.safeParse(env.EVIDENCE_STORE);
  if (!kind.success) throw new StoreSettingsError(firstMessage(kind.error));
  return kind.data === "s3" ? s3StoreSettings(env) : localStoreSettings();
}

/** Where the store is, for logs and messages; never the keys. */
export function describeStore(settings: StoreSettings): string {
  return settings.kind === "local" ? `本地目录 ${settings.dir}` : `S3 对象存储 ${settings.endpoint} 存储桶 ${settings.bucket}`;
}
