import "server-only";
import type { SqlDriver } from "@/lib/db/sql-driver";

/**
 * Our tables as data, the same on PGlite and PostgreSQL: each row is the JSON PostgreSQL itself writes
 * (`row_to_json`), one per line, and is read back by PostgreSQL (`json_populate_recordset`) into the same
 * column types. Numbers, amounts and times never pass through JavaScript numbers or dates, so nothing is
 * rounded or shifted. The migrator's own table is left out: restore records its migrations itself.
 */

const PAGE = 2000;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table of the schema, by name, except `_prisma_migrations`. */
export async function listTables(sql: SqlDriver): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`,
  );
  return rows.map((row) => row.name);
}

async function primaryKey(sql: SqlDriver, table: string): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary
     ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [quote(table)],
  );
  return rows.map((row) => row.name);
}

/**
 * The rows of a table as JSON lines, in primary-key order, a page at a time (the next page starts after the
 * last row's key, read back from that row's JSON). Run it inside one transaction to read one snapshot.
 */
export async function* tableLines(sql: SqlDriver, table: string): AsyncGenerator<string> {
  const key = await primaryKey(sql, table);
  if (key.length === 0) {
    for (const row of await sql.query<{ line: string }>(`SELECT row_to_json(t)::text AS line FROM ${quote(table)} t`)) yield row.line;
    return;
  }
  const cols = key.map((k) => `t.${quote(k)}`).join(", ");
  const lastCols = key.map((k) => `r.${quote(k)}`).join(", ");
  let last: string | null = null;
  for (;;) {
    const rows: { line: string }[] =
      last === null
        ? await sql.query(`SELECT row_to_json(t)::text AS line FROM ${quote(table)} t ORDER BY ${cols} LIMIT ${PAGE}`)
        : await sql.query(
            `SELECT row_to_json(t)::text AS line FROM ${quote(table)} t
             WHERE (${cols}) > (SELECT ${lastCols} FROM json_populate_record(null::${quote(table)}, $1::json) r)
             ORDER BY ${cols} LIMIT ${PAGE}`,
            [last],
          );
    for (const row of rows) yield row.line;
    if (rows.length < PAGE) return;
    last = rows[rows.length - 1]!.line;
  }
}

/** Appends JSON lines to a table (the caller has made constraints and triggers wait, see `loadTables`). */
export async function insertLines(sql: SqlDriver, table: string, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  await sql.query(`INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(null::${quote(table)}, $1::json)`, [`[${lines.join(",")}]`]);
}

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

async function foreignKeys(sql: SqlDriver): Promise<ForeignKey[]> {
  return sql.query<ForeignKey>(
    `SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema()
     ORDER BY c.relname, k.conname`,
  );
}

/**
 * Loads tables into an empty schema in one transaction, whatever order rows reference each other in (a sheet
 * rolled over from a later one, users and sheets citing each other): the foreign keys are dropped and put back
 * after the load, which checks every row against them; the tables' own triggers (the figures bookkeeping, the
 * audit log's guard) stay silent, since the rows already carry their effects; sequences continue after the
 * highest id.
 */
export async function loadTables(sql: SqlDriver, tables: string[], load: (tx: SqlDriver) => Promise<void>): Promise<void> {
  await sql.transaction(async (tx) => {
    const keys = await foreignKeys(tx);
    for (const key of keys) await tx.exec(`ALTER TABLE ${quote(key.table)} DROP CONSTRAINT ${quote(key.name)}`);
    for (const table of tables) await tx.exec(`ALTER TABLE ${quote(table)} DISABLE TRIGGER USER`);
    await load(tx);
    for (const table of tables) await tx.exec(`ALTER TABLE ${quote(table)} ENABLE TRIGGER USER`);
    for (const key of keys) await tx.exec(`ALTER TABLE ${quote(key.table)} ADD CONSTRAINT ${quote(key.name)} ${key.definition}`);
    const serials = await tx.query<{ table: string; column: string }>(
      `SELECT table_name AS table, column_name AS column FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
    );
    for (const { table, column } of serials) {
      await tx.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`, [
        quote(table),
        column,
      ]);
    }
  });
}
