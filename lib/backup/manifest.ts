import { z } from "zod";
import "@/lib/zod-locale";

/**
 * What a backup archive holds, written first in it (`manifest.json`): the schema it was taken at (every
 * applied migration with its checksum), when (Beijing time), and the sha256 and size of every other entry.
 * Restore checks all of it before the data is used.
 */
export const BACKUP_FORMAT = "ptt-backup";
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_NAME = "manifest.json";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  /** `2026-12-02 23:05:09`, Beijing time. */
  createdAt: z.string(),
  engine: z.enum(["pglite", "postgres"]),
  migrations: z.array(z.object({ name: z.string().min(1), checksum: sha256 })).min(1),
  tables: z.array(
    z.object({
      name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
      entry: z.string(),
      rows: z.number().int().nonnegative(),
      size: z.number().int().nonnegative(),
      sha256,
    }),
  ),
  files: z.array(z.object({ entry: z.string(), size: z.number().int().nonnegative(), sha256 })),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

export const tableEntry = (table: string) => `db/${table}.jsonl`;
export const fileEntry = (sha256: string) => `uploads/${sha256.slice(0, 2)}/${sha256}`;
