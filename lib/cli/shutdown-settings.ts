/** PTT_SHUTDOWN_GRACE: how long a stopping server waits for the requests in flight, in seconds (lib/cli/serve.ts). */
export const DEFAULT_SHUTDOWN_GRACE_SECONDS = 20;

export function shutdownGraceMs(setting: string | undefined): number {
  const raw = setting?.trim();
  if (!raw) return DEFAULT_SHUTDOWN_GRACE_SECONDS * 1000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 3600) {
    throw new Error(`PTT_SHUTDOWN_GRACE 应为 0–3600 之间的秒数，现为「${raw}」`);
  }
  return Math.round(seconds * 1000);
}
