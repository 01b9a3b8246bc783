import "server-only";
import { localStore } from "./local-store";
import type { EvidenceStore } from "./port";
import { s3Store } from "./s3-store";
import { type StoreSettings, storeSettings } from "./settings";
import { assertStagedHash } from "./staging";

/** Opens the store the settings describe. */
export function openStore(settings: StoreSettings): EvidenceStore {
  return settings.kind === "s3" ? s3Store(settings) : localStore(settings);
}

const cache = globalThis as unknown as { __evidenceStore?: { key: string; store: EvidenceStore } };

/**
 * The store EVIDENCE_STORE chooses, one per process (its S3 client keeps connections open); opened again when the
 * settings change (tests switch DATA_DIR). Throws StoreSettingsError naming a missing setting.
 */
export function evidenceStore(): EvidenceStore {
  const settings = storeSettings();
  const key = JSON.stringify(settings);
  if (cache.__evidenceStore?.key !== key) cache.__evidenceStore = { key, store: openStore(settings) };
  return cache.__evidenceStore.store;
}

/**
 * Stores bytes that must have the hash `sha256` (a migration, a restore): refused with ContentHashMismatchError
 * before they become visible otherwise. Not for uploads, which are checked between stage and commit under a lock.
 */
export async function putVerified(store: EvidenceStore, sha256: string, source: AsyncIterable<Uint8Array>): Promise<{ size: number; created: boolean }> {
  const staged = await store.stage(source);
  try {
    assertStagedHash(staged, sha256);
    const { created } = await store.commit(staged);
    return { size: staged.size, created };
  } finally {
    await store.discard(staged);
  }
}
