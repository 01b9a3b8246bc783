import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * A fresh clone, with nothing beside it, must build, test and explain itself: no tracked file may read or cite
 * anything outside the repository (reference notes kept next to a checkout, a sibling folder of examples).
 * The product rules live in docs/, and comments cite those files.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const self = "lib/repo-self-contained.test.ts";

function trackedFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" });
  return out.split("\0").filter((f) => f !== "" && f !== self && !f.startsWith("lib/generated/") && existsSync(path.join(root, f)));
}

const files = trackedFiles()
  .map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }))
  .filter(({ text }) => !text.includes("\0")); // text files only

const lineOf = (text: string, index: number) => text.slice(0, index).split("\n").length;

/** Every match of `pattern` as `file:line: match`. */
function findAll(pattern: RegExp, accept: (m: RegExpExecArray, file: string) => boolean = () => true): string[] {
  const found: string[] = [];
  for (const { file, text } of files) {
    for (const m of text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`))) {
      if (accept(m, file)) found.push(`${file}:${lineOf(text, m.index)}: ${m[0]}`);
    }
  }
  return found;
}

describe("the repository is self-contained", () => {
  it("lists the tracked files it checks", () => {
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(["README.md", "package.json", "docs/scoring.md"]));
  });

  it("never refers to a shared folder beside the checkout", () => {
    expect(findAll(/\.\.\/shared\b|(?<![\w/-])shared\/(examples|seed|hooks)\b|\/work\/shared/)).toEqual([]);
  });

  it("cites the product rules by the docs/ files, never by notes kept outside the repository", () => {
    expect(findAll(/(?<![\w/.-])(design|ux|architecture)\.md\b/)).toEqual([]);
  });

  it("cites only docs/ files that exist", () => {
    const missing = findAll(/\bdocs\/[\w-]+\.md\b/, (m) => !existsSync(path.join(root, m[0])));
    expect(missing).toEqual([]);
  });

  it("names in docs/ and README only files and folders that exist (inline code such as `lib/scoring/budget.ts`)", () => {
    const docs = (m: RegExpExecArray, file: string) => (file.startsWith("docs/") || file === "README.md") && !/[<>*{]/.test(m[1]!);
    const missing = findAll(/`((?:lib|app|components|prisma|e2e|docs)\/[^`\s]*)`/, (m, file) => docs(m, file) && !existsSync(path.join(root, m[1]!)));
    expect(missing).toEqual([]);
  });

  it("has no relative path literal that climbs out of the repository", () => {
    const outside = findAll(/["'`](\.\.\/[^"'`\s]*)["'`]/, (m, file) => {
      const target = path.resolve(root, path.dirname(file), m[1]!);
      return path.relative(root, target).startsWith("..");
    });
    expect(outside).toEqual([]);
  });
});
