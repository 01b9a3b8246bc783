import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * A small import scanner for the boundary rules of lib/architecture.test.ts (docs/architecture.md): which module
 * imports which, from the source text alone. It reads `import … from "x"`, `export … from "x"`, `import "x"` and
 * `import("x")` outside comments; "@/…" is the repo root (tsconfig paths), "./…" and "../…" are relative. Only
 * imports that resolve to a file of the repo are kept (packages are not its business).
 */

export interface SourceFile {
  /** Repo-relative, with forward slashes: `lib/sheets/write-sheet.ts`. */
  path: string;
  source: string;
}

export interface ModuleInfo extends SourceFile {
  /** Repo-relative paths of the modules it imports. */
  imports: string[];
  /** The source without comments (for the rules that look at code). */
  code: string;
}

export type ImportGraph = Map<string, ModuleInfo>;

/** Comments out, strings kept: a `//` inside a string literal (an URL) is not a comment. */
export function stripComments(source: string): string {
  return source.replace(
    /("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g,
    (match, literal: string | undefined) => literal ?? match.replace(/[^\n]/g, " "),
  );
}

const IMPORT = /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,]*?\s+from\s+)?["']([^"'\n]+)["']|\bimport\(\s*["']([^"'\n]+)["']\s*\)/g;

/** The module specifiers a source imports (in code, not in comments or template literals). */
export function importSpecifiers(code: string): string[] {
  const out: string[] = [];
  // Template literals may hold code for another process (a script run by tsx): not imports of this module.
  const withoutTemplates = code.replace(/`(?:\\.|[^`\\])*`/g, (t) => t.replace(/[^\n]/g, " "));
  for (const m of withoutTemplates.matchAll(IMPORT)) out.push((m[1] ?? m[2])!);
  return out;
}

const CANDIDATES = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

/** The repo file a specifier names, or null (a package, or nothing there). */
export function resolveSpecifier(from: string, specifier: string, exists: (file: string) => boolean): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  for (const suffix of CANDIDATES) if (exists(base + suffix)) return base + suffix;
  return null;
}

/** The graph of these files (imports of files outside the set are dropped). */
export function buildGraph(files: readonly SourceFile[]): ImportGraph {
  const known = new Set(files.map((f) => f.path));
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const code = stripComments(file.source);
    const imports = importSpecifiers(code)
      .map((s) => resolveSpecifier(file.path, s, (p) => known.has(p)))
      .filter((p): p is string => p !== null);
    graph.set(file.path, { ...file, code, imports: [...new Set(imports)] });
  }
  return graph;
}

/** Every .ts/.tsx file under these folders of the repo (generated code aside). */
export function readSources(root: string, folders: readonly string[]): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
        walk(rel);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        files.push({ path: rel, source: fs.readFileSync(path.join(root, rel), "utf8") });
      }
    }
  };
  for (const folder of folders) if (fs.existsSync(path.join(root, folder))) walk(folder);
  return files;
}
