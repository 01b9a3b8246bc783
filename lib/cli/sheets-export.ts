import fs from "node:fs";
import { SYSTEM } from "@/lib/auth/actor";
import { exportSheets, formatInterchange } from "@/lib/sheets/export-sheets";
import { commandLine } from "./args";
import { runWithDatabase, usage } from "./run";

const USAGE = "npm run --silent sheets:export -- --year 2025 [--department 部门名称] [--out FILE]";
const { values } = commandLine(USAGE, { year: { type: "string" }, department: { type: "string" }, out: { type: "string" } });
const year = Number(values.year);
if (!values.year || !Number.isInteger(year)) usage(USAGE);

await runWithDatabase(async (db) => {
  const text = formatInterchange(await exportSheets(db.prisma, SYSTEM, { year, department: values.department }));
  if (values.out) fs.writeFileSync(values.out, text);
  else process.stdout.write(text);
});
