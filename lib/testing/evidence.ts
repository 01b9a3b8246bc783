import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Test support for the evidence use cases: a temporary DATA_DIR, files on disk. */

export function useTempDataDir(): { dir: string; restore(): void } {
  const previous = process.env.DATA_DIR;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-evidence-"));
  process.env.DATA_DIR = dir;
  return {
    dir,
    restore() {
      if (previous === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = previous;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every regular file under DATA_DIR/uploads (temporary files included), relative to it. */
export function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, "uploads");
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}
