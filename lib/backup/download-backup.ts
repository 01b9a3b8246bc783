import "server-only";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Database } from "@/lib/db/open";
import { backupFileName, scratchRoot, writeBackup } from "./write-backup";

export interface BackupDownload {
  filename: string;
  bytes: number;
  /** The archive's bytes; its file is already unlinked. */
  stream: ReadableStream<Uint8Array>;
}

/**
 * 系统管理 → 备份: an admin downloads a backup taken through the running server (the only way while the embedded
 * database is open). The archive is written to a scratch file first, so the download's pace never holds the
 * database; the download is audited.
 */
export async function downloadBackup(db: Database, actor: Actor, options: { now?: Date } = {}): Promise<BackupDownload> {
  authorize(actor, { type: "backup.download" });
  const now = options.now ?? new Date();
  const filename = backupFileName(now);
  await fs.promises.mkdir(scratchRoot(), { recursive: true });
  const file = path.join(await fs.promises.mkdtemp(path.join(scratchRoot(), "download-")), filename);
  try {
    const { manifest, bytes } = await writeBackup(db, file, { now });
    await appendAudit(db.prisma, actor, {
      action: "backup.download",
      entityType: "Backup",
      entityId: filename,
      after: {
        createdAt: manifest.createdAt,
        bytes,
        rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
        files: manifest.files.length,
        migration: manifest.migrations.at(-1)!.name,
      },
    });
    // Opened, then unlinked below: the bytes stay readable until the stream closes, and nothing is left behind.
    const handle = await fs.promises.open(file, "r");
    const stream = Readable.toWeb(fs.createReadStream("", { fd: handle, autoClose: true })) as unknown as ReadableStream<Uint8Array>;
    return { filename, bytes, stream };
  } finally {
    await fs.promises.rm(path.dirname(file), { recursive: true, force: true });
  }
}
