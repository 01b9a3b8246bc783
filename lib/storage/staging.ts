import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ContentHashMismatchError, ContentTooLargeError, type StagedContent, type StageOptions } from "./port";

/**
 * The staging both drivers share: the source is written chunk by chunk to a temporary file (flushed to disk),
 * hashed and counted on the way, so no upload is ever held in memory whole. The local driver then renames the
 * file into place; the S3 driver uploads it with its exact length.
 */
export async function stageToFile(dir: string, source: AsyncIterable<Uint8Array>, options: StageOptions = {}): Promise<StagedContent> {
  await fs.promises.mkdir(dir, { recursive: true });
  const tempPath = path.join(dir, `${Date.now()}-${randomBytes(8).toString("hex")}.tmp`);
  const handle = await fs.promises.open(tempPath, "wx", 0o640);
  const hash = createHash("sha256");
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (options.maxBytes !== undefined && size > options.maxBytes) throw new ContentTooLargeError(size);
      options.inspect?.(chunk);
      hash.update(chunk);
      await handle.write(chunk);
    }
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.promises.rm(tempPath, { force: true });
    throw error;
  }
  return { sha256: hash.digest("hex"), size, tempPath };
}

/** Refuses staged bytes that are not the content expected (migration, restore). */
export function assertStagedHash(staged: StagedContent, expected: string): void {
  if (staged.sha256 !== expected) throw new ContentHashMismatchError(expected, staged.sha256);
}

/** The sha256 of a stream, read to its end. */
export async function hashStream(source: AsyncIterable<Uint8Array>): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of source) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest("hex"), size };
}
