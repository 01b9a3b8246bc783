import path from "node:path";
import { describe, expect, it } from "vitest";
import { importCycles, libImportingUi, productionImportingSupport, writePathBypasses } from "@/lib/testing/boundaries";
import { buildGraph, importSpecifiers, readSources, type SourceFile, stripComments } from "@/lib/testing/import-graph";

/**
 * The boundaries of docs/architecture.md, checked on the repo's own sources: a change that breaks one fails the
 * build with the imports or calls that break it. Below, each rule also meets a made-up graph that breaks it.
 */

const root = path.resolve(__dirname, "..");
const repo = buildGraph(readSources(root, ["lib", "app", "components", "e2e"]));

describe("the repo keeps its boundaries", () => {
  it("reads the sources it checks", () => {
    expect(repo.get("lib/sheets/write-sheet.ts")?.imports).toContain("lib/figures/refresh-sheet-figures.ts");
  });
  it("(a) lib/ imports neither components/ nor app/", () => expect(libImportingUi(repo)).toEqual([]));
  it("(b) no import cycle between modules or folders of lib/", () => expect(importCycles(repo)).toEqual([]));
  it("(c) production code imports neither lib/testing nor lib/bench", () => expect(productionImportingSupport(repo)).toEqual([]));
  it("(d) every write of sheet data goes through lib/sheets/write-sheet.ts", () => expect(writePathBypasses(repo)).toEqual([]));
});

const graph = (files: Record<string, string>) => buildGraph(Object.entries(files).map(([p, source]): SourceFile => ({ path: p, source })));

describe("the import scanner", () => {
  it("finds static, re-exported, side-effect and dynamic imports, not those in comments or template literals", () => {
    const code = stripComments(`import a from "@/lib/a";
import type { B } from "./b";
export { c } from "../c";
import "./d";
// import e from "./e";
/* import f from "./f"; */
const g = await import("./g");
const script = \`import h from "./h";\`;
const url = "http://x//y";`);
    expect(importSpecifiers(code)).toEqual(["@/lib/a", "./b", "../c", "./d", "./g"]);
    expect(code).toContain('"http://x//y"');
  });

  it("resolves @/, relative and folder (index) imports to files", () => {
    const g = graph({
      "lib/a/x.ts": 'import { y } from "./y";\nimport { z } from "@/lib/b";\nimport Decimal from "decimal.js";',
      "lib/a/y.ts": "",
      "lib/b/index.ts": "",
    });
    expect(g.get("lib/a/x.ts")!.imports).toEqual(["lib/a/y.ts", "lib/b/index.ts"]);
  });
});

describe("each rule catches what it is meant to", () => {
  it("(a) a lib module importing components/ or app/", () => {
    const g = graph({
      "lib/a/x.ts": 'import { V } from "@/components/v";',
      "lib/a/y.ts": 'import { p } from "@/app/p";',
      "components/v.tsx": "",
      "app/p.ts": "",
    });
    expect(libImportingUi(g)).toEqual(["lib/a/x.ts imports components/v.tsx", "lib/a/y.ts imports app/p.ts"]);
  });

  it("(b) a cycle through folders, a direct one between modules, not a test's import", () => {
    const g = graph({
      "lib/a/x.ts": 'import "@/lib/b/y";',
      "lib/b/y.ts": "",
      "lib/b/z.ts": 'import "@/lib/c/w";',
      "lib/c/w.ts": 'import "@/lib/a/v";',
      "lib/a/v.ts": "",
      "lib/d/p.ts": 'import "./q";',
      "lib/d/q.ts": 'import "./p";',
      "lib/e/s.ts": "",
      "lib/e/s.test.ts": 'import "@/lib/a/x";',
      "lib/a/u.ts": 'import "@/lib/e/s";',
    });
    expect(importCycles(g)).toEqual([
      "folder cycle lib/a → lib/b → lib/c → lib/a (lib/a/x.ts → lib/b/y.ts; lib/b/z.ts → lib/c/w.ts; lib/c/w.ts → lib/a/v.ts)",
      "module cycle lib/d/p.ts → lib/d/q.ts → lib/d/p.ts",
    ]);
    expect(importCycles(graph({ "lib/a/x.ts": 'import "@/lib/b/y";', "lib/b/y.ts": "" }))).toEqual([]);
  });

  it("(c) production code importing test support or a benchmark; tests and e2e may", () => {
    const g = graph({
      "lib/a/x.ts": 'import "@/lib/testing/factory";',
      "app/p.ts": 'import "@/lib/bench/data";',
      "lib/a/x.test.ts": 'import "@/lib/testing/factory";',
      "e2e/s.spec.ts": 'import "@/lib/testing/factory";',
      "lib/testing/factory.ts": "",
      "lib/bench/data.ts": "",
    });
    expect(productionImportingSupport(g)).toEqual(["lib/a/x.ts imports lib/testing/factory.ts", "app/p.ts imports lib/bench/data.ts"]);
  });

  it("(d) a use case refreshing figures or locking the sheet itself, writing sheet data in its own transaction, or auditing it by hand", () => {
    const g = graph({
      "lib/progress/save.ts": "await refreshSheetFigures(tx, sheet.id);",
      "lib/evaluation/reopen.ts": "return prisma.$transaction(async (tx) => { await openLockedSheet(tx, actor, id, 'x', load); });",
      "lib/evidence/upload.ts": "return prisma.$transaction(async (tx) => tx.evidenceFile.create({ data }));",
      "lib/units/rename.ts": "return prisma.$transaction(async (tx) => tx.budgetUnit.update({ where, data }));",
      "lib/scorecard/read.ts": "await refreshStaleFigures(db, year); // not refreshSheetFigures",
      "lib/sheets/write-sheet.ts": "return db.$transaction(async (tx) => { await openLockedSheet(tx); await refreshFigures(tx, ids); });",
      "lib/figures/refresh-sheet-figures.ts": "export async function refreshSheetFigures() {}",
      "lib/progress/save.int.test.ts": "await refreshSheetFigures(tx, 1);",
      "lib/progress/month.ts": "await tx.sheetMonth.update({ where, data }); await appendAudit(tx, actor, entry);",
      "lib/progress/month-audited.ts": "await tx.sheetMonth.update({ where, data }); await write.audit(entry);",
      "lib/units/create.ts": "await tx.budgetUnit.create({ data }); await appendAudit(tx, actor, entry);",
    });
    expect(writePathBypasses(g)).toEqual([
      "lib/progress/save.ts calls refreshSheetFigures (only lib/sheets/write-sheet.ts may)",
      "lib/evaluation/reopen.ts calls openLockedSheet (only lib/sheets/write-sheet.ts may)",
      "lib/evidence/upload.ts opens its own transaction and writes evidenceFile (use writeSheet)",
      "lib/progress/month.ts writes sheetMonth and calls appendAudit (audit through the write's audit)",
    ]);
  });
});
