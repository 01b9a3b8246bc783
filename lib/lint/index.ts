/**
 * Lint of a target sheet (pure: no framework, no database): what the editor shows while typing and
 * the import preview shows per sheet. See lint-sheet.ts for the checks.
 */
export { lintSheet, hasLintErrors, lintLocation } from "./lint-sheet";
export { mentionsOf } from "./goal-numbers";
export { lintTarget } from "./targets";
export type { LintCode, LintIndicator, LintIssue, LintLevel, LintSheet } from "./types";
