import "server-only";
import { type ParseArgsConfig, parseArgs } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>;

/** What a command line says: its values, a request for help, or a mistake to explain with the usage. */
export type CommandLine<O extends Options> =
  | { kind: "run"; values: Parsed<O>["values"]; positionals: string[] }
  | { kind: "help" }
  | { kind: "mistake"; message: string };

/**
 * Reads a command's arguments without throwing: `--help`/`-h` anywhere asks for the usage, and an unknown
 * option, a missing option value or a stray argument is a mistake named in Chinese, never a stack trace.
 */
export function readCommandLine<O extends Options>(argv: readonly string[], options: O, { positionals = 0 }: { positionals?: number } = {}): CommandLine<O> {
  if (argv.includes("--help") || argv.includes("-h")) return { kind: "help" };
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    if (parsed.positionals.length > positionals) return { kind: "mistake", message: `多余的参数「${parsed.positionals[positionals]}」` };
    return { kind: "run", values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    return { kind: "mistake", message: describeMistake(error) };
  }
}

function describeMistake(error: unknown): string {
  const code = (error as { code?: string }).code;
  const option = String((error as Error).message).match(/'(-{1,2}[^' ]+)/)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `未知的选项「${option}」`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return `选项「${option}」的值有误（缺少值，或不应带值）`;
  return `参数有误：${(error as Error).message}`;
}

/**
 * The command line of a CLI script: `--help` prints the usage on stdout and exits 0; a mistake prints it with the
 * usage on stderr and exits 2 (the status of input problems, as run.ts).
 */
export function commandLine<O extends Options>(usageText: string, options: O, shape?: { positionals?: number }): Extract<CommandLine<O>, { kind: "run" }> {
  const line = readCommandLine(process.argv.slice(2), options, shape);
  if (line.kind === "run") return line;
  if (line.kind === "help") {
    process.stdout.write(`用法：${usageText}\n`);
    process.exit(0);
  }
  process.stderr.write(`${line.message}\n用法：${usageText}\n`);
  process.exit(2);
}
