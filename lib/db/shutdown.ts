/**
 * What a stopping server process must close, and whether it is stopping. The server (lib/cli/serve.ts) owns the
 * signals: on SIGTERM/SIGINT it marks the process as shutting down (GET /api/health answers 503 so a balancer
 * sends nothing new), drains the requests in flight, then runs these hooks in order — the reminder scheduler stops
 * and gives up its lease, then the database closes (PGlite flushes and releases DATA_DIR's lock; the pg pool ends).
 *
 * The registry lives on globalThis: the modules that register (bundled by Next into the server) and the server
 * script that runs the hooks (loaded by Node directly) are different module instances in one process. No
 * `server-only` here: the server script imports this file outside Next's react-server condition.
 */

export interface ShutdownHook {
  /** Lower runs first: the scheduler (10) before the database (100) it uses. */
  order: number;
  run: () => Promise<void>;
}

interface Registry {
  stopping: boolean;
  hooks: Map<string, ShutdownHook>;
}

const KEY = Symbol.for("ptt.shutdown");

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [KEY]?: Registry };
  holder[KEY] ??= { stopping: false, hooks: new Map() };
  return holder[KEY];
}

export const SHUTDOWN_ORDER = { scheduler: 10, database: 100 } as const;

/** Registers (or replaces) the hook `name`. */
export function onShutdown(name: string, hook: ShutdownHook): void {
  registry().hooks.set(name, hook);
}

export function removeShutdownHook(name: string): void {
  registry().hooks.delete(name);
}

/** True once the process has begun to stop (after SIGTERM/SIGINT). */
export const isShuttingDown = (): boolean => registry().stopping;

export function beginShutdown(): void {
  registry().stopping = true;
}

/** Runs every hook in order, each once; a failing hook is reported and the others still run. Answers the failures. */
export async function runShutdownHooks(): Promise<{ name: string; error: unknown }[]> {
  const { hooks } = registry();
  const failures: { name: string; error: unknown }[] = [];
  for (const [name, hook] of [...hooks].sort((a, b) => a[1].order - b[1].order)) {
    hooks.delete(name);
    try {
      await hook.run();
    } catch (error) {
      failures.push({ name, error });
    }
  }
  return failures;
}
