import "server-only";
import fs from "node:fs";

/**
 * CPU time spent so far by the whole machine (every process, every core) in ms, from Linux's /proc/stat (user, nice,
 * system, irq, softirq; USER_HZ = 100); null where there is no /proc/stat. With `process.cpuUsage` it splits what a
 * run cost between this process and the others (the database server).
 */
export function machineCpuMs(): number | null {
  try {
    const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq] = fields;
    return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0)) * 10;
  } catch {
    return null;
  }
}

/** Runs `fn` and answers the CPU ms it cost: this process's, and the machine's (null without /proc/stat). */
export async function cpuCost(fn: () => Promise<unknown>): Promise<{ process: number; machine: number | null }> {
  const machineBefore = machineCpuMs();
  const before = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(before);
  const machineAfter = machineCpuMs();
  return { process: (used.user + used.system) / 1000, machine: machineBefore === null || machineAfter === null ? null : machineAfter - machineBefore };
}
