import "server-only";
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { S3StoreSettings } from "@/lib/storage/settings";

/** The S3_* environment of a test server, as the app reads it (lib/storage/settings.ts). */
export type S3Env = Record<
  "EVIDENCE_STORE" | "S3_ENDPOINT" | "S3_BUCKET" | "S3_REGION" | "S3_ACCESS_KEY_ID" | "S3_SECRET_ACCESS_KEY" | "S3_FORCE_PATH_STYLE",
  string
>;

export interface S3TestServer {
  settings: S3StoreSettings;
  env: S3Env;
  /** Where s3rver keeps the objects (`<bucket>/<key>._S3rver_object`). */
  directory: string;
  stop(): Promise<void>;
}

// Runs in a child process: a server inside the test's own process would buffer what it serves there, and the
// store contract's memory bounds would measure the server as well as the store.
const SERVE = `
const S3rver = require(process.argv[1]);
const [address, port, directory, bucket] = process.argv.slice(2);
new S3rver({ address, port: Number(port), silent: true, directory, configureBuckets: [{ name: bucket }] })
  .run()
  .then((at) => process.stdout.write(JSON.stringify({ port: at.port }) + "\\n"), (e) => { console.error(e); process.exit(1); });
`;

/**
 * A real S3-protocol server (s3rver) for tests: on 127.0.0.1 (a free port unless one is given), objects in a fresh
 * temporary directory, one bucket, path-style addressing. s3rver accepts any keys; the test ones are made up.
 */
export async function startS3Server(options: { port?: number; bucket?: string } = {}): Promise<S3TestServer> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-s3rver-"));
  const bucket = options.bucket ?? "evidence-test";
  const entry = createRequire(import.meta.url).resolve("s3rver");
  const child = spawn(process.execPath, ["-e", SERVE, entry, "127.0.0.1", String(options.port ?? 0), directory, bucket], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await listeningPort(child);
  const settings: S3StoreSettings = {
    kind: "s3",
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  };
  return {
    settings,
    env: {
      EVIDENCE_STORE: "s3",
      S3_ENDPOINT: settings.endpoint,
      S3_BUCKET: bucket,
      S3_REGION: settings.region,
      S3_ACCESS_KEY_ID: settings.accessKeyId,
      S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
    },
    directory,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill();
        await exited;
      }
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once("exit", (code) => reject(new Error(`s3rver exited (${code}) before listening`)));
  });
}
