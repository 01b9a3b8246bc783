/**
 * Next's start-up hook, run once when a server process starts (`npm start`, `next dev`): the reminder scheduler
 * (lib/reminders/scheduler.ts) runs inside the server, where the database is already open — the embedded database
 * admits one process, so it cannot run beside the server in `lib/cli/start.ts`. Node runtime only; never during the
 * build.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScheduler } = await import("@/lib/reminders/scheduler");
  startScheduler();
}
