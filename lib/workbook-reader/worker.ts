import { parentPort } from "node:worker_threads";
import { checkExpansion } from "./check-expansion";
import type { WorkbookJobName } from "./jobs";
import type { JobReply, JobRequest } from "./protocol";
import { WorkbookRefusal } from "./refusal";
import { readZipDirectory } from "./zip-directory";

/**
 * The worker's side: expand-check the file (the request thread has checked what its directory declares), then
 * run the named job and send its result back. One job at a time; the worker is kept for the next one.
 */
parentPort?.on("message", async ({ id, job, bytes, options }: JobRequest) => {
  let reply: JobReply;
  try {
    checkExpansion(bytes, readZipDirectory(bytes));
    // Loaded once the file has passed: a refused file never costs the worker exceljs and the readers.
    const { WORKBOOK_JOBS } = await import("./jobs");
    if (!Object.hasOwn(WORKBOOK_JOBS, job)) throw new Error(`未知的工作簿任务「${job}」`);
    const result = await WORKBOOK_JOBS[job as WorkbookJobName](bytes, options as never);
    reply = { id, ok: true, result };
  } catch (error) {
    reply =
      error instanceof WorkbookRefusal
        ? { id, ok: false, refusal: { limit: error.limit, message: error.message } }
        : { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
