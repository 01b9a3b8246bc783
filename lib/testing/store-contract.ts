import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import { putVerified } from "@/lib/storage/evidence-store";
import { ContentHashMismatchError, ContentTooLargeError, type EvidenceStore } from "@/lib/storage/port";

/**
 * The one contract of lib/storage/port.ts, run against each driver (lib/storage/evidence-store.int.test.ts): what
 * the evidence use cases, backups and `evidence:migrate` rely on, whichever store is configured.
 */

const MB = 1024 * 1024;
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const text = (value: string) => new TextEncoder().encode(value);

async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* parts;
}

async function readAll(stream: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Uint8Array>) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

// A forced collection makes "memory in use" mean what is still referenced, not what waits for the collector.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const inUse = () => {
  // Twice: V8 frees the memory of dead buffers after a collection, in the background, and the next collection
  // finishes that; one alone sometimes counted megabytes already let go (seen on a loaded machine).
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** `size` bytes of deterministic noise in 64 KB chunks, made as they are read; records the most memory in use. */
function largeSource(size: number, seen: { peak: number; sha256?: string }): AsyncGenerator<Uint8Array> {
  return (async function* () {
    const hash = createHash("sha256");
    let state = 0x9e3779b9;
    for (let sent = 0; sent < size; ) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, size - sent));
      for (let i = 0; i < chunk.length; i += 4) {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        chunk.writeUInt32LE(state, i);
      }
      hash.update(chunk);
      sent += chunk.length;
      if (sent % (4 * MB) === 0) seen.peak = Math.max(seen.peak, inUse());
      yield chunk;
    }
    seen.sha256 = hash.digest("hex");
  })();
}

async function store(bytes: Uint8Array, into: EvidenceStore) {
  const staged = await into.stage(chunks(bytes));
  try {
    return { staged, ...(await into.commit(staged)) };
  } finally {
    await into.discard(staged);
  }
}

export function storeContract(open: () => EvidenceStore): void {
  it("starts empty and writable", async () => {
    const s = open();
    expect(await s.isEmpty()).toBe(true);
    await s.checkWritable();
    expect(await s.isEmpty()).toBe(true);
  });

  it("puts, stats, reads whole and by range, and deletes content under its hash", async () => {
    const s = open();
    const bytes = text("佐证资料 contract 0123456789");
    const { staged, created } = await store(bytes, s);
    expect(staged).toMatchObject({ sha256: sha(bytes), size: bytes.length });
    expect(created).toBe(true);
    expect(fs.existsSync(staged.tempPath)).toBe(false);
    expect(await s.stat(sha(bytes))).toEqual({ size: bytes.length });
    expect(await s.isEmpty()).toBe(false);
    const second = text("a second object: the listing behind isEmpty is cut short");
    await store(second, s);
    expect(await s.isEmpty()).toBe(false);
    await s.remove(sha(second));

    const whole = await s.open(sha(bytes));
    expect(whole?.size).toBe(bytes.length);
    expect(await readAll(whole!.stream)).toEqual(Buffer.from(bytes));
    const part = await s.open(sha(bytes), { start: 3, end: 8 });
    expect(part).toMatchObject({ size: bytes.length, range: { start: 3, end: 8 } });
    expect(await readAll(part!.stream)).toEqual(Buffer.from(bytes.subarray(3, 9)));

    await s.remove(sha(bytes));
    expect(await s.stat(sha(bytes))).toBeNull();
    expect(await s.open(sha(bytes))).toBeNull();
  });

  it("stores the same content once: a second put of it creates nothing", async () => {
    const s = open();
    const bytes = text("same content, twice");
    expect((await store(bytes, s)).created).toBe(true);
    const again = await store(bytes, s);
    expect(again.created).toBe(false);
    expect(fs.existsSync(again.staged.tempPath)).toBe(false);
    expect(await readAll((await s.open(sha(bytes)))!.stream)).toEqual(Buffer.from(bytes));
    await s.remove(sha(bytes));
  });

  it("answers a missing hash with null, and removes it without error", async () => {
    const s = open();
    const missing = "0".repeat(64);
    expect(await s.stat(missing)).toBeNull();
    expect(await s.open(missing)).toBeNull();
    expect(await s.open(missing, { start: 0, end: 1 })).toBeNull();
    expect(await s.hold(missing, fs.mkdtempSync(path.join(os.tmpdir(), "ptt-hold-")))).toBeNull();
    await s.remove(missing);
    await expect(s.stat("../../etc/passwd")).rejects.toThrow("不是有效的 sha256");
  });

  it("refuses content whose hash is not the one expected, leaving nothing behind", async () => {
    const s = open();
    const bytes = text("these bytes are not what the row says");
    const claimed = sha(text("something else"));
    const error = await putVerified(s, claimed, chunks(bytes)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentHashMismatchError);
    expect(await s.stat(claimed)).toBeNull();
    expect(await s.stat(sha(bytes))).toBeNull();
    expect(await putVerified(s, sha(bytes), chunks(bytes))).toEqual({ size: bytes.length, created: true });
    await s.remove(sha(bytes));
  });

  it("stops reading at the size limit and keeps nothing", async () => {
    const s = open();
    const seen: string[] = [];
    const error = await s
      .stage(chunks(new Uint8Array(600), new Uint8Array(600), new Uint8Array(600)), { maxBytes: 1000, inspect: (c) => seen.push(String(c.length)) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentTooLargeError);
    expect((error as ContentTooLargeError).received).toBe(1200);
    expect(seen).toEqual(["600"]);
  });

  it("streams a 30 MB file in and out without holding it in memory", async () => {
    // Held whole, the file alone would add 30 MB; streamed, about 1 MB is in use at a time (the S3 test server
    // runs in a child process, so only the store is measured).
    const bound = 8 * MB;
    const s = open();
    const size = 30 * MB;
    const seen: { peak: number; sha256?: string } = { peak: 0 };
    const before = inUse();
    const staged = await s.stage(largeSource(size, seen));
    expect(staged).toMatchObject({ sha256: seen.sha256, size });
    await s.commit(staged);
    await s.discard(staged);
    expect(seen.peak - before).toBeLessThan(bound);

    const content = await s.open(staged.sha256);
    expect(content?.size).toBe(size);
    const hash = createHash("sha256");
    let read = 0;
    let peak = 0;
    for await (const chunk of content!.stream as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      read += chunk.length;
      if (read % (8 * MB) < chunk.length) peak = Math.max(peak, inUse());
    }
    expect(read).toBe(size);
    expect(hash.digest("hex")).toBe(staged.sha256);
    expect(peak - before).toBeLessThan(bound);
    await s.remove(staged.sha256);
  });

  it("holds content for a backup: readable in full, by its size", async () => {
    const s = open();
    const bytes = text("held for the archive");
    await store(bytes, s);
    const held = await s.hold(sha(bytes), fs.mkdtempSync(path.join(os.tmpdir(), "ptt-hold-")));
    expect(held?.size).toBe(bytes.length);
    expect(await readAll(held!.open())).toEqual(Buffer.from(bytes));
    await s.remove(sha(bytes));
  });
}
