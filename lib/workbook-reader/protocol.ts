import type { WorkbookLimit } from "./limits";

/** What the request thread and a worker say to each other (structured clone). */
export interface JobRequest {
  id: number;
  job: string;
  bytes: Uint8Array;
  options: unknown;
}

export type JobReply =
  | { id: number; ok: true; result: unknown }
  /** A limit or the file's format turned it away: the person reads `message`. */
  | { id: number; ok: false; refusal: { limit: WorkbookLimit | "format"; message: string } }
  /** The job failed: a bug, not the file's fault. */
  | { id: number; ok: false; error: string };
