import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { IMPORT_WRITE, importSheetsWith, type ImportedSheet } from "./import-sheets";
import { sheetsWithHistory } from "./recorded-history";
import { existingSheets, readWorkbookForImport, sheetKey, type WorkbookImportOptions, workbookImportSchema } from "./import-workbook-input";
import { hasLintErrors, lintErrors, lintProblems } from "./sheet-lint";

export interface CommitWorkbookResult {
  year: number;
  imported: ImportedSheet[];
}

/**
 * 确认导入: reads the same bytes again (never trusting a preview sent back by the browser) and writes
 * every sheet in one transaction, or nothing: refused (INVALID, with the problems) when reading finds
 * any problem or the lint any error; refused (CONFLICT) when a sheet of the same unit and name exists
 * in the year, unless `replace` — and even then for a sheet on which the year's work has started
 * (`sheetsWithHistory`: progress, evidence, a month's report, adjustments, an evaluation). That is
 * stricter than importSheetsWith, which would keep such a sheet's history and allow wording changes: the
 * page promises "已开始填报的不能覆盖", so it keeps to it. New sheets are PUBLISHED (they are the official
 * targets of the year); a replaced sheet keeps its status and id (a rolled-over draft sent out to be
 * filled in comes back as the same draft). Audit as importSheetsWith: `sheet.import` / `sheet.replace`.
 */
export async function commitWorkbookImport(
  prisma: PrismaClient,
  actor: Actor,
  bytes: Uint8Array,
  options: WorkbookImportOptions,
): Promise<CommitWorkbookResult> {
  authorize(actor, { type: "sheets.import" });
  const input = parseInput(workbookImportSchema, options);
  const read = await readWorkbookForImport(prisma, bytes, input);
  if (!read.file || !read.valid) throw new AppError("INVALID", "工作簿有问题，未导入任何内容", read.problems);
  const { file, valid } = read;
  const errors = file.sheets.flatMap((sheet, s) => lintProblems(lintErrors(read.lint[s]!), sheet, `第${s + 1}张表「${sheet.name}」`));
  if (read.lint.some(hasLintErrors)) throw new AppError("INVALID", "检查发现错误，未导入任何内容", errors);

  return writeSheet(prisma, actor, IMPORT_WRITE, async (write) => {
    const { tx } = write;
    const existing = await existingSheets(tx, read.year, read.department, file.sheets);
    if (existing.size > 0 && !input.replace) {
      const clashing = file.sheets.filter((s) => existing.has(sheetKey(s.unit, s.name)));
      throw new AppError(
        "CONFLICT",
        `${read.year}年已有 ${clashing.length} 张同名绩效目标表，未导入任何内容；如需覆盖，请勾选“覆盖同名绩效目标表”`,
        clashing.map((s) => ({ path: `「${s.unit}」`, message: `已有「${s.name}」` })),
      );
    }
    if (existing.size > 0) {
      const started = await sheetsWithHistory(tx, [...existing.values()]);
      const recorded = file.sheets.filter((s) => started.has(existing.get(sheetKey(s.unit, s.name)) ?? 0));
      if (recorded.length > 0) {
        throw new AppError(
          "CONFLICT",
          "有绩效目标表已开始填报，不能覆盖，未导入任何内容",
          recorded.map((r) => ({ path: `「${r.name}」`, message: "已有进度填报、佐证资料、调整或评价" })),
        );
      }
    }
    const imported = await importSheetsWith(write, valid, { replace: input.replace });
    return { year: read.year, imported };
  });
}
