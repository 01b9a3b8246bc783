import "server-only";
import { z } from "zod";
import { textOf, TEXT_MAX, yearSchema } from "@/lib/input";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, type Problem } from "@/lib/errors";
import type { InterchangeFile, InterchangeSheet } from "@/lib/interchange/schema";
import type { ValidFile } from "@/lib/interchange/validate";
import type { LintIssue } from "@/lib/lint";
import { parseTarget, type Target } from "@/lib/targets";
import { runWorkbookJob } from "@/lib/workbook-reader/run-job";

/** What preview and commit take besides the bytes: the year (else read from the forms) and department. */
export const workbookImportSchema = z.object({
  year: z.preprocess((v) => (v === "" || v === null ? undefined : v), yearSchema.optional()),
  department: z.preprocess((v) => (v === "" || v === null ? undefined : v), textOf("部门名称", { max: TEXT_MAX.name }).optional()),
  replace: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
});
export type WorkbookImportOptions = z.input<typeof workbookImportSchema>;

type Tx = Pick<Prisma.TransactionClient, "department" | "targetSheet">;

export interface WorkbookRead {
  year: number;
  department: string;
  /** Problems of reading (cell-named); when any, `file` and `valid` are undefined. */
  problems: Problem[];
  file?: InterchangeFile;
  /** `file` validated (reading validates it), ready to import. */
  valid?: ValidFile;
  /** Per sheet of `file`: its lint. */
  lint: LintIssue[][];
}

const invalid = (path: string, message: string) => new AppError("INVALID", message, [{ path, message }]);

/**
 * Reads and lints an uploaded workbook: the common first half of preview and commit. The reading — load, year,
 * sheets, validation, lint — runs in a worker under the limits of lib/workbook-reader (a file over one is
 * refused, INVALID on `file`); the request thread only looks up the department.
 */
export async function readWorkbookForImport(db: Tx, bytes: Uint8Array, options: z.output<typeof workbookImportSchema>): Promise<WorkbookRead> {
  const department = await importDepartment(db, options.department);
  const read = await runWorkbookJob("target-sheets", bytes, { department, year: options.year });
  if (read.year === undefined) throw invalid("year", "工作簿标题下没有写明年度，请填写年度");
  if (!read.ok) return { year: read.year, department, problems: read.problems, lint: [] };
  return { year: read.year, department, problems: [], file: read.file, valid: read.valid, lint: read.lint };
}

/** The department named, else the only one there is, else (an empty database) the caller must name one. */
async function importDepartment(db: Tx, name: string | undefined): Promise<string> {
  if (name) return name;
  const all = await db.department.findMany({ select: { name: true }, take: 2, orderBy: { id: "asc" } });
  if (all.length === 1) return all[0]!.name;
  throw invalid("department", all.length === 0 ? "请填写部门名称" : "请选择部门");
}

/** The ids of the sheets of that year already in the database, by `unit\0name`. */
export async function existingSheets(db: Tx, year: number, department: string, sheets: InterchangeSheet[]): Promise<Map<string, number>> {
  if (sheets.length === 0) return new Map();
  const rows = await db.targetSheet.findMany({
    where: { fiscalYear: { year }, unit: { department: { name: department } }, OR: sheets.map((s) => ({ name: s.name, unit: { name: s.unit } })) },
    select: { id: true, name: true, unit: { select: { name: true } } },
  });
  return new Map(rows.map((r) => [sheetKey(r.unit.name, r.name), r.id]));
}

export const sheetKey = (unit: string, name: string) => `${unit}\u0000${name}`;

/** The parsed target of a read row (reading has checked it parses). */
export function readTarget(raw: string): Target | null {
  const parsed = parseTarget(raw);
  return parsed.ok ? parsed.target : null;
}
