import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Server, type S3TestServer } from "@/lib/testing/s3-server";
import { storeContract } from "@/lib/testing/store-contract";
import { localStore } from "./local-store";
import { s3Store } from "./s3-store";

// The same contract (lib/testing/store-contract.ts) against both drivers; S3 against a real s3rver.

describe("the local directory store", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-local-store-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  storeContract(() => localStore({ kind: "local", dir }));

  it("keeps content at uploads/<2 hex>/<sha256>, staged under .incoming, and measures its disk", async () => {
    const store = localStore({ kind: "local", dir });
    const bytes = new TextEncoder().encode("on disk");
    const staged = await store.stage([bytes] as unknown as AsyncIterable<Uint8Array>);
    expect(path.dirname(staged.tempPath)).toBe(path.join(dir, ".incoming"));
    await store.commit(staged);
    expect(fs.readFileSync(path.join(dir, staged.sha256.slice(0, 2), staged.sha256), "utf8")).toBe("on disk");
    const free = await store.freeSpace();
    expect(free!.totalBytes).toBeGreaterThan(0);
    await store.remove(staged.sha256);
  });
});

describe("the S3 store", () => {
  let server: S3TestServer;
  beforeAll(async () => {
    server = await startS3Server();
  });
  afterAll(async () => server?.stop());
  storeContract(() => s3Store(server.settings));

  it("has no disk to measure, and names its bucket when it cannot write", async () => {
    expect(await s3Store(server.settings).freeSpace()).toBeNull();
    const wrong = s3Store({ ...server.settings, bucket: "no-such-bucket" });
    await expect(wrong.checkWritable()).rejects.toThrow(/存储桶 no-such-bucket 不可写/);
  });
});
