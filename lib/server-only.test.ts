import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * `import "server-only"` marks the lib/ modules that reach the database, the file system, child processes or
 * secrets: Next.js then refuses to build a client component that imports one of them (directly or through
 * others), instead of shipping server code, or a crash, to the browser. This test says which modules need the
 * marker, so a new one cannot be forgotten, and checks no client component reaches a marked module.
 *
 * Outside Next the marker resolves to an empty module under the `react-server` condition: the npm scripts run
 * `tsx --conditions=react-server`, and vitest.config.ts aliases it (docs/dependencies.md).
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const tracked = execFileSync("git", ["ls-files", "-z", "lib", "app", "components"], { cwd: root, encoding: "utf8" })
  .split("\0")
  .filter((f) => /\.tsx?$/.test(f) && !f.startsWith("lib/generated/") && existsSync(path.join(root, f)));
const source = new Map(tracked.map((f) => [f, readFileSync(path.join(root, f), "utf8")]));
const isTest = (f: string) => /\.test\.tsx?$/.test(f);

/** Entry points of the npm scripts: run, never imported, so nothing can pull them into a bundle. */
const scripts = Object.values((JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);
const isEntryPoint = (f: string) => scripts.some((s) => s.split(/\s+/).includes(f));

interface Import {
  specifier: string;
  names: string;
  typeOnly: boolean;
}

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:([^;'"]*?)\s+from\s+)?["']([^"']+)["']/gm;

function importsOf(text: string): Import[] {
  return [...text.matchAll(IMPORT)].map((m) => {
    const names = m[2] ?? "";
    // `import { type A, type B } from` loads nothing at run time either.
    const allTypes =
      /^\{[^}]*\}$/.test(names.trim()) &&
      names
        .replace(/[{}\s]/g, "")
        .split(",")
        .filter(Boolean)
        .every((n) => n.startsWith("type"));
    return { specifier: m[3]!, names, typeOnly: Boolean(m[1]) || allTypes };
  });
}

function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) if (source.has(candidate)) return candidate;
  return null;
}

const FILE_SYSTEM = /^(node:)?(fs|fs\/promises|child_process)$/;
const DATABASE_MODULE = /^@\/lib\/db(\/|$)/;
const PRISMA_CLIENT = "@/lib/generated/prisma/client";
const HANDLE = /\b(PrismaClient|TransactionClient|Tx|Db|Database)\b/;

/** Why a module must carry the marker; null when it need not. */
function serverReason(file: string): string | null {
  const text = source.get(file)!;
  const imports = importsOf(text);
  if (imports.some((i) => FILE_SYSTEM.test(i.specifier))) return "file system or processes";
  if (imports.some((i) => DATABASE_MODULE.test(i.specifier) || (file.startsWith("lib/db/") && i.specifier.startsWith("./")))) return "database";
  // The Prisma runtime, or a database handle in hand — even as a type: a use case is given the client and queries it.
  if (imports.some((i) => (i.specifier === PRISMA_CLIENT && !i.typeOnly) || HANDLE.test(i.names))) return "database";
  if (/\bPrisma\.TransactionClient\b/.test(text)) return "database";
  if (/process\.env\.(NEXTAUTH_SECRET|DATABASE_URL)\b/.test(text)) return "secrets";
  return null;
}

const hasMarker = (file: string) => /^import "server-only";$/m.test(source.get(file)!);
const libModules = tracked.filter((f) => f.startsWith("lib/") && !isTest(f) && !isEntryPoint(f));

describe('import "server-only"', () => {
  it("finds the modules that reach the database, files or secrets", () => {
    const reasons = libModules.map(serverReason);
    expect(reasons.filter((r) => r === "database").length).toBeGreaterThan(50);
    expect(serverReason("lib/db/open.ts")).not.toBeNull();
    expect(serverReason("lib/scoring/row-score.ts")).toBeNull();
  });

  it("marks every lib/ module that reaches the database, the file system, child processes or secrets", () => {
    const missing = libModules.flatMap((f) => {
      const reason = serverReason(f);
      return reason && !hasMarker(f) ? [`${f} (${reason})`] : [];
    });
    expect(missing).toEqual([]);
  });

  it("lets no client component import a marked module, directly or through others", () => {
    const marked = new Set(tracked.filter(hasMarker));
    const clients = tracked.filter((f) => !isTest(f) && /^\s*["']use client["']/.test(source.get(f)!));
    expect(clients.length).toBeGreaterThan(10);
    const reaches: string[] = [];
    for (const client of clients) {
      const seen = new Set<string>();
      const walk = (file: string, chain: string[]) => {
        if (seen.has(file)) return;
        seen.add(file);
        if (marked.has(file)) reaches.push([...chain, file].join(" → "));
        for (const i of importsOf(source.get(file)!)) {
          const next = i.typeOnly ? null : resolve(file, i.specifier);
          if (next) walk(next, [...chain, file]);
        }
      };
      walk(client, []);
    }
    expect(reaches).toEqual([]);
  });
});
