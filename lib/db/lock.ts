import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * PGlite has no lock of its own, and two processes writing one data directory corrupt it beyond
 * repair. A lock file keeps a second process out; a lock left by a process that no longer exists
 * (killed, crashed) is taken over.
 *
 * A PID alone does not name a process for long: after a restart (of the machine or of a container) the
 * recorded PID often belongs to another, unrelated process, and a server that never started again would
 * be reported as running. So the lock records the holder's PID, its start time (Linux: field 22 of
 * /proc/<pid>/stat, in clock ticks since boot) and the boot it started in; the holder counts as alive only
 * while a process with that PID, started at that time in this boot, exists. Where /proc is missing the
 * start time is unknown and the PID alone decides, as before.
 */
export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `数据目录 ${dataDir} 正被另一个进程（PID ${pid}）使用：内嵌数据库不能被两个进程同时打开。` +
        `请先停止正在运行的服务（npm start），或设置 DATABASE_URL 改用 PostgreSQL。`,
    );
    this.name = "DataDirLockedError";
  }
}

export const LOCK_FILE_NAME = "pglite.lock";

/** What the lock file records about its holder. */
export interface LockHolder {
  pid: number;
  /** Start time of the process (clock ticks since boot), or null where the system does not say. */
  start: string | null;
  /** The boot the process started in (Linux boot_id), or null. */
  boot: string | null;
}

const readOptional = (file: string): string | null => {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
};

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses, so count from its closing one. */
export function processStartTime(pid: number): string | null {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[22 - 3] ?? null;
}

const bootId = (): string | null => readOptional("/proc/sys/kernel/random/boot_id")?.trim() || null;

export function currentHolder(pid = process.pid): LockHolder {
  return { pid, start: processStartTime(pid), boot: bootId() };
}

/** The recorded holder: `{pid, start, boot}` as JSON, or a bare PID from before start times were recorded. */
export function parseHolder(text: string): LockHolder | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "number" && Number.isInteger(value) && value > 0) return { pid: value, start: null, boot: null };
    if (value && typeof value === "object" && "pid" in value) {
      const { pid, start, boot } = value as Record<string, unknown>;
      if (typeof pid === "number" && Number.isInteger(pid) && pid > 0) {
        return { pid, start: typeof start === "string" ? start : null, boot: typeof boot === "string" ? boot : null };
      }
    }
  } catch {
    // neither form: a torn write, not a holder
  }
  return null;
}

const pidExists = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Whether the recorded holder still runs: same PID, and — where known — same boot and same start time. */
export function holderIsAlive(holder: LockHolder): boolean {
  if (!pidExists(holder.pid)) return false;
  if (holder.boot !== null) {
    const boot = bootId();
    if (boot !== null && boot !== holder.boot) return false;
  }
  if (holder.start === null) return true;
  const start = processStartTime(holder.pid);
  return start === null || start === holder.start;
}

export function acquireDataDirLock(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const record = JSON.stringify(currentHolder());
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, record, { flag: "wx" });
      const release = () => {
        process.off("exit", release);
        if (readOptional(file) === record) fs.rmSync(file, { force: true });
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const text = readOptional(file);
      if (text === null) continue;
      const holder = parseHolder(text);
      if (holder && holderIsAlive(holder)) throw new DataDirLockedError(dataDir, holder.pid);
      // Stale: removed only if it still says what was judged stale, not a lock another starter just wrote.
      if (readOptional(file) === text) fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`无法获取数据目录锁 ${file}`);
}
