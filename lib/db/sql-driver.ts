import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";

/**
 * The little raw SQL the migrator and test set-up need, over either engine. Application code uses
 * Prisma; this exists because a migration file holds many statements, which Prisma's raw queries refuse.
 */
export interface SqlDriver {
  readonly engine: "pglite" | "postgres";
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
}

type PgliteLike = Pick<PGlite | Transaction, "exec" | "query">;

function pgliteScope(db: PgliteLike, begin: SqlDriver["transaction"]): SqlDriver {
  return {
    engine: "pglite",
    exec: async (sql) => void (await db.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    transaction: begin,
  };
}

export function pgliteDriver(db: PGlite): SqlDriver {
  return pgliteScope(db, (fn) => db.transaction((tx) => fn(pgliteScope(tx, () => Promise.reject(new Error("nested transaction"))))));
}

function pgScope(client: pg.Pool | pg.PoolClient, begin: SqlDriver["transaction"]): SqlDriver {
  return {
    engine: "postgres",
    exec: async (sql) => void (await client.query(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    transaction: begin,
  };
}

export function pgDriver(pool: pg.Pool): SqlDriver {
  return pgScope(pool, async (fn) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const result = await fn(pgScope(client, () => Promise.reject(new Error("nested transaction"))));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
}
