import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { contentKey } from "./content-key";
import { pullStream } from "./pull-stream";
import type { ByteRange, EvidenceStore, FreeSpace, HeldContent, StagedContent, StageOptions, StoredContent } from "./port";
import type { LocalStoreSettings } from "./settings";
import { stageToFile } from "./staging";

/**
 * The local directory driver (the default): `DATA_DIR/uploads/<first 2 hex>/<sha256>`, one copy per content.
 * Uploads are staged under `uploads/.incoming` — the same file system, so the rename that makes them visible is
 * atomic. Suits one server, or several sharing the directory over a network file system that keeps rename atomic.
 */
export function localStore(settings: LocalStoreSettings): EvidenceStore {
  const root = settings.dir;
  const incoming = path.join(root, ".incoming");
  const storedPath = (sha256: string) => path.join(root, ...contentKey(sha256).split("/"));

  async function openHandle(sha256: string): Promise<fs.promises.FileHandle | null> {
    try {
      return await fs.promises.open(storedPath(sha256), "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  return {
    kind: "local",
    location: `本地目录 ${root}`,

    stage: (source: AsyncIterable<Uint8Array>, options?: StageOptions) => stageToFile(incoming, source, options),

    async commit(staged: StagedContent) {
      const target = storedPath(staged.sha256);
      const existing = await fs.promises.stat(target).catch(() => null);
      if (existing?.isFile() && existing.size === staged.size) return { created: false };
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.rename(staged.tempPath, target);
      return { created: true };
    },

    async discard(staged: StagedContent) {
      await fs.promises.rm(staged.tempPath, { force: true });
    },

    async open(sha256: string, range?: ByteRange): Promise<StoredContent | null> {
      const handle = await openHandle(sha256);
      if (!handle) return null;
      try {
        const { size } = await handle.stat();
        const file = fs.createReadStream("", { fd: handle, autoClose: true, start: range?.start, end: range?.end });
        return { size, stream: pullStream(file), range };
      } catch (error) {
        await handle.close().catch(() => undefined);
        throw error;
      }
    },

    async stat(sha256: string) {
      const stats = await fs.promises.stat(storedPath(sha256)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return null;
        throw error;
      });
      return stats?.isFile() ? { size: stats.size } : null;
    },

    async remove(sha256: string) {
      await fs.promises.rm(storedPath(sha256), { force: true });
      // The shard directory stays: removing it could race with a concurrent write into it.
    },

    async hold(sha256: string, scratchDir: string): Promise<HeldContent | null> {
      // A hard link keeps the bytes even if the file is deleted before the backup has read them.
      const link = path.join(scratchDir, sha256);
      try {
        await fs.promises.link(storedPath(sha256), link);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        // Another file system (EXDEV) or no links allowed: a copy does the same, more slowly.
        try {
          await fs.promises.copyFile(storedPath(sha256), link);
        } catch (copyError) {
          if ((copyError as NodeJS.ErrnoException).code === "ENOENT") return null;
          throw copyError;
        }
      }
      const { size } = await fs.promises.stat(link);
      return { size, open: () => fs.createReadStream(link) as AsyncIterable<Uint8Array> };
    },

    async isEmpty() {
      if (!fs.existsSync(root)) return true;
      for (const shard of await fs.promises.readdir(root, { withFileTypes: true })) {
        if (!shard.isDirectory()) {
          if (shard.isFile()) return false;
          continue;
        }
        if (shard.name === ".incoming") continue;
        if ((await fs.promises.readdir(path.join(root, shard.name))).length > 0) return false;
      }
      return true;
    },

    async freeSpace(): Promise<FreeSpace> {
      // The directory, or — before the first upload creates it — the nearest one above it that exists.
      let dir = root;
      for (;;) {
        try {
          const stats = await fs.promises.statfs(dir);
          return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
        } catch (error) {
          const parent = path.dirname(dir);
          if ((error as NodeJS.ErrnoException).code !== "ENOENT" || parent === dir) throw error;
          dir = parent;
        }
      }
    },

    async checkWritable() {
      const probe = path.join(incoming, `probe-${randomBytes(6).toString("hex")}`);
      const text = `probe ${Date.now()}`;
      try {
        await fs.promises.mkdir(incoming, { recursive: true });
        await fs.promises.writeFile(probe, text, { flag: "wx" });
        if ((await fs.promises.readFile(probe, "utf8")) !== text) throw new Error("读回的内容与写入的不同");
      } catch (error) {
        throw new Error(`佐证资料目录 ${root} 不可写：${(error as Error).message}`);
      } finally {
        await fs.promises.rm(probe, { force: true });
      }
    },
  };
}
