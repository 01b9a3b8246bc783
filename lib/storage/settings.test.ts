import { describe, expect, it } from "vitest";
import { StoreSettingsError, storeSettings } from "./settings";

const s3 = {
  EVIDENCE_STORE: "s3",
  S3_ENDPOINT: "http://minio.internal:9000",
  S3_BUCKET: "jx-evidence",
  S3_ACCESS_KEY_ID: "AKIDEXAMPLE",
  S3_SECRET_ACCESS_KEY: "secret",
};

const refusal = (env: Record<string, string | undefined>) => {
  try {
    storeSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(StoreSettingsError);
    return (error as Error).message;
  }
  throw new Error("accepted");
};

describe("storeSettings", () => {
  it("is the local directory unless EVIDENCE_STORE says s3", () => {
    expect(storeSettings({}).kind).toBe("local");
    expect(storeSettings({ EVIDENCE_STORE: " Local " }).kind).toBe("local");
    expect(storeSettings({ EVIDENCE_STORE: "" }).kind).toBe("local");
  });

  it("reads the S3 settings, with us-east-1 and virtual-hosted style by default", () => {
    expect(storeSettings(s3)).toEqual({
      kind: "s3",
      endpoint: "http://minio.internal:9000",
      bucket: "jx-evidence",
      region: "us-east-1",
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "secret",
      forcePathStyle: false,
    });
    expect(storeSettings({ ...s3, S3_REGION: "cn-north-1", S3_FORCE_PATH_STYLE: "TRUE" })).toMatchObject({ region: "cn-north-1", forcePathStyle: true });
    expect(storeSettings({ ...s3, S3_FORCE_PATH_STYLE: "0" })).toMatchObject({ forcePathStyle: false });
  });

  it("names the setting that is missing or wrong, in Chinese and English", () => {
    expect(refusal({ EVIDENCE_STORE: "oss" })).toBe("EVIDENCE_STORE 应为 local 或 s3（EVIDENCE_STORE must be local or s3）");
    expect(refusal({ ...s3, S3_BUCKET: undefined })).toBe(
      "S3_BUCKET 未设置：使用 S3 存储佐证资料时必须提供存储桶名称（S3_BUCKET is required when EVIDENCE_STORE=s3）",
    );
    expect(refusal({ ...s3, S3_SECRET_ACCESS_KEY: "  " })).toBe(
      "S3_SECRET_ACCESS_KEY 为空：使用 S3 存储佐证资料时必须提供访问密钥（Secret Key）（S3_SECRET_ACCESS_KEY must not be empty when EVIDENCE_STORE=s3）",
    );
    expect(refusal({ ...s3, S3_ENDPOINT: "minio:9000" })).toMatch(/^S3_ENDPOINT 应为 http:\/\/ 或 https:\/\/ 开头的地址/);
    expect(refusal({ ...s3, S3_BUCKET: "ab" })).toMatch(/^S3_BUCKET 应为 3–63 个小写字母/);
    expect(refusal({ ...s3, S3_FORCE_PATH_STYLE: "yes" })).toBe("S3_FORCE_PATH_STYLE 应为 true 或 false（S3_FORCE_PATH_STYLE must be true or false）");
  });
});
