import "server-only";
import { type Database, getDatabase } from "@/lib/db";
import { type MigrationStatus, migrationStatus, readMigrations } from "@/lib/db/migrate";
import { isShuttingDown } from "@/lib/db/shutdown";
import { checkEvidenceWritable } from "@/lib/evidence/check-writable";

/**
 * GET /api/health for load balancers and monitoring: can this instance serve? The database answers, its
 * migrations are this program's, evidence can be stored, and the process is not shutting down. Cheap (one
 * `SELECT 1`, one read of `_prisma_migrations`, a probe file of a few bytes), each check bounded in time so a
 * hung dependency answers 503 promptly. The body names what failed in plain words and never details that
 * help an attacker (addresses, paths, SQL): those go to the server log.
 */

export interface HealthCheck {
  ok: boolean;
  ms: number;
  /** Why not ok, for the operator (no addresses or paths). */
  reason?: string;
}

export interface HealthReport {
  status: "ok" | "unavailable";
  /** Set while the process drains its requests after SIGTERM: the balancer should send no new ones. */
  shuttingDown: boolean;
  checks: {
    database: HealthCheck;
    migrations: HealthCheck & Partial<MigrationStatus>;
    storage: HealthCheck;
  };
}

/** Each check's time limit: a balancer polls every few seconds and must not wait on a hung dependency. */
export const CHECK_TIMEOUT_MS = 3_000;

// The program's migrations do not change while it runs: read the directory once.
let files: { name: string }[] | undefined;
const programMigrations = () => (files ??= readMigrations().map(({ name }) => ({ name })));

class TimeoutError extends Error {}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError()), CHECK_TIMEOUT_MS);
    });
    const value = await Promise.race([work(), timeout]);
    return { ms: Math.round(performance.now() - start), value };
  } catch (error) {
    return { ms: Math.round(performance.now() - start), error };
  } finally {
    clearTimeout(timer);
  }
}

/** The server log gets the detail of a failed check, once a minute per check (a balancer polls often). */
const lastLogged = new Map<string, number>();
function logFailure(check: string, error: unknown) {
  const now = Date.now();
  if (now - (lastLogged.get(check) ?? 0) < 60_000) return;
  lastLogged.set(check, now);
  console.error(`健康检查 ${check} 失败：${error instanceof Error ? error.message : String(error)}`);
}

const failed = (check: string, ms: number, error: unknown, reason: string): HealthCheck => {
  logFailure(check, error);
  return { ok: false, ms, reason: error instanceof TimeoutError ? `${reason}（超过 ${CHECK_TIMEOUT_MS / 1000} 秒未响应）` : reason };
};

/** What the checks look at: the server's own by default; tests pass others. */
export interface HealthProbes {
  database: () => Promise<Pick<Database, "sql">>;
  migrations: () => { name: string }[];
  storage: () => Promise<void>;
}

const SERVER_PROBES: HealthProbes = { database: getDatabase, migrations: programMigrations, storage: checkEvidenceWritable };

export async function checkHealth(probes: HealthProbes = SERVER_PROBES): Promise<HealthReport> {
  const database = await timed(async () => {
    const db = await probes.database();
    await db.sql.query("SELECT 1");
    return db;
  });
  const [migrations, storage] = await Promise.all([
    database.value ? timed(() => migrationStatus(database.value!.sql, probes.migrations())) : Promise.resolve(null),
    timed(probes.storage),
  ]);

  const checks: HealthReport["checks"] = {
    database: database.value ? { ok: true, ms: database.ms } : failed("database", database.ms, database.error, "无法连接数据库"),
    migrations: !migrations
      ? { ok: false, ms: 0, reason: "数据库不可用，无法检查迁移" }
      : migrations.value
        ? migrationCheck(migrations.ms, migrations.value)
        : failed("migrations", migrations.ms, migrations.error, "无法读取迁移记录"),
    storage: storage.error === undefined ? { ok: true, ms: storage.ms } : failed("storage", storage.ms, storage.error, "佐证资料存储不可写"),
  };
  const shuttingDown = isShuttingDown();
  const ok = !shuttingDown && checks.database.ok && checks.migrations.ok && checks.storage.ok;
  return { status: ok ? "ok" : "unavailable", shuttingDown, checks };
}

/**
 * Pending or failed migrations make the instance unhealthy (its queries would meet an older schema). Migrations it
 * does not know do not: during a rolling upgrade the database is migrated first (docs/deploy.md) and the old
 * instances keep serving until they are replaced — taking them all out at once would be an outage.
 */
function migrationCheck(ms: number, status: MigrationStatus): HealthReport["checks"]["migrations"] {
  if (status.failed.length > 0) return { ok: false, ms, ...status, reason: "有迁移执行失败，数据库需要人工检查" };
  if (status.pending.length > 0) return { ok: false, ms, ...status, reason: `数据库缺少 ${status.pending.length} 个迁移：请先运行 npm run db:migrate` };
  return { ok: true, ms, ...status };
}
