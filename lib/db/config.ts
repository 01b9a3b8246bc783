import "server-only";
import path from "node:path";

/** Where the data lives: PostgreSQL when DATABASE_URL is set, else embedded PGlite under DATA_DIR. */
export type DbTarget = { engine: "postgres"; url: string } | { engine: "pglite"; dataDir: string };

// turbopackIgnore: the data directory is chosen at run time; without it the build traces the whole project.
export const dataDir = (): string => path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || "./data");

export function dbTarget(): DbTarget {
  const url = process.env.DATABASE_URL?.trim();
  return url ? { engine: "postgres", url } : { engine: "pglite", dataDir: dataDir() };
}

/** For messages: the URL without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(无法解析的 DATABASE_URL)";
  }
}
