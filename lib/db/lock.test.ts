import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, currentHolder, DataDirLockedError, holderIsAlive, LOCK_FILE_NAME, parseHolder, processStartTime } from "./lock";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-lock-"));
  dirs.push(dir);
  return dir;
};
const lockFile = (dir: string) => path.join(dir, LOCK_FILE_NAME);
const onLinux = fs.existsSync("/proc/self/stat");
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("data directory lock", () => {
  it("keeps a second opener out with a clear message until released", () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(/正被另一个进程（PID \d+）使用/);
    release();
    expect(fs.existsSync(path.join(dir, "pglite.lock"))).toBe(false);
    acquireDataDirLock(dir)();
  });

  it("records the holder's PID, start time and boot", () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    const holder = parseHolder(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), "utf8"));
    expect(holder).toEqual(currentHolder());
    expect(holder?.pid).toBe(process.pid);
    if (onLinux) expect(holder?.start).toMatch(/^\d+$/);
    release();
  });

  it("takes over a lock left by a process that no longer exists", () => {
    const dir = tempDir();
    const dead = Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
    for (const record of [String(dead), JSON.stringify({ pid: dead, start: "12345", boot: currentHolder().boot })]) {
      fs.writeFileSync(lockFile(dir), record);
      const release = acquireDataDirLock(dir);
      expect(parseHolder(fs.readFileSync(lockFile(dir), "utf8"))?.pid).toBe(process.pid);
      release();
    }
  });

  it.runIf(onLinux)("takes over a lock whose PID now belongs to another process (a restart reused it)", () => {
    const dir = tempDir();
    // Our parent is alive, but it is not the process that wrote this lock: that one started at another time.
    const reused = process.ppid;
    const start = processStartTime(reused);
    expect(start).not.toBeNull();
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: reused, start: String(Number(start) + 1), boot: currentHolder().boot }));
    const release = acquireDataDirLock(dir);
    expect(parseHolder(fs.readFileSync(lockFile(dir), "utf8"))?.pid).toBe(process.pid);
    release();
  });

  it.runIf(onLinux)("takes over a lock written in an earlier boot, even by a process with the same PID and start time", () => {
    const dir = tempDir();
    const holder = currentHolder(process.ppid);
    fs.writeFileSync(lockFile(dir), JSON.stringify({ ...holder, boot: "00000000-0000-0000-0000-000000000000" }));
    acquireDataDirLock(dir)();
  });

  it("refuses while another live process holds the lock, naming its PID", () => {
    const dir = tempDir();
    // The parent process, recorded as it is: a server that truly runs.
    fs.writeFileSync(lockFile(dir), JSON.stringify(currentHolder(process.ppid)));
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`PID ${process.ppid}`));
    expect(fs.existsSync(lockFile(dir))).toBe(true);
  });

  it("refuses while a live process holds a lock of the old, PID-only form", () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
  });

  it("refuses while a live child process holds the lock, and takes it over once the child is gone", async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    try {
      await new Promise((resolve) => child.once("spawn", resolve));
      fs.writeFileSync(lockFile(dir), JSON.stringify(currentHolder(child.pid)));
      expect(holderIsAlive(currentHolder(child.pid ?? 0))).toBe(true);
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
    }
    acquireDataDirLock(dir)();
  });

  it("reads a holder from both forms and nothing from garbage", () => {
    expect(parseHolder("4242")).toEqual({ pid: 4242, start: null, boot: null });
    expect(parseHolder('{"pid":4242,"start":"99","boot":"b"}')).toEqual({ pid: 4242, start: "99", boot: "b" });
    expect(parseHolder("")).toBeNull();
    expect(parseHolder('{"pid":-1}')).toBeNull();
    expect(parseHolder("not a lock")).toBeNull();
  });
});
