import { SYSTEM } from "@/lib/auth/actor";
import { commitWorkbookImport } from "@/lib/authoring/commit-workbook-import";
import { importSheets } from "@/lib/authoring/import-sheets";
import { previewWorkbookImport } from "@/lib/authoring/preview-workbook-import";
import { AppError } from "@/lib/errors";
import { parseJsonText, type ValidFile, validateInterchange } from "@/lib/interchange/validate";
import { commandLine } from "./args";
import { importPreviewText } from "./import-preview-text";
import { readInputBytes, reportError, runWithDatabase, usage } from "./run";

const USAGE = [
  "npm run --silent sheets:import -- FILE [--replace] [--dry-run [--json]] [--year 年度] [--department 部门名称]",
  "  FILE：交换格式 JSON，或绩效目标表 Excel 工作簿（.xlsx，与“系统管理 › 导入”相同的读取与检查）；为 - 时读标准输入",
  "  --dry-run：只检查并打印导入预览，不写入任何数据（--json 以 JSON 打印）",
  "  --year、--department：仅用于 .xlsx（表头未写年度时必填；数据库中有多个部门时必填部门）",
].join("\n");
const { values, positionals } = commandLine(
  USAGE,
  { replace: { type: "boolean" }, "dry-run": { type: "boolean" }, json: { type: "boolean" }, year: { type: "string" }, department: { type: "string" } },
  { positionals: 1 },
);
if (positionals.length !== 1) usage(USAGE);
const replace = Boolean(values.replace);
const dryRun = Boolean(values["dry-run"]);

let input: Uint8Array;
try {
  input = await readInputBytes(positionals[0]!);
} catch (error) {
  process.exit(reportError(error));
}
// An .xlsx is a zip file: it starts with the local header signature `PK\3\4`, whatever its name.
const isWorkbook = input[0] === 0x50 && input[1] === 0x4b && input[2] === 0x03 && input[3] === 0x04;
if (!isWorkbook && (values.year !== undefined || values.department !== undefined)) {
  process.stderr.write("--year、--department 仅用于 .xlsx 工作簿（JSON 文件自带年度和部门）\n");
  usage(USAGE);
}

if (isWorkbook) {
  // The admin page's use cases, with the same options: the reading runs in a worker under the same limits.
  const options = { year: values.year, department: values.department, replace };
  await runWithDatabase(async (db) => {
    if (dryRun) {
      const preview = await previewWorkbookImport(db.prisma, SYSTEM, input, options);
      process.stdout.write(values.json ? `${JSON.stringify(preview, null, 2)}\n` : importPreviewText(preview));
      return preview.blockers.length > 0 ? 2 : 0;
    }
    const result = await commitWorkbookImport(db.prisma, SYSTEM, input, options);
    const replaced = result.imported.filter((s) => s.action === "replaced").length;
    console.log(`已导入 ${result.imported.length} 张${result.year}年绩效目标表（新建 ${result.imported.length - replaced}，覆盖 ${replaced}）`);
  });
}

// JSON: validate the whole file before touching the database: on any problem nothing is written.
let validated: ValidFile;
try {
  const parsed = parseJsonText(new TextDecoder().decode(input));
  const result = parsed.ok ? validateInterchange(parsed.value) : parsed;
  if (!result.ok) throw new AppError("INVALID", `导入文件有误，未写入任何数据（${result.problems.length} 处问题）：`, result.problems);
  validated = result.file;
} catch (error) {
  process.exit(reportError(error));
}
const file = validated;
if (dryRun) {
  const rows = file.sheets.reduce((n, s) => n + s.indicators.length, 0);
  console.log(`文件有效：${file.fiscalYear}年「${file.department}」${file.sheets.length} 张绩效目标表，共 ${rows} 行；未写入任何数据`);
  process.exit(0);
}

await runWithDatabase(async (db) => {
  const imported = await importSheets(db.prisma, SYSTEM, file, { replace });
  const replaced = imported.filter((s) => s.action === "replaced").length;
  console.log(`已导入 ${imported.length} 张绩效目标表（新建 ${imported.length - replaced}，覆盖 ${replaced}）`);
});
