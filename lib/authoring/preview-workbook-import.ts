import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Problem } from "@/lib/errors";
import { lintLocation, type LintLevel } from "@/lib/lint";
import { parseInput } from "@/lib/parse-input";
import { formatTarget, isQuantitative, isReverse } from "@/lib/targets";
import { existingSheets, readTarget, readWorkbookForImport, sheetKey, type WorkbookImportOptions, workbookImportSchema } from "./import-workbook-input";

export interface ImportPreviewRow {
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  /** How the target was understood: `>= 3 项（正向）`, `定性`. */
  understood: string;
  basis: string;
  lastYear: string;
  weight: string;
  rule: string;
  evidence: string[];
}

export interface ImportPreviewFinding {
  level: LintLevel;
  /** 0-based row, absent for the sheet as a whole. */
  row?: number;
  /** `第3行「培训人数」指标值`. */
  location: string;
  message: string;
}

export interface ImportPreviewSheet {
  kind: "project" | "department";
  unit: string;
  name: string;
  lead: string;
  funds: { total: string; fiscal: string; other: string };
  goal: string;
  rows: ImportPreviewRow[];
  findings: ImportPreviewFinding[];
  /** A sheet of this unit and name is already in the year (refused unless replacing). */
  exists: boolean;
}

export interface ImportPreview {
  year: number;
  department: string;
  replace: boolean;
  /** Problems of reading the workbook, each naming worksheet and cell; any of them refuses the import. */
  problems: Problem[];
  sheets: ImportPreviewSheet[];
  errorCount: number;
  warningCount: number;
  /** Why 确认导入 would be refused; empty when it may go ahead. */
  blockers: string[];
}

const understood = (raw: string): string => {
  const target = readTarget(raw);
  if (!target) return "";
  return isQuantitative(target) ? `${formatTarget(target)}（${isReverse(target.op) ? "反向" : "正向"}）` : "定性";
};

/**
 * 导入预览: reads the uploaded workbook as commit-workbook-import will, writes nothing. Every sheet
 * and row as understood, the lint of each sheet, the problems of reading named by worksheet and cell,
 * and what would stop the commit. Admins only (`sheets.import`).
 */
export async function previewWorkbookImport(prisma: PrismaClient, actor: Actor, bytes: Uint8Array, options: WorkbookImportOptions): Promise<ImportPreview> {
  authorize(actor, { type: "sheets.import" });
  const input = parseInput(workbookImportSchema, options);
  const read = await readWorkbookForImport(prisma, bytes, input);
  const sheets = read.file?.sheets ?? [];
  const existing = await existingSheets(prisma, read.year, read.department, sheets);
  const preview: ImportPreviewSheet[] = sheets.map((sheet, s) => ({
    kind: sheet.kind,
    unit: sheet.unit,
    name: sheet.name,
    lead: sheet.lead,
    funds: sheet.funds,
    goal: sheet.goal,
    rows: sheet.indicators.map((i) => ({
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      targetRaw: i.targetRaw,
      understood: understood(i.targetRaw),
      basis: i.basis,
      lastYear: i.lastYear,
      weight: String(i.weight),
      rule: i.rule,
      evidence: i.evidence,
    })),
    findings: read.lint[s]!.map((issue) => ({ level: issue.level, row: issue.row, location: lintLocation(issue, sheet), message: issue.message })),
    exists: existing.has(sheetKey(sheet.unit, sheet.name)),
  }));
  const errorCount = preview.reduce((n, s) => n + s.findings.filter((f) => f.level === "error").length, 0);
  const warningCount = preview.reduce((n, s) => n + s.findings.filter((f) => f.level === "warning").length, 0);
  const blockers: string[] = [];
  if (read.problems.length > 0) blockers.push(`工作簿有 ${read.problems.length} 处问题，请在 Excel 中修改后重新上传`);
  if (errorCount > 0) blockers.push(`检查发现 ${errorCount} 处错误，请修改后重新上传`);
  const clashes = preview.filter((s) => s.exists).length;
  if (clashes > 0 && !input.replace) blockers.push(`${read.year}年已有 ${clashes} 张同名绩效目标表；如需覆盖，请勾选“覆盖同名绩效目标表”后重新上传`);
  return { year: read.year, department: read.department, replace: input.replace, problems: read.problems, sheets: preview, errorCount, warningCount, blockers };
}
