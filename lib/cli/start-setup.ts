import "server-only";
import { dbTarget } from "@/lib/db/config";
import { resolveAuthSecret, SharedSecretRequiredError } from "@/lib/session/secret";
import { describeStore, StoreSettingsError, storeSettings } from "@/lib/storage/settings";
import { withDatabase } from "./run";
import { migrateStep, seedStep } from "./seed-step";

/**
 * Settings the server cannot run without, checked before the build and the database: on PostgreSQL a shared
 * NEXTAUTH_SECRET (lib/session/secret.ts) — otherwise the server would start and refuse every sign-in — and the
 * evidence store's (EVIDENCE_STORE and, for S3, the S3_* settings: lib/storage/settings.ts), each named when
 * missing. Exits 2.
 */
export function checkStartSettings(): void {
  try {
    resolveAuthSecret();
    storeSettings();
  } catch (error) {
    if (!(error instanceof SharedSecretRequiredError) && !(error instanceof StoreSettingsError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

/** Migrates and seeds before the server starts; exits with a clear message when that fails. */
export async function runSetup(): Promise<void> {
  const target = dbTarget();
  console.log(target.engine === "pglite" ? `内嵌数据库：${target.dataDir}` : "数据库：PostgreSQL（DATABASE_URL）");
  console.log(`佐证资料存储：${describeStore(storeSettings())}`);
  const code = await withDatabase(
    async (db) => {
      console.log(await migrateStep(db));
      console.log(await seedStep(db));
    },
    { migrate: false },
  );
  if (code !== 0) process.exit(code);
}
