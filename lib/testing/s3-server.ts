import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
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

/**
 * A real S3-protocol server (s3rver) for tests: on 127.0.0.1 (a free port unless one is given), objects in a fresh
 * temporary directory, one bucket, path-style addressing. s3rver accepts any keys; the test ones are made up.
 */
export async function startS3Server(options: { port?: number; bucket?: string } = {}): Promise<S3TestServer> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-s3rver-"));
  const bucket = options.bucket ?? "evidence-test";
  const server = new S3rver({ address: "127.0.0.1", port: options.port ?? 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
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
      // The SDK keeps connections alive; close them, or close() waits for them.
      server.httpServer?.closeAllConnections();
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
