import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * PGlite has no lock of its own, and two processes writing one data directory corrupt it beyond
 * repair. A lock file holding the owner's PID keeps a second process out; a lock left by a process
 * that no longer exists (killed, crashed) is taken over.
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

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

export function acquireDataDirLock(dataDir: string): () => void {
  const file = path.join(dataDir, "pglite.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      const release = () => {
        process.off("exit", release);
        try {
          if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(fs.readFileSync(file, "utf8"), 10);
      if (Number.isInteger(owner) && isAlive(owner)) throw new DataDirLockedError(dataDir, owner);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`无法获取数据目录锁 ${file}`);
}
