import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { getPrisma } from "@/lib/db";
import { takeLease } from "./lease";
import { runReminderPass } from "./run-pass";

/** A pass a minute: e-mails raised by a write go out within about a minute, reminders on the first pass after 08:00. */
export const PASS_INTERVAL_MS = 60_000;
/** Three missed passes and another instance takes over. */
export const LEASE_TTL_MS = 3 * PASS_INTERVAL_MS;

const started = globalThis as typeof globalThis & { __ptt_scheduler?: string };

/**
 * The reminder scheduler inside the server process, started by `instrumentation.ts` (Next's register hook, once per
 * server process): every minute it takes or renews the database lease and, only while it holds it, runs a pass
 * (run-pass.ts). With several app instances on one database exactly one of them sends; when it stops (or dies) another
 * takes over once the lease has expired (3 minutes) — nothing is lost meanwhile: the outbox and the reminders' keys
 * carry over. `PTT_SCHEDULER=off` leaves it out (e.g. when cron runs `npm run reminders:run` instead). An error is
 * logged and the next pass tries again; passes never overlap.
 */
export function startScheduler(): void {
  if (started.__ptt_scheduler || process.env.PTT_SCHEDULER === "off") return;
  const me = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  started.__ptt_scheduler = me;
  const tick = async () => {
    try {
      const prisma = await getPrisma();
      if (await takeLease(prisma, me, LEASE_TTL_MS)) await runReminderPass(prisma);
    } catch (error) {
      console.error(`提醒调度出错（下一轮重试）：${error instanceof Error ? error.message : String(error)}`);
    }
    // unref: the scheduler never keeps a stopping process alive.
    setTimeout(() => void tick(), PASS_INTERVAL_MS).unref();
  };
  void tick();
}
