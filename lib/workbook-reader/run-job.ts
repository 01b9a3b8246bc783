import "server-only";
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { checkArchive } from "./check-archive";
import type { WorkbookJobName, WorkbookJobOptions, WorkbookJobResult } from "./jobs";
import { WORKBOOK_LIMITS as L } from "./limits";
import type { JobReply, JobRequest } from "./protocol";
import { refuse, WorkbookRefusal } from "./refusal";

/**
 * Reads an uploaded workbook off the request thread: `runWorkbookJob("target-sheets", bytes, options)`.
 *
 * 1. Here, on the request thread: the file's size and its zip directory (what it declares) — a refused file
 *    never starts a worker (check-archive.ts).
 * 2. In a worker thread: each part inflated under a hard cap and counted (check-expansion.ts), then the job.
 *    The worker's heap is capped (`resourceLimits`) and its time limited (terminated), so whatever a file does
 *    costs the server one worker, never the process: the request thread keeps answering other users meanwhile.
 *
 * At most `WORKBOOK_LIMITS.workers` jobs run at once, each in its own worker; more wait in line. A worker that
 * finished a job is kept (idle, not holding the process open) for the next one: starting one loads exceljs,
 * which costs about as much as reading a small workbook. A worker that ran out of time or memory is dropped.
 *
 * Refusals are AppError INVALID on the field `file`, naming the limit and the file's figure.
 */
export async function runWorkbookJob<N extends WorkbookJobName>(
  job: N,
  bytes: Uint8Array,
  options: WorkbookJobOptions<N>,
  /** The time limit, shorter in tests of it; WORKBOOK_LIMITS.milliseconds otherwise. */
  milliseconds: number = L.milliseconds,
): Promise<WorkbookJobResult<N>> {
  try {
    checkArchive(bytes);
    return (await pool.run({ job, bytes, options, milliseconds })) as WorkbookJobResult<N>;
  } catch (error) {
    if (error instanceof WorkbookRefusal) throw new AppError("INVALID", error.message, [{ path: "file", message: error.message }]);
    throw error;
  }
}

/** Idle workers are ended after this long: the memory of a loaded exceljs is not kept for nothing. */
const IDLE_MS = 60_000;

interface Task {
  job: string;
  bytes: Uint8Array;
  options: unknown;
  milliseconds: number;
}

class WorkerPool {
  private readonly idle: Array<{ worker: Worker; timer: NodeJS.Timeout }> = [];
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private nextId = 1;

  async run(task: Task): Promise<unknown> {
    if (this.running >= L.workers) {
      if (this.waiting.length >= L.queue) throw refuse.busy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    const kept = this.idle.pop();
    if (kept) clearTimeout(kept.timer);
    const worker = kept?.worker ?? startWorker();
    try {
      // A reply, refusal or not, leaves the worker sound: it is kept. Out of time or memory, it was ended.
      const reply = await this.send(worker, task);
      this.park(worker);
      if (reply.ok) return reply.result;
      if ("refusal" in reply) throw new WorkbookRefusal(reply.refusal.limit, reply.refusal.message);
      throw new Error(`读取工作簿失败：${reply.error}`);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** One job on one worker: its reply; a refusal (the worker ended) when it takes too long or runs out of memory. */
  private send(worker: Worker, task: Task): Promise<JobReply> {
    const id = this.nextId++;
    // A copy, handed over (transferred) to the worker: the caller keeps its bytes (the upload store needs them).
    const bytes = task.bytes.slice();
    const request: JobRequest = { id, job: task.job, bytes, options: task.options };
    worker.ref();
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
      const fail = (error: Error) => {
        done();
        void worker.terminate();
        reject(error);
      };
      const timer = setTimeout(() => fail(refuse.time(task.milliseconds)), task.milliseconds);
      const onMessage = (reply: JobReply) => {
        if (reply.id !== id) return;
        done();
        resolve(reply);
      };
      const onError = (error: Error & { code?: string }) =>
        fail(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? refuse.heap() : new Error(`读取工作簿失败：${error.message}`));
      const onExit = (code: number) => fail(new Error(`读取工作簿的线程意外退出（${code}）`));
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(request, [bytes.buffer as ArrayBuffer]);
    });
  }

  private park(worker: Worker): void {
    // An idle worker does not keep a command (sheets:import) from exiting.
    worker.unref();
    const timer = setTimeout(() => {
      const at = this.idle.findIndex((w) => w.worker === worker);
      if (at !== -1) this.idle.splice(at, 1);
      void worker.terminate();
    }, IDLE_MS);
    timer.unref();
    this.idle.push({ worker, timer });
  }
}

/**
 * Where the worker's code comes from differs between a Next.js build and the sources:
 * - In the server Next.js built (`next start`, also `next dev`; NEXT_RUNTIME is set), the entry is written as
 *   `new Worker(new URL("./worker.ts", import.meta.url))`: Turbopack recognises exactly this form for
 *   node:worker_threads and bundles worker.ts and what it imports as an entry of its own, rewriting the URL to
 *   it (vercel/next.js#78010; resolved relative to this module since #93432). A path built at run time would not
 *   be bundled, and .next holds no TypeScript to load.
 *   The build drops the other branch (NEXT_RUNTIME is a constant there).
 * - From the sources (the npm scripts under tsx, vitest) there is no bundle: the worker loads worker.ts through
 *   tsx's API (`tsImport`, which also resolves `@/`). A worker does not take tsx from the parent: Node 20 does not
 *   apply `--import` loader hooks to a worker's entry, so neither the inherited execArgv nor `--import tsx` works.
 */
function startWorker(): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: L.heapMb, maxYoungGenerationSizeMb: 16 } };
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./worker.ts", import.meta.url), options);
  // A string, not `new URL(…)` or a path call: the build would publish a file it can trace as a static asset.
  const entry = import.meta.url.replace(/[^/]*$/, "worker.ts");
  const boot = `import("tsx/esm/api").then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(boot, { ...options, eval: true });
}

const pool = new WorkerPool();
