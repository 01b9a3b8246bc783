import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open";
import { seedIfEmpty } from "@/lib/seed/seed-database";
import { putVerified } from "@/lib/storage/evidence-store";
import { localStore } from "@/lib/storage/local-store";
import { s3Store } from "@/lib/storage/s3-store";
import { createCliEnvironment } from "@/lib/testing/database";
import { type S3TestServer, startS3Server } from "@/lib/testing/s3-server";

// `evidence:migrate` as a person runs it: local → S3 killed half-way and run again, then S3 → local, and a damaged
// file named instead of copied.

const FILES = 40;
const SIZE = 512 * 1024;

let env: Record<string, string>;
let cleanup: () => Promise<void>;
let server: S3TestServer;
let dataDir: string;
const hashes: string[] = [];

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const uploads = () => localStore({ kind: "local", dir: path.join(dataDir, "uploads") });
const bucket = () => s3Store(server.settings);

/** Distinct content per file: a PDF header, then bytes that depend on the file's number. */
function fileBytes(n: number): Uint8Array {
  const bytes = Buffer.alloc(SIZE, n % 251);
  bytes.write(`%PDF-1.7\n% file ${n}\n`);
  return bytes;
}

/** One process (node with tsx's loader, not the tsx launcher and its child), so a kill stops the migration itself. */
const command = (to: string) =>
  [process.execPath, ["--import", "tsx", "--conditions=react-server", path.join("lib", "cli", "evidence-migrate.ts"), "--to", to]] as const;

function start(to: string, extraEnv: Record<string, string> = {}): { child: ChildProcess; lines: string[]; stderr: string[]; exit: Promise<number | null> } {
  const child = spawn(...command(to), { env: { ...process.env, ...env, ...server.env, EVIDENCE_STORE: "local", ...extraEnv } });
  const lines: string[] = [];
  const stderr: string[] = [];
  let rest = "";
  child.stdout!.setEncoding("utf8").on("data", (text: string) => {
    const parts = (rest + text).split("\n");
    rest = parts.pop()!;
    lines.push(...parts);
  });
  child.stderr!.setEncoding("utf8").on("data", (text: string) => stderr.push(text));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, lines, stderr, exit };
}

async function run(to: string, extraEnv: Record<string, string> = {}) {
  const started = start(to, extraEnv);
  const status = await started.exit;
  return { status, stdout: started.lines, stderr: started.stderr.join("") };
}

const inBucket = async () => (await Promise.all(hashes.map((h) => bucket().stat(h)))).filter(Boolean).length;

beforeAll(async () => {
  ({ env, cleanup } = await createCliEnvironment());
  dataDir = env.DATA_DIR || fs.mkdtempSync(path.join(os.tmpdir(), "ptt-migrate-data-"));
  env = { ...env, DATA_DIR: dataDir };
  server = await startS3Server();
  const db = await openDatabase(env.DATABASE_URL ? { engine: "postgres", url: env.DATABASE_URL } : { engine: "pglite", dataDir });
  try {
    await migrate(db.sql);
    await seedIfEmpty(db.prisma, { demoUsers: false });
    const sheet = await db.prisma.targetSheet.findFirstOrThrow({ select: { id: true } });
    for (let n = 0; n < FILES; n++) {
      const bytes = fileBytes(n);
      hashes.push(sha(bytes));
      await putVerified(uploads(), sha(bytes), [bytes] as unknown as AsyncIterable<Uint8Array>);
      await db.prisma.evidenceFile.create({
        data: { sheetId: sheet.id, month: 7, sha256: sha(bytes), originalName: `${n}.pdf`, mimeType: "application/pdf", sizeBytes: bytes.length },
      });
    }
    // A second row with the same content: copied once.
    await db.prisma.evidenceFile.create({
      data: { sheetId: sheet.id, month: 8, sha256: hashes[0]!, originalName: "again.pdf", mimeType: "application/pdf", sizeBytes: SIZE },
    });
  } finally {
    await db.close();
  }
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await cleanup?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("evidence:migrate", { timeout: 600_000 }, () => {
  it("copies to S3, resumes after a kill, and copies nothing twice", async () => {
    const first = start("s3");
    // Killed (no chance to clean up) once a few files are across.
    await expect.poll(() => first.lines.filter((l) => l.includes("已复制并校验")).length, { timeout: 300_000, interval: 20 }).toBeGreaterThanOrEqual(3);
    first.child.kill("SIGKILL");
    await first.exit;
    const afterKill = await inBucket();
    expect(afterKill).toBeGreaterThanOrEqual(3);
    expect(afterKill).toBeLessThan(FILES);

    const second = await run("s3");
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout[0]).toMatch(/^从 本地目录 .*uploads 复制到 S3 对象存储 http:\/\/127\.0\.0\.1:\d+ 存储桶 evidence-test$/);
    expect(second.stdout[1]).toMatch(/^\[1\/40\] [0-9a-f]{12}… 0\.5 MB (已复制并校验|目标中已有，跳过)$/);
    const skipped = second.stdout.filter((l) => l.endsWith("目标中已有，跳过")).length;
    const copied = second.stdout.filter((l) => l.endsWith("已复制并校验")).length;
    expect(skipped).toBe(afterKill);
    expect(copied).toBe(FILES - afterKill);
    expect(second.stdout).toContain(
      `完成：共 ${FILES} 个文件，复制并校验 ${FILES - afterKill} 个，目标中已有 ${afterKill} 个，已被删除 0 个。源存储中的文件未删除。`,
    );
    expect(second.stdout.at(-1)).toBe("请设置 EVIDENCE_STORE=s3 后重启服务；切换前上传的新文件，可再次运行本命令补齐。");
    for (const [n, hash] of hashes.entries()) {
      const content = await bucket().open(hash);
      const bytes: Buffer[] = [];
      for await (const chunk of content!.stream as unknown as AsyncIterable<Uint8Array>) bytes.push(Buffer.from(chunk));
      expect(sha(Buffer.concat(bytes)), `file ${n}`).toBe(hash);
    }
    expect(await uploads().stat(hashes[0]!)).toEqual({ size: SIZE }); // the source keeps its files

    const third = await run("s3");
    expect(third.status).toBe(0);
    expect(third.stdout).toContain(`完成：共 ${FILES} 个文件，复制并校验 0 个，目标中已有 ${FILES} 个，已被删除 0 个。源存储中的文件未删除。`);
  });

  it("copies back to an empty local directory, and names a damaged file instead of copying it", async () => {
    fs.rmSync(path.join(dataDir, "uploads"), { recursive: true, force: true });
    // Damage one object in the bucket (s3rver keeps each object as a file).
    const damaged = hashes[5]!;
    const objectFile = path.join(server.directory, server.settings.bucket, "evidence", damaged.slice(0, 2), `${damaged}._S3rver_object`);
    expect(fs.existsSync(objectFile)).toBe(true);
    fs.writeFileSync(objectFile, fs.readFileSync(objectFile).fill(0x41, 100, 200));

    const back = await run("local");
    expect(back.status).toBe(1);
    expect(back.stderr).toContain(`${damaged.slice(0, 12)}… 0.5 MB 已损坏，未复制：源文件已损坏：内容的 sha256 为`);
    expect(back.stdout.at(-1)).toBe(
      `完成：共 ${FILES} 个文件，复制并校验 ${FILES - 1} 个，目标中已有 0 个，已被删除 0 个，缺失 0 个，损坏 1 个（见上方错误）。源存储中的文件未删除。`,
    );
    expect(await uploads().stat(damaged)).toBeNull();
    expect(await uploads().stat(hashes[6]!)).toEqual({ size: SIZE });
  });

  it("names the S3 setting that is missing, and the usage", async () => {
    const missing = await run("s3", { S3_BUCKET: "" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("S3_BUCKET 为空：使用 S3 存储佐证资料时必须提供存储桶名称");
    const wrong = await run("oss");
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("用法：npm run --silent evidence:migrate -- --to s3|local");
  });
});
