import { readFileSync } from "node:fs";
import { scoreInput } from "@/lib/scoring/score-input";

/**
 * `npm run --silent score -- FILE` (or `-` for stdin): prints the score output as JSON on stdout.
 * Any problem → nothing on stdout, one message per line on stderr, exit status 2, so scripts can rely on
 * stdout being either a complete result or empty.
 */
function main(argv: readonly string[]): number {
  const [file, ...extra] = argv;
  if (file === undefined || extra.length > 0) {
    process.stderr.write("用法：npm run --silent score -- FILE（或 - 表示从标准输入读取）\n");
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    process.stderr.write(`无法读取输入「${file}」：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const result = scoreInput(text.replace(/^\uFEFF/, ""));
  if (!result.ok) {
    process.stderr.write(result.errors.map((e) => `${e}\n`).join(""));
    return 2;
  }
  process.stdout.write(`${JSON.stringify(result.output, null, 2)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
