import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { contentKey } from "./content-key";
import { pullStream } from "./pull-stream";
import { type ByteRange, ContentMissingError, type EvidenceStore, type HeldContent, type StagedContent, type StageOptions, type StoredContent } from "./port";
import type { S3StoreSettings } from "./settings";
import { stageToFile } from "./staging";

/**
 * The S3-compatible driver: one object per content under `evidence/<first 2 hex>/<sha256>` in the bucket. Uploads
 * are staged in a local temporary file (hashed and checked on the way, at most one upload's size per request in
 * flight) and then put with their exact length in one request — an object appears whole or not at all, so a
 * reader never sees half a file and several app instances can share the bucket. The SDK's newer default checksums
 * (aws-chunked trailers) are switched to "when required": MinIO, Ceph RGW and the Chinese clouds' S3 services do
 * not all accept them.
 */

const PREFIX = "evidence/";
const objectKey = (sha256: string) => PREFIX + contentKey(sha256);

export function createS3Client(settings: S3StoreSettings): S3Client {
  // The SDK warns on Node 20 that releases after January 2027 need Node 22; this release is pinned for that reason
  // (docs/dependencies.md), so the warning on every start and every CLI run says nothing an operator can act on.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  return new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** A missing object: GetObject says NoSuchKey, HeadObject (no body) only 404. */
function isMissing(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404);
}

export function s3Store(settings: S3StoreSettings, client: S3Client = createS3Client(settings)): EvidenceStore {
  const Bucket = settings.bucket;
  const incoming = path.join(os.tmpdir(), "ptt-evidence-staging");
  const where = `S3 对象存储 ${settings.endpoint} 存储桶 ${Bucket}`;

  async function head(key: string): Promise<{ size: number } | null> {
    try {
      const out = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
      return { size: out.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async function get(key: string, range?: ByteRange) {
    try {
      return await client.send(new GetObjectCommand({ Bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  return {
    kind: "s3",
    location: where,

    stage: (source: AsyncIterable<Uint8Array>, options?: StageOptions) => stageToFile(incoming, source, options),

    async commit(staged: StagedContent) {
      const key = objectKey(staged.sha256);
      const existing = await head(key);
      if (existing && existing.size === staged.size) return { created: false };
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: fs.createReadStream(staged.tempPath),
          ContentLength: staged.size,
          ContentType: "application/octet-stream",
        }),
      );
      return { created: true };
    },

    async discard(staged: StagedContent) {
      await fs.promises.rm(staged.tempPath, { force: true });
    },

    async open(sha256: string, range?: ByteRange): Promise<StoredContent | null> {
      const out = await get(objectKey(sha256), range);
      if (!out?.Body) return null;
      // "bytes 0-99/1234": the whole object's size after the slash.
      const total = range ? Number(/\/(\d+)$/.exec(out.ContentRange ?? "")?.[1] ?? Number.NaN) : (out.ContentLength ?? Number.NaN);
      return { size: total, stream: pullStream(out.Body as Readable), range };
    },

    async stat(sha256: string) {
      return head(objectKey(sha256));
    },

    async remove(sha256: string) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(sha256) }));
    },

    async hold(sha256: string): Promise<HeldContent | null> {
      // Objects never change under a key (content addressing); one deleted before the backup reads it shows as
      // ContentMissingError, and the backup starts again from a fresh snapshot.
      const key = objectKey(sha256);
      const found = await head(key);
      if (!found) return null;
      return {
        size: found.size,
        async *open() {
          const out = await get(key);
          if (!out?.Body) throw new ContentMissingError(sha256);
          yield* out.Body as Readable;
        },
      };
    },

    async isEmpty() {
      // ListObjects (v1): every S3-compatible service has it; s3rver's V2 fails once a listing is truncated.
      const out = await client.send(new ListObjectsCommand({ Bucket, Prefix: PREFIX, MaxKeys: 1 }));
      return (out.Contents?.length ?? 0) === 0;
    },

    freeSpace: async () => null,

    async checkWritable() {
      const Key = `probe/${Date.now()}-${randomBytes(6).toString("hex")}`;
      const text = `probe ${Date.now()}`;
      try {
        await client.send(new PutObjectCommand({ Bucket, Key, Body: text, ContentType: "text/plain" }));
        const out = await client.send(new GetObjectCommand({ Bucket, Key }));
        if ((await out.Body?.transformToString()) !== text) throw new Error("读回的内容与写入的不同");
      } catch (error) {
        throw new Error(`${where} 不可写：${(error as Error).message}`);
      } finally {
        await client.send(new DeleteObjectCommand({ Bucket, Key })).catch(() => undefined);
      }
    },
  };
}
