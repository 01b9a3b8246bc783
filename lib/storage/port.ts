/**
 * The port every read and write of 佐证资料 bytes goes through (docs/architecture.md, "lib/storage"). Bytes are
 * known by their sha256 only: names, owners and months live in the database (EvidenceFile), and whether a file
 * may be removed is the use cases' decision, taken under the hash's advisory lock (lib/evidence/content-lock.ts).
 * Two drivers: the local directory (local-store.ts) and S3-compatible object storage (s3-store.ts); the same
 * contract test runs against both (store-contract.ts).
 *
 * Writing is two steps so that nothing becomes visible before the caller has checked it: `stage` streams the
 * bytes into a private place while hashing and counting them (and shows each chunk to `inspect`, for the type
 * check); `commit` makes them visible under their hash, atomically — a reader never sees half a file.
 */

/** Bytes staged by `stage`: hashed and counted, not yet visible. Pass to `commit` or `discard`. */
export interface StagedContent {
  readonly sha256: string;
  readonly size: number;
  /** The driver's own handle of the staged bytes (a temporary file). */
  readonly tempPath: string;
}

/** Stored bytes opened for reading; the caller must consume or cancel the stream. */
export interface StoredContent {
  /** The whole object's size. */
  size: number;
  /** The bytes asked for: the whole object, or the range. */
  stream: ReadableStream<Uint8Array>;
  /** The inclusive range served, when one was asked for. */
  range?: ByteRange;
}

/** An inclusive byte range, as HTTP `Range: bytes=start-end` names it; `end` within the object. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Free space where the bytes go: only the local directory has a disk whose filling an upload must stop. */
export interface FreeSpace {
  freeBytes: number;
  totalBytes: number;
}

/** What a backup reads a file through, after the snapshot that named it (write-backup.ts). */
export interface HeldContent {
  size: number;
  /** Opens the held bytes; throws ContentMissingError if they went meanwhile (only possible on S3). */
  open(): AsyncIterable<Uint8Array>;
}

export interface StageOptions {
  /** Refuse (ContentTooLargeError) once more than this many bytes arrive; the rest is not read. */
  maxBytes?: number;
  /** Sees every chunk in order before it is written (e.g. to recognise the file type). */
  inspect?: (chunk: Uint8Array) => void;
}

export interface EvidenceStore {
  readonly kind: "local" | "s3";
  /** Where, for logs and messages (never the keys). */
  readonly location: string;
  /** Streams `source` into the staging area, hashing and counting it. */
  stage(source: AsyncIterable<Uint8Array>, options?: StageOptions): Promise<StagedContent>;
  /** Makes staged bytes visible under their hash (`created: false` when that content was there already). Hold the hash's lock. */
  commit(staged: StagedContent): Promise<{ created: boolean }>;
  /** Removes staged bytes if still there (after a refusal, or after commit). */
  discard(staged: StagedContent): Promise<void>;
  /** Opens stored bytes, whole or a range; null when the hash is not stored. */
  open(sha256: string, range?: ByteRange): Promise<StoredContent | null>;
  /** The stored size, or null when the hash is not stored. */
  stat(sha256: string): Promise<{ size: number } | null>;
  /** Removes the bytes of a hash (no error when already gone). Hold the hash's lock. */
  remove(sha256: string): Promise<void>;
  /** Keeps the bytes of a hash readable for a backup, inside the snapshot's transaction. Null when not stored. */
  hold(sha256: string, scratchDir: string): Promise<HeldContent | null>;
  /** True when no evidence is stored at all (a restore writes only into an empty store). */
  isEmpty(): Promise<boolean>;
  /** Free space for the disk-space limit; null where there is no such disk (S3). */
  freeSpace(): Promise<FreeSpace | null>;
  /** Writes, reads back and removes a small probe: throws, naming the store, when it cannot. */
  checkWritable(): Promise<void>;
}

/** More bytes arrived than `maxBytes` allowed; `received` is how many were read before stopping. */
export class ContentTooLargeError extends Error {
  override name = "ContentTooLargeError";
  constructor(readonly received: number) {
    super(`内容超过上限（已读取 ${received} 字节）`);
  }
}

/** Bytes whose sha256 is not the one expected (a copy that went wrong, a damaged file). */
export class ContentHashMismatchError extends Error {
  override name = "ContentHashMismatchError";
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`内容的 sha256 为 ${actual}，应为 ${expected}：文件已损坏或不完整`);
  }
}

/** The bytes of a hash are not (or no longer) stored. */
export class ContentMissingError extends Error {
  override name = "ContentMissingError";
  constructor(readonly sha256: string) {
    super(`存储中没有内容 ${sha256}`);
  }
}
