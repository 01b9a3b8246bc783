import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { getPrisma } from "@/lib/db";
import { onShutdown, SHUTDOWN_ORDER } from "@/lib/db/shutdown";
import { releaseLease, takeLease } from "./lease";
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
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      const prisma = await getPrisma();
      if (await takeLease(prisma, me, LEASE_TTL_MS)) await runReminderPass(prisma);
    } catch (error) {
      if (!stopped) console.error(`提醒调度出错（下一轮重试）：${error instanceof Error ? error.message : String(error)}`);
    }
    // unref: the scheduler never keeps a stopping process alive.
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick();
    }, PASS_INTERVAL_MS).unref();
  };
  running = tick();
  // A stopping server (lib/cli/serve.ts): no new pass, the one running finishes (its sends are recorded in the outbox,
  // so one cut short would only be retried), and the lease is given up so another instance takes over at once
  // instead of after LEASE_TTL_MS. Runs before the database closes.
  onShutdown("scheduler", {
    order: SHUTDOWN_ORDER.scheduler,
    run: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      await releaseLease(await getPrisma(), me);
      started.__ptt_scheduler = undefined;
    },
  });
}
