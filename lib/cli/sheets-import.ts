import { SYSTEM } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { parseJsonText, type ValidFile, validateInterchange } from "@/lib/interchange/validate";
import { importSheets } from "@/lib/authoring/import-sheets";
import { commandLine } from "./args";
import { readInput, reportError, runWithDatabase, usage } from "./run";

const USAGE = "npm run --silent sheets:import -- FILE [--replace]   （FILE 为 - 时读标准输入）";
const { values, positionals } = commandLine(USAGE, { replace: { type: "boolean" } }, { positionals: 1 });
if (positionals.length !== 1) usage(USAGE);

// Validate the whole file before touching the database: on any problem nothing is written.
let validated: ValidFile;
try {
  const parsed = parseJsonText(await readInput(positionals[0]!));
  const result = parsed.ok ? validateInterchange(parsed.value) : parsed;
  if (!result.ok) throw new AppError("INVALID", `导入文件有误，未写入任何数据（${result.problems.length} 处问题）：`, result.problems);
  validated = result.file;
} catch (error) {
  process.exit(reportError(error));
}
const file = validated;

await runWithDatabase(async (db) => {
  const imported = await importSheets(db.prisma, SYSTEM, file, { replace: Boolean(values.replace) });
  const replaced = imported.filter((s) => s.action === "replaced").length;
  console.log(`已导入 ${imported.length} 张绩效目标表（新建 ${imported.length - replaced}，覆盖 ${replaced}）`);
});
