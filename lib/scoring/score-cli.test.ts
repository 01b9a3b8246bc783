import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Spawns the real entry point (lib/cli/score.ts), as `npm run score` does, on the worked example of
// docs/formats.md kept in fixtures/.
const root = fileURLToPath(new URL("../..", import.meta.url));
const inputFile = fileURLToPath(new URL("./fixtures/score-input.json", import.meta.url));
const expected = readFileSync(new URL("./fixtures/score-output.json", import.meta.url), "utf8");
const expectedWithNewline = expected.endsWith("\n") ? expected : `${expected}\n`;

function score(args: string[], stdin?: string) {
  // tsx from node_modules directly: `npx` would first start npm, seconds of CPU on a busy machine.
  const r = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "lib/cli/score.ts", ...args], {
    cwd: root,
    input: stdin,
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("score CLI", { timeout: 60_000 }, () => {
  it("prints the worked example's output exactly", () => {
    const r = score([inputFile]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expectedWithNewline);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(expected));
  });

  it("reads stdin for -", () => {
    const r = score(["-"], readFileSync(inputFile, "utf8"));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expectedWithNewline);
  });

  it("runs as `npm run --silent score -- FILE`", () => {
    const r = spawnSync("npm", ["run", "--silent", "score", "--", inputFile], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expectedWithNewline);
  });

  it("exits 2 with every problem on stderr and nothing on stdout", () => {
    const input = JSON.parse(readFileSync(inputFile, "utf8"));
    delete input.sheets[0].indicators[0].weight;
    input.sheets[1].indicators[3].grade.band = "优秀";
    const r = score(["-"], JSON.stringify(input));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("第1张表「示例项目：科技成果转化服务」第1行「举办成果对接会场次」 weight：缺少指标分值权重");
    expect(lines[1]).toMatch(/^第2张表「示例项目：超额完成并扣分」第4行「促进成果转化落地」 grade\.band：未知的评判等级「优秀」/);
  });

  it.each([
    ["bad JSON", ["-"], "{not json", /^输入不是有效的 JSON/],
    ["a missing file", ["/nonexistent/score-input.json"], undefined, /^无法读取输入/],
    ["no argument", [], undefined, /^用法/],
  ])("exits 2 on %s", (_label, args, stdin, message) => {
    const r = score(args, stdin);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });
});
