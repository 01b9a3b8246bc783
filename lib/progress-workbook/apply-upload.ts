import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/authorize";
import { AppError, type AppErrorCode, type Problem } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { monthLabel } from "@/lib/progress/labels";
import { buildProgressView, type LightView, type ProgressRowView, type ProgressView } from "@/lib/progress/progress-view";
import { applyProgress, type SaveProgressData, saveProgressSchema } from "@/lib/progress/save-progress";
import { loadSheetData, loadSheetDataMany, type SheetData } from "@/lib/progress/sheet-data";
import { loadSheetScope } from "@/lib/sheets/sheet-scope";
import { type SheetWrite, writeSheet } from "@/lib/sheets/write-sheet";
import { ENTRY_FIELDS, type EntryField, FIELD_CAPTION } from "@/lib/xlsx/progress-layout";
import { describeProblem, type ProgressWorkbookRead, type ReadProgressSheet, type WorkbookProblem } from "@/lib/xlsx/read-progress-workbook";
import { changedFields, locateProblem, type UploadInput, uploadInput } from "./upload-input";

/**
 * What an uploaded 进度填报工作簿 does, for the preview and for the commit alike: every worksheet's changed rows go
 * through the form's own use case (applyProgress: validation, period locks, month status, optimistic versions,
 * audit), all sheets in ONE transaction of the write path. The preview runs exactly that and rolls it back, so
 * what it shows (values as stored, lights, scores, refusals) is what the commit will do; the commit keeps it, or —
 * at the first refusal of any row — nothing.
 */

export interface RowPreview {
  /** The Excel row. */
  row: number;
  indicatorId: number;
  name: string;
  /** Stored now → as it will be stored (or as typed, when the row is refused). */
  changes: { column: string; before: string; after: string }[];
  lightBefore: LightView;
  /** null when the row is refused. */
  lightAfter: LightView | null;
}

export interface SheetPreview {
  worksheet: string;
  sheetId: number;
  name: string;
  month: number;
  monthLabel: string;
  /** The month's 进度填报 page. */
  href: string;
  rows: RowPreview[];
  executed: { before: string; after: string } | null;
  sheetLight: { before: LightView; after: LightView | null } | null;
  projected: { before: string | null; after: string | null } | null;
  /** Rows equal to what is stored (or untouched since the download): left alone. */
  unchanged: number;
  /** Refusals, each naming worksheet, row and column. */
  problems: string[];
  /** Unusual values (more than 10× the target …): written when the lead commits after seeing them. */
  questions: string[];
  /** Non-green rows still without 偏差原因 or 改进措施 (allowed in a draft, needed to submit). */
  warnings: string[];
  /** Records that will be written. */
  writes: number;
}

export interface UploadOutcome {
  sheets: SheetPreview[];
  /** Problems of the workbook itself and of sheets the lead may not write. */
  problems: string[];
  /** Worksheets that are not this system's (left unread). */
  skipped: string[];
  writes: number;
  /** No problem anywhere and something to write. */
  canCommit: boolean;
}

interface Plan {
  sheet: ReadProgressSheet;
  upload: UploadInput;
  data: SaveProgressData | null;
  problems: WorkbookProblem[];
  /** The actor may not write this sheet: nothing of it is shown. */
  denied: boolean;
}

/** The sentinel that rolls the preview's transaction back, carrying what it saw. */
class DryRun extends Error {
  constructor(readonly outcome: SheetPreview[]) {
    super("dry run");
  }
}

const OTHERS_SHEET = "不能上传：这张表不是你负责填报的（或已不存在）";

/** Who may write which sheet, named before the lock (writeSheet authorizes again, under it). */
async function checkAccess(prisma: PrismaClient, actor: Actor, plans: Plan[]): Promise<void> {
  for (const plan of plans) {
    const scope = await loadSheetScope(prisma, plan.sheet.sheetId);
    if (!scope || !can(actor, { type: "progress.write", sheet: scope })) {
      plan.problems.push({ worksheet: plan.sheet.worksheet, row: null, column: null, message: OTHERS_SHEET });
      plan.denied = true;
    }
  }
}

function parsePlan(plan: Plan): void {
  try {
    plan.data = parseInput(saveProgressSchema, plan.upload.input);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    plan.problems.push(...error.problems.map((p) => locateProblem(plan.sheet, plan.upload, p)));
  }
}

const entryTexts = (r: ProgressRowView): Record<EntryField, string> => ({
  value: r.entry.value ?? "",
  likelihood: r.entry.likelihood ?? "",
  forecast: r.entry.forecast ?? "",
  deviationReason: r.entry.deviationReason,
  improvement: r.entry.improvement,
});

const show = (text: string) => (text === "" ? "（空）" : text);

function sheetPreview(plan: Plan, before: ProgressView, after: ProgressView | null, questions: string[], warnings: string[], writes: number): SheetPreview {
  const { sheet, upload } = plan;
  const beforeRows = new Map(before.rows.map((r) => [r.indicatorId, r]));
  const afterRows = new Map((after?.rows ?? []).map((r) => [r.indicatorId, r]));
  const rows: RowPreview[] = [];
  for (const r of upload.rows) {
    const was = beforeRows.get(r.indicatorId);
    if (!was) continue; // not of this sheet: the use case's refusal names it
    const now = afterRows.get(r.indicatorId);
    const changes = now
      ? ENTRY_FIELDS.filter((f) => entryTexts(was)[f] !== entryTexts(now)[f]).map((f) => ({
          column: FIELD_CAPTION[f],
          before: show(entryTexts(was)[f]),
          after: show(entryTexts(now)[f]),
        }))
      : changedFields(r.cells, r.original).map((f) => ({ column: FIELD_CAPTION[f], before: show(entryTexts(was)[f]), after: show(r.cells[f]) }));
    if (changes.length > 0)
      rows.push({ row: r.row, indicatorId: r.indicatorId, name: was.name, changes, lightBefore: was.light, lightAfter: now?.light ?? null });
  }
  const executedAfter = after ? after.budget.executed : plan.upload.executedChanged ? sheet.executed.cell : before.budget.executed;
  const executed =
    (executedAfter ?? "") !== (before.budget.executed ?? "") ? { before: show(before.budget.executed ?? ""), after: show(executedAfter ?? "") } : null;
  return {
    worksheet: sheet.worksheet,
    sheetId: sheet.sheetId,
    name: before.sheet.name,
    month: sheet.month,
    monthLabel: monthLabel(before.sheet.year, sheet.month),
    href: `/sheets/${sheet.sheetId}/progress?month=${sheet.month}`,
    rows,
    executed,
    sheetLight: { before: before.sheetLight, after: after?.sheetLight ?? null },
    projected: { before: before.projected?.total ?? null, after: after?.projected?.total ?? null },
    unchanged: sheet.rows.length - rows.length,
    problems: plan.problems.map(describeProblem),
    questions,
    warnings,
    writes,
  };
}

/** Refusals of the use case on one sheet, located; the unusual-value questions apart. */
function refusalProblems(plan: Plan, error: AppError): WorkbookProblem[] {
  if (error.problems.length === 0) return [{ worksheet: plan.sheet.worksheet, row: null, column: null, message: error.message }];
  return error.problems.map((p) => locateProblem(plan.sheet, plan.upload, p));
}

const isQuestion = (error: unknown): error is AppError =>
  error instanceof AppError && error.code === "INVALID" && error.problems.length > 0 && error.problems.every((p) => p.confirmable);

async function runPlans(
  prisma: PrismaClient,
  actor: Actor,
  plans: Plan[],
  mode: "preview" | "commit",
  now: Date,
): Promise<{ previews: SheetPreview[]; code: AppErrorCode | null }> {
  let code: AppErrorCode | null = null;
  const work = async (sheets: SheetData[], write: SheetWrite) => {
    const previews: SheetPreview[] = [];
    for (const [i, plan] of plans.entries()) {
      const sheet = sheets[i]!;
      const data = plan.data!;
      const before = buildProgressView(sheet, actor, data.month, now);
      if (data.rows.length === 0 && data.executed === undefined) {
        previews.push(sheetPreview(plan, before, before, [], [], 0));
        continue;
      }
      let questions: Problem[] = [];
      try {
        let result: Awaited<ReturnType<typeof applyProgress>>;
        try {
          result = await applyProgress(sheet, write, data);
        } catch (error) {
          // The preview asks about unusual values instead of refusing them; the commit confirms them all.
          if (!isQuestion(error)) throw error;
          questions = error.problems;
          result = await applyProgress(sheet, write, { ...data, confirmed: questions.map((q) => q.path) });
        }
        const located = questions.map((q) => describeProblem(locateProblem(plan.sheet, plan.upload, q)));
        previews.push(sheetPreview(plan, before, result.view, located, result.warnings, result.saved));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (code === null || code === "INVALID") code = error.code;
        plan.problems.push(...refusalProblems(plan, error));
        previews.push(sheetPreview(plan, before, null, [], [], 0));
      }
    }
    if (mode === "preview" || code !== null) throw new DryRun(previews);
    return previews;
  };
  try {
    const previews = await writeSheet(prisma, actor, { sheetIds: plans.map((p) => p.sheet.sheetId), action: "progress.write", load: loadSheetData }, work, {
      now,
    });
    return { previews, code };
  } catch (error) {
    if (error instanceof DryRun) return { previews: error.outcome, code };
    throw error;
  }
}

function planAll(read: ProgressWorkbookRead, mode: "preview" | "commit"): Plan[] {
  return read.sheets.map((sheet) => ({ sheet, upload: uploadInput(sheet, { confirmAll: mode === "commit" }), data: null, problems: [], denied: false }));
}

/**
 * Preview (`mode: "preview"`: nothing is kept) or commit (`"commit"`: everything or nothing) of a workbook read
 * by readProgressWorkbook. The commit throws an AppError listing every refusal, each naming its worksheet, row and
 * column (CONFLICT for a row changed since the download, LOCKED for a closed month, else INVALID).
 */
export async function applyUpload(
  prisma: PrismaClient,
  actor: Actor,
  read: ProgressWorkbookRead,
  mode: "preview" | "commit",
  options: { now?: Date } = {},
): Promise<UploadOutcome> {
  const now = options.now ?? new Date();
  const plans = planAll(read, mode);
  await checkAccess(prisma, actor, plans);
  for (const plan of plans) if (plan.problems.length === 0) parsePlan(plan);
  const runnable = plans.filter((p) => p.problems.length === 0);
  const blocked = plans.filter((p) => p.problems.length > 0);
  const workbookProblems = read.problems.map(describeProblem);

  if (mode === "commit" && (workbookProblems.length > 0 || blocked.length > 0)) {
    throw refusal("INVALID", [...read.problems, ...blocked.flatMap((p) => p.problems)]);
  }
  const { previews, code } = runnable.length > 0 ? await runPlans(prisma, actor, runnable, mode, now) : { previews: [], code: null };
  if (mode === "commit" && code !== null)
    throw refusal(
      code,
      runnable.flatMap((p) => p.problems),
    );

  // A sheet refused before it was tried (a value the schema refuses) is shown with its stored values and problems.
  const invalid = blocked.filter((p) => !p.denied);
  const stored = await loadSheetDataMany(
    prisma,
    invalid.map((p) => p.sheet.sheetId),
  );
  const refusedPreviews = invalid.map((plan) => {
    const sheet = stored.find((s) => s.id === plan.sheet.sheetId)!;
    return sheetPreview(plan, buildProgressView(sheet, actor, plan.sheet.month, now), null, [], [], 0);
  });
  const sheets = [...previews, ...refusedPreviews].sort(
    (a, b) => read.sheets.findIndex((s) => s.worksheet === a.worksheet) - read.sheets.findIndex((s) => s.worksheet === b.worksheet),
  );
  const writes = sheets.reduce((n, s) => n + s.writes, 0);
  const problems = [...workbookProblems, ...blocked.filter((p) => p.denied).flatMap((plan) => plan.problems.map(describeProblem))];
  return {
    sheets,
    problems,
    skipped: read.skipped,
    writes,
    canCommit: problems.length === 0 && sheets.every((s) => s.problems.length === 0) && writes > 0,
  };
}

const REFUSED: Record<AppErrorCode, string> = {
  CONFLICT: "未写入：以下行在你下载工作簿之后已被他人修改，请重新下载本月工作簿后再填写（本次未写入任何内容）",
  LOCKED: "未写入：工作簿中有月份已提交或已锁定（本次未写入任何内容）",
  INVALID: "未写入：工作簿中有内容需要修改（本次未写入任何内容）",
  NOT_FOUND: "未写入：找不到工作簿中的绩效目标表（本次未写入任何内容）",
  FORBIDDEN: "未写入：工作簿中有你不能填报的表（本次未写入任何内容）",
  RATE_LIMITED: "操作过于频繁，请稍后再试",
  STORAGE_FULL: "未写入：存储空间不足",
};

function refusal(code: AppErrorCode, problems: WorkbookProblem[]): AppError {
  // The location is part of the sentence: it names a cell of the workbook, not a field of the page.
  return new AppError(
    code,
    REFUSED[code],
    problems.map((p) => ({ path: "", message: describeProblem(p) })),
  );
}
