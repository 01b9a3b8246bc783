import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Problem } from "@/lib/errors";
import { hasLintErrors, lintLocation, lintSheet, type LintIssue, type LintSheet } from "@/lib/lint";
import { interchangeInclude, toInterchangeSheet } from "@/lib/sheets/to-interchange";

/** The lint of a stored sheet, as its interchange form (what publishing and exporting see). */
export async function lintStoredSheet(db: Pick<Prisma.TransactionClient, "targetSheet">, sheetId: number): Promise<{ sheet: LintSheet; issues: LintIssue[] }> {
  const row = await db.targetSheet.findUniqueOrThrow({ where: { id: sheetId }, include: interchangeInclude });
  const sheet = toInterchangeSheet(row);
  return { sheet, issues: lintSheet(sheet) };
}

const LEVEL_WORDS = { error: "错误", warning: "提醒", note: "说明" } as const;

/** Lint findings as the problems of a refusal: where (in the form's words) and what. */
export const lintProblems = (issues: readonly LintIssue[], sheet: Pick<LintSheet, "indicators">, prefix = ""): Problem[] =>
  issues.map((issue) => ({ path: `${prefix}${lintLocation(issue, sheet)}`, message: `${LEVEL_WORDS[issue.level]}：${issue.message}` }));

export const lintErrors = (issues: readonly LintIssue[]) => issues.filter((i) => i.level === "error");

export { hasLintErrors };
