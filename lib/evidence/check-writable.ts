import "server-only";
import { evidenceStore } from "@/lib/storage/evidence-store";

/**
 * The one place that answers "can evidence be stored right now?" (for GET /api/health): the configured store
 * (lib/storage: the local directory or S3) writes a small probe, reads it back and removes it; throws, naming the
 * store, when it cannot.
 */
export async function checkEvidenceWritable(): Promise<void> {
  await evidenceStore().checkWritable();
}
