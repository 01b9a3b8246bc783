import "server-only";
import { dbTarget } from "@/lib/db/config";
import { migrate } from "@/lib/db/migrate";
import { type Database, openDatabase } from "@/lib/db/open";
import { AppError, formatProblem } from "@/lib/errors";

/**
 * Runs a command against the configured database (PGlite in DATA_DIR, or DATABASE_URL), bringing the
 * schema up to date first, and always closing it: an open PGlite keeps the process alive and holds the
 * data-directory lock. Problems go to stderr; returns the exit status: input problems 2, anything else 1.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a command may end without an exit status (0)
export async function withDatabase(main: (db: Database) => Promise<number | void>, options: { migrate?: boolean } = {}): Promise<number> {
  let db: Database | undefined;
  try {
    db = await openDatabase(dbTarget());
    if (options.migrate !== false) await migrate(db.sql);
    return (await main(db)) ?? 0;
  } catch (error) {
    return reportError(error);
  } finally {
    await db?.close().catch(() => undefined);
  }
}

/** `withDatabase`, then exits with its status. */
// biome-ignore lint/suspicious/noConfusingVoidType: as withDatabase
export async function runWithDatabase(main: (db: Database) => Promise<number | void>, options: { migrate?: boolean } = {}): Promise<never> {
  process.exit(await withDatabase(main, options));
}

/** Prints an error for a person and returns the exit status. */
export function reportError(error: unknown): number {
  if (error instanceof AppError) {
    process.stderr.write(`${error.message}\n`);
    // A refusal of the whole file (a workbook limit) is also its one problem, on the form's file field: said once.
    for (const problem of error.problems) if (problem.message !== error.message) process.stderr.write(`  ${formatProblem(problem)}\n`);
    return error.code === "INVALID" || error.code === "CONFLICT" ? 2 : 1;
  }
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
}

/** Reads a file, or standard input for `-`. */
export async function readInput(file: string): Promise<string> {
  return Buffer.from(await readInputBytes(file)).toString("utf8");
}

/** Reads a file, or standard input for `-`, as bytes (a workbook is not text). */
export async function readInputBytes(file: string): Promise<Uint8Array> {
  if (file !== "-") return new Uint8Array(await (await import("node:fs/promises")).readFile(file));
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

export function usage(text: string): never {
  process.stderr.write(`用法：${text}\n`);
  process.exit(2);
}
