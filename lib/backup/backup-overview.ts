import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { formatTimestamp } from "@/lib/beijing-time";
import type { Database } from "@/lib/db/open";

export interface BackupOverview {
  engine: "pglite" | "postgres";
  /** The newest applied migration: the schema a backup taken now records. */
  schema: string;
  evidence: { files: number; bytes: number };
  /** The latest downloads, newest first. */
  recent: { at: string; by: string; filename: string; bytes: number | null }[];
}

/** What 系统管理 → 备份 shows before a download: what a backup would hold, and who took the last ones. */
export async function backupOverview(db: Database, actor: Actor): Promise<BackupOverview> {
  authorize(actor, { type: "backup.download" });
  const [migration] = await db.sql.query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  const [files] = await db.sql.query<{ files: number; bytes: string | null }>(
    `SELECT count(*)::int AS files, sum(size_bytes)::text AS bytes FROM (SELECT DISTINCT sha256, size_bytes FROM "evidence_file") f`,
  );
  const recent = await db.prisma.auditLog.findMany({
    where: { action: "backup.download" },
    orderBy: { id: "desc" },
    take: 5,
    select: { createdAt: true, entityId: true, after: true, actor: { select: { displayName: true } } },
  });
  return {
    engine: db.sql.engine,
    schema: migration?.name ?? "",
    evidence: { files: files?.files ?? 0, bytes: Number(files?.bytes ?? 0) },
    recent: recent.map((entry) => {
      const after = entry.after as { bytes?: unknown } | null;
      return {
        at: formatTimestamp(entry.createdAt),
        by: entry.actor?.displayName ?? "系统",
        filename: entry.entityId,
        bytes: typeof after?.bytes === "number" ? after.bytes : null,
      };
    }),
  };
}
