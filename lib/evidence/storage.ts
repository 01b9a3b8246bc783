import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { dataDir } from "@/lib/db/config";

/**
 * The files behind 佐证资料: `DATA_DIR/uploads/<first 2 hex>/<sha256>`, one copy per content however
 * often it is uploaded. Names, owners and months live in the database (EvidenceFile); this module only
 * knows bytes by their hash. Whether a file may be removed is the use cases' decision (no row refers to
 * its hash), taken under a per-hash lock (see content-lock.ts).
 *
 * Only delete-evidence.ts removes EvidenceFile rows, and it removes the bytes itself once unreferenced.
 * No row goes by cascade: no use case deletes a sheet, and the two that delete indicator rows (the draft
 * editor and `sheets:import --replace`) refuse a row with evidence (lib/authoring/recorded-history.ts, under
 * a row lock so an upload cannot slip in). So no stored file can be orphaned, and there is no collector;
 * a new path that deletes sheets or rows with evidence must remove the unreferenced files after its
 * commit, as delete-evidence.ts does.
 */

const HASH = /^[0-9a-f]{64}$/;

export const uploadsDir = (): string => path.join(dataDir(), "uploads");

/** Staged uploads wait here until they are renamed into place (same file system, so the rename is atomic). */
const incomingDir = (): string => path.join(uploadsDir(), ".incoming");

export function storedPath(sha256: string): string {
  if (!HASH.test(sha256)) throw new Error(`不是有效的 sha256：${sha256}`);
  return path.join(uploadsDir(), sha256.slice(0, 2), sha256);
}

export const sha256Hex = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** Bytes written to a temporary file, not yet visible under their hash. */
export interface StagedContent {
  sha256: string;
  tempPath: string;
}

/** Writes the bytes to a temporary file (flushed to disk) under `uploads/.incoming`. */
export async function stageContent(bytes: Uint8Array): Promise<StagedContent> {
  await fs.promises.mkdir(incomingDir(), { recursive: true });
  const tempPath = path.join(incomingDir(), `${Date.now()}-${randomBytes(8).toString("hex")}.tmp`);
  const handle = await fs.promises.open(tempPath, "wx", 0o640);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await discardStaged({ sha256: "", tempPath });
    throw error;
  }
  await handle.close();
  return { sha256: sha256Hex(bytes), tempPath };
}

/**
 * Makes staged bytes visible under their hash: renamed into place when no file of that content exists
 * yet (`created: true`), else left for `discardStaged`. Call it holding the hash's lock.
 */
export async function commitStaged(staged: StagedContent, size: number): Promise<{ created: boolean }> {
  const target = storedPath(staged.sha256);
  const existing = await fs.promises.stat(target).catch(() => null);
  if (existing?.isFile() && existing.size === size) return { created: false };
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  await fs.promises.rename(staged.tempPath, target);
  return { created: true };
}

/** Removes a staged file if it is still there (after a refusal, or when the content already existed). */
export async function discardStaged(staged: StagedContent): Promise<void> {
  await fs.promises.rm(staged.tempPath, { force: true });
}

/** Removes the stored file of a hash (no error when it is already gone). Call it holding the hash's lock. */
export async function removeContent(sha256: string): Promise<void> {
  await fs.promises.rm(storedPath(sha256), { force: true });
  // Leave the shard directory: removing it could race with a concurrent write into it.
}

/** Opens the stored file of a hash for reading; null when it is missing. */
export async function openContent(sha256: string): Promise<{ size: number; stream: ReadableStream<Uint8Array> } | null> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(storedPath(sha256), "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const nodeStream = fs.createReadStream("", { fd: handle, autoClose: true });
    return { size, stream: Readable.toWeb(nodeStream) as unknown as ReadableStream<Uint8Array> };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}
