import type { ImportGraph } from "./import-graph";

/**
 * The layering rules of the house (docs/architecture.md), each a function of an import graph that returns what
 * breaks it (empty: kept). lib/architecture.test.ts runs them on the repo, and on small made-up graphs to show
 * each one catches what it is meant to.
 */

const isTest = (file: string) => /\.(test|spec)\.tsx?$/.test(file) || file.startsWith("e2e/");
/** Test support and benchmarks: they may import anything, nothing in production may import them. */
const isSupport = (file: string) => file.startsWith("lib/testing/") || file.startsWith("lib/bench/");
export const isProduction = (file: string) => !isTest(file) && !isSupport(file);

/** lib/sheets/write-sheet.ts → lib/sheets; lib/errors.ts → lib/errors (a module at lib's root is its own folder). */
export function folderOf(file: string): string {
  const parts = file.split("/");
  return parts.length > 2 ? parts.slice(0, 2).join("/") : file.replace(/\.tsx?$/, "");
}

/** (a) lib/ is below the UI: no module under lib/ (tests, test support and benchmarks included) imports components/ or app/. */
export function libImportingUi(graph: ImportGraph): string[] {
  const problems: string[] = [];
  for (const [file, info] of graph) {
    if (!file.startsWith("lib/")) continue;
    for (const target of info.imports) if (target.startsWith("components/") || target.startsWith("app/")) problems.push(`${file} imports ${target}`);
  }
  return problems;
}

/**
 * (b) No import cycles between production modules of lib/: none imports a module that imports it back, directly
 * or through their folders — the folders of lib/ form layers (lib/a/* → lib/b/* and lib/b/* → lib/a/* is a cycle,
 * whichever files make the edges). Tests, lib/testing and lib/bench stand outside the layers.
 */
export function importCycles(graph: ImportGraph): string[] {
  const problems: string[] = [];
  const inLib = (file: string) => file.startsWith("lib/") && isProduction(file) && graph.has(file);

  // Folder edges, each with one import that makes it (for the message).
  const folderEdges = new Map<string, Map<string, string>>();
  const fileEdges = new Map<string, string[]>();
  for (const [file, info] of graph) {
    if (!inLib(file)) continue;
    fileEdges.set(file, info.imports.filter(inLib));
    for (const target of info.imports.filter(inLib)) {
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from === to) continue;
      if (!folderEdges.has(from)) folderEdges.set(from, new Map());
      if (!folderEdges.get(from)!.has(to)) folderEdges.get(from)!.set(to, `${file} → ${target}`);
    }
  }
  const folderGraph = new Map([...folderEdges].map(([from, to]) => [from, [...to.keys()]]));
  for (const cycle of cyclesOf(folderGraph)) {
    const steps = cycle.map((from, i) => folderEdges.get(from)!.get(cycle[(i + 1) % cycle.length]!)!);
    problems.push(`folder cycle ${[...cycle, cycle[0]].join(" → ")} (${steps.join("; ")})`);
  }
  for (const cycle of cyclesOf(fileEdges)) problems.push(`module cycle ${[...cycle, cycle[0]].join(" → ")}`);
  return problems;
}

/** (c) Production code (lib/, app/, components/) never imports the test support (lib/testing) or the benchmarks (lib/bench). */
export function productionImportingSupport(graph: ImportGraph): string[] {
  const problems: string[] = [];
  for (const [file, info] of graph) {
    if (!isProduction(file)) continue;
    for (const target of info.imports) if (isSupport(target)) problems.push(`${file} imports ${target}`);
  }
  return problems;
}

/** The one write path, and the modules it is made of. */
export const WRITE_PATH = "lib/sheets/write-sheet.ts";
const WRITE_PATH_PARTS = [WRITE_PATH, "lib/sheets/sheet-lock.ts"];
const isFigures = (file: string) => file.startsWith("lib/figures/");

/** What only the write path may call: the figures refresh of a write, and the sheet lock. */
const WRITE_PATH_ONLY = /\b(refreshSheetFigures|refreshFigures|refreshAllFigures|lockSheet|openLockedSheet)\b/;

/** The tables of a sheet's data, as the Prisma client names them. */
const SHEET_TABLES = [
  "targetSheet",
  "indicator",
  "progressEntry",
  "sheetMonth",
  "budgetAdjustment",
  "evidenceFile",
  "targetAdjustment",
  "evaluation",
  "evaluationRow",
];
const SHEET_TABLE_WRITE = new RegExp(`\\.(${SHEET_TABLES.join("|")})\\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\\(`);

/**
 * (d) Every write of sheet data goes through lib/sheets/write-sheet.ts. Checked on production code, as two rules:
 * 1. outside the write path (write-sheet.ts, sheet-lock.ts) and lib/figures, no module names the figures refresh of
 *    a write (refreshSheetFigures, refreshFigures, refreshAllFigures) or the sheet lock (lockSheet, openLockedSheet).
 *    The scorecard's read-side `refreshStaleFigures` (recomputing what went stale before a read) is not a write;
 * 2. no module that opens a transaction of its own (`$transaction(`) writes a table of a sheet's data
 *    (SHEET_TABLES: create, update, upsert or delete): such work runs inside writeSheet, which opens it;
 * 3. a module that writes a table of a sheet's data records its audit entries through the write it was given
 *    (`write.audit`), never by calling appendAudit itself: the audit of sheet data has one way in.
 */
export function writePathBypasses(graph: ImportGraph): string[] {
  const problems: string[] = [];
  for (const [file, info] of graph) {
    if (!isProduction(file) || WRITE_PATH_PARTS.includes(file) || isFigures(file)) continue;
    const named = info.code.match(WRITE_PATH_ONLY);
    if (named) problems.push(`${file} calls ${named[1]} (only ${WRITE_PATH} may)`);
    const written = info.code.match(SHEET_TABLE_WRITE);
    if (/\$transaction\(/.test(info.code) && written) problems.push(`${file} opens its own transaction and writes ${written[1]} (use writeSheet)`);
    if (written && /\bappendAudit\(/.test(info.code)) problems.push(`${file} writes ${written[1]} and calls appendAudit (audit through the write's audit)`);
  }
  return problems;
}

/** The elementary cycles' representatives: one cycle per strongly connected component of more than one node. */
function cyclesOf(edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component);
    }
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  // A concrete cycle through the component, for the message: a shortest way back to its first node.
  return components.map((component) => cycleThrough(component.sort()[0]!, new Set(component), edges));
}

function cycleThrough(start: string, within: Set<string>, edges: Map<string, string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of (edges.get(node) ?? []).filter((n) => within.has(n)).sort()) {
      if (to === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [...within];
}
