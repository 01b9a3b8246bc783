import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { QualitativeStatus as DbQualitativeStatus } from "@/lib/generated/prisma/enums";
import { type Actor, actorId } from "@/lib/auth/actor";
import { AppError, type Problem } from "@/lib/errors";
import { isQualitativeStatus, LIGHT_LABELS } from "@/lib/scoring";
import { checkValue } from "@/lib/targets/plausible-value";
import { isQuantitative } from "@/lib/targets/types";
import { type SheetWrite, writeSheet } from "@/lib/sheets/write-sheet";
import { computeMonth } from "./compute-month";
import { type DecimalColumn, idSchema, monthSchema, readDecimal, textOf, TEXT_MAX, typedNumberText, versionSchema } from "@/lib/input";
import { sameDecimal } from "@/lib/numbers/same-decimal";
import { parseInput } from "@/lib/parse-input";
import { LIKELIHOOD_FROM_LABEL, LIKELIHOOD_LABELS, monthLabel, QUALITATIVE_FROM_LABEL } from "./labels";
import { writeMonth } from "./month-record";
import { type EntryFields, insertEntries, updateEntries } from "./write-entries";
import { assertMonthOpen } from "./month-open";
import { buildProgressView, type ProgressView } from "./progress-view";
import { asJson } from "@/lib/audit/as-json";
import { describeStale, entrySnapshot, monthSnapshot } from "./records";
import {
  type EntryData,
  entryKey,
  type IndicatorData,
  loadSheetData,
  type MonthData,
  type SheetData,
  toEntryData,
  toMonthData,
  withWritten,
} from "./sheet-data";

const typed = typedNumberText.nullable().default(null);

export const saveProgressRowSchema = z.object({
  indicatorId: idSchema,
  /** The entry's version the user started from; 0 when the row had no entry for the month. */
  version: versionSchema,
  /** As typed: a number (full-width digits, `1,600` accepted) or, on a qualitative row, 达成 / 部分达成 / 未达成. */
  value: typed,
  likelihood: z.enum(LIKELIHOOD_LABELS, { error: "完成目标可能性应为 确定能、有可能 或 完全不可能" }).nullable().default(null),
  /** 全年预计完成值, as typed (quantitative rows only). */
  forecast: typed,
  deviationReason: textOf("偏差原因", { max: TEXT_MAX.note, multiline: true }).default(""),
  improvement: textOf("改进措施", { max: TEXT_MAX.note, multiline: true }).default(""),
});

export const saveProgressSchema = z.object({
  sheetId: idSchema,
  month: monthSchema,
  /** Only the rows the user changed; each carries the version it was based on. */
  rows: z
    .array(saveProgressRowSchema)
    .max(1000)
    .refine((rows) => new Set(rows.map((r) => r.indicatorId)).size === rows.length, "同一指标出现了多次"),
  /** 执行数 at month end as typed (null or "" clears it), with the sheet-month's version; omitted: unchanged. */
  executed: z.object({ value: typed, version: versionSchema }).optional(),
  /**
   * Paths of unusual values the user has confirmed (`indicators.12.value`): a save with an unconfirmed one is
   * refused with that problem marked `confirmable`, and saves once it is sent again listed here.
   */
  confirmed: z.array(z.string().max(100)).max(2000).default([]),
});
export type SaveProgressInput = z.input<typeof saveProgressSchema>;

export interface SaveProgressResult {
  /** Records written (entries and the month's spending); 0 when nothing had changed. */
  saved: number;
  /** Allowed in a draft, but to be fixed before submitting: non-green rows without 偏差原因 or 改进措施. */
  warnings: string[];
  view: ProgressView;
}

/** A typed number → exact decimal string, or a problem naming the field. Blank → null. */
export function parseAmount(
  text: string | null,
  options: { label: string; allowPercent?: boolean; limit: DecimalColumn; allowNegative?: boolean },
): { ok: true; value: string | null } | { ok: false; message: string } {
  if (text === null || text.trim() === "") return { ok: true, value: null };
  const read = readDecimal(text, { column: options.limit, allowPercent: options.allowPercent, allowNegative: options.allowNegative });
  return read.ok ? read : { ok: false, message: `${options.label}：${read.message}` };
}

function entryFields(indicator: IndicatorData, row: z.output<typeof saveProgressRowSchema>, problems: Problem[], month: number): EntryFields | null {
  const at = (field: string) => `indicators.${indicator.id}.${field}`;
  const name = `「${indicator.name}」`;
  const before = problems.length;
  let value: string | null = null;
  let qualitativeValue: DbQualitativeStatus | null = null;
  let forecast: string | null = null;
  if (isQuantitative(indicator.target)) {
    const percent = indicator.target.unit.startsWith("%") || indicator.target.unit.startsWith("％");
    const read = (text: string | null, label: string, field: "value" | "forecast") => {
      const parsed = parseAmount(text, { label, allowPercent: percent, limit: "value", allowNegative: true });
      const check = parsed.ok && parsed.value !== null ? checkValue(indicator, parsed.value) : null;
      if (!parsed.ok) problems.push({ path: at(field), message: parsed.message });
      else if (check && !check.ok && !check.confirmable) problems.push({ path: at(field), message: `${label}：${check.message}` });
      return parsed.ok ? parsed.value : null;
    };
    value = read(row.value, `${name}实际完成值（截至${month}月）`, "value");
    forecast = read(row.forecast, `${name}全年预计完成值`, "forecast");
  } else {
    const text = row.value?.trim() ?? "";
    if (text !== "") {
      if (isQualitativeStatus(text)) qualitativeValue = QUALITATIVE_FROM_LABEL[text];
      else problems.push({ path: at("value"), message: `${name}是定性指标，完成情况只能是 达成、部分达成 或 未达成（收到「${text}」）` });
    }
    if (row.forecast !== null && row.forecast.trim() !== "") {
      problems.push({ path: at("forecast"), message: `${name}是定性指标，没有全年预计完成值` });
    }
  }
  if (problems.length > before) return null;
  return {
    value,
    qualitativeValue,
    likelihood: row.likelihood ? LIKELIHOOD_FROM_LABEL[row.likelihood] : null,
    forecast,
    deviationReason: row.deviationReason,
    improvement: row.improvement,
  };
}

const isEmpty = (f: EntryFields) =>
  f.value === null && f.qualitativeValue === null && f.likelihood === null && f.forecast === null && f.deviationReason === "" && f.improvement === "";

function sameEntry(f: EntryFields, e: NonNullable<ReturnType<SheetData["entries"]["get"]>>): boolean {
  return (
    sameDecimal(e.value, f.value) &&
    e.qualitativeValue === f.qualitativeValue &&
    e.likelihood === f.likelihood &&
    sameDecimal(e.forecast, f.forecast) &&
    e.deviationReason === f.deviationReason &&
    e.improvement === f.improvement
  );
}

const conflict = (problems: Problem[]) =>
  new AppError("CONFLICT", "保存未成功：以下内容在你填写期间已被他人修改，请核对后重新填写（本次未保存任何内容）", problems);

/**
 * A lead saves a month's rows and 执行数 in one go. Each changed row must be based on the current version of
 * its entry, else nothing is saved and the conflict names what changed. Rows equal to what is stored are
 * skipped, so a repeated save writes nothing. One audit entry per record written.
 */
export async function saveProgress(prisma: PrismaClient, actor: Actor, input: SaveProgressInput, options: { now?: Date } = {}): Promise<SaveProgressResult> {
  const data = parseInput(saveProgressSchema, input);
  return writeSheet(
    prisma,
    actor,
    { sheetId: data.sheetId, action: "progress.write", load: loadSheetData },
    (sheet, write) => applyProgress(sheet, write, data),
    {
      now: options.now,
    },
  );
}

export type SaveProgressData = z.output<typeof saveProgressSchema>;

/**
 * The work of a progress save on a sheet writeSheet has locked, authorized for `progress.write` and read afresh
 * (`sheet.id` must be `data.sheetId`): the form saves one sheet through saveProgress, the progress workbook
 * several in one transaction (lib/progress-workbook). Throws before writing anything when a row is invalid, stale
 * or the month closed.
 */
export async function applyProgress(sheet: SheetData, { tx, audit, actor, now }: SheetWrite, data: SaveProgressData): Promise<SaveProgressResult> {
  if (sheet.id !== data.sheetId) throw new AppError("INVALID", "绩效目标表与填报内容不一致");
  await assertMonthOpen(tx, sheet.id, data.month, now);

  const indicators = new Map(sheet.indicators.map((i) => [i.id, i]));
  const problems: Problem[] = [];
  const planned: { indicator: IndicatorData; fields: EntryFields; version: number }[] = [];
  data.rows.forEach((row, index) => {
    const indicator = indicators.get(row.indicatorId);
    if (!indicator) {
      problems.push({ path: `rows.${index}.indicatorId`, message: `第 ${index + 1} 行：指标 ${row.indicatorId} 不属于该绩效目标表` });
      return;
    }
    const fields = entryFields(indicator, row, problems, data.month);
    if (fields) planned.push({ indicator, fields, version: row.version });
  });
  let executed: string | null | undefined;
  if (data.executed) {
    const e = parseAmount(data.executed.value, { label: `执行数（截至${data.month}月，万元）`, limit: "amount" });
    if (e.ok) executed = e.value;
    else problems.push({ path: "executed", message: e.message });
  }
  const questions = unusualValues(planned, sheet, data.month, new Set(data.confirmed));
  if (problems.length > 0) throw new AppError("INVALID", "填写内容有误，未保存", [...problems, ...questions]);
  if (questions.length > 0) throw new AppError("INVALID", "有数值超出常见范围，请核对；确认无误后可仍要保存（本次未保存任何内容）", questions);

  // Stale versions: every changed record must be based on what is stored now.
  const stale: Problem[] = [];
  const writes: typeof planned = [];
  for (const p of planned) {
    const current = sheet.entries.get(entryKey(p.indicator.id, data.month));
    if (current ? sameEntry(p.fields, current) : isEmpty(p.fields)) continue;
    const currentVersion = current?.version ?? 0;
    if (p.version !== currentVersion) {
      stale.push({
        path: `indicators.${p.indicator.id}`,
        message: await describeStale(tx, {
          name: p.indicator.name,
          entityType: "ProgressEntry",
          entityId: current!.id,
          baseVersion: p.version,
          current: entrySnapshot(sheet.id, p.indicator, current!),
        }),
      });
      continue;
    }
    writes.push(p);
  }
  const monthData = sheet.months.get(data.month);
  const writeExecuted = executed !== undefined && !sameDecimal(monthData?.executed ?? null, executed);
  if (writeExecuted && data.executed!.version !== (monthData?.version ?? 0)) {
    stale.push({
      path: "executed",
      message: await describeStale(tx, {
        name: `执行数（${monthLabel(sheet.year, data.month)}）`,
        entityType: "SheetMonth",
        entityId: monthData!.id,
        baseVersion: data.executed!.version,
        current: monthSnapshot({ ...monthData!, sheetId: sheet.id }),
      }),
    });
  }
  if (stale.length > 0) throw conflict(stale);

  const updatedById = actorId(actor);
  const writer = actor.kind === "user" ? actor.displayName : null;
  const written: EntryData[] = [];
  const targets = writes.map((w) => ({ ...w, current: sheet.entries.get(entryKey(w.indicator.id, data.month)) }));
  // Every row in one UPDATE and one INSERT, each answering the rows it wrote (no second read for the audit or answer).
  const updated = await updateEntries(
    tx,
    targets.flatMap((t) => (t.current ? [{ id: t.current.id, version: t.current.version, fields: t.fields }] : [])),
    updatedById,
  );
  const inserted = await insertEntries(
    tx,
    targets.flatMap((t) => (t.current ? [] : [{ indicatorId: t.indicator.id, month: data.month, fields: t.fields }])),
    updatedById,
  );
  const lost = targets.filter((t) => !(t.current ? updated.has(t.current.id) : inserted.has(t.indicator.id)));
  if (lost.length > 0) {
    throw conflict(lost.map((t) => ({ path: "", message: `「${t.indicator.name}」已被他人${t.current ? "修改" : "填写"}，请刷新后重新填写` })));
  }
  for (const { indicator, current } of targets) {
    const after = current ? updated.get(current.id)! : inserted.get(indicator.id)!;
    written.push(toEntryData(after, writer));
    await audit({
      action: "progress.save",
      entityType: "ProgressEntry",
      entityId: after.id,
      before: current ? asJson(entrySnapshot(sheet.id, indicator, current)) : null,
      after: asJson(entrySnapshot(sheet.id, indicator, after)),
    });
  }
  let month: MonthData | undefined;
  if (writeExecuted) {
    const after = await writeMonth({ tx, audit }, sheet, data.month, { executed }, "progress.executed").catch((error: unknown) => {
      if (!(error instanceof AppError && error.code === "CONFLICT")) throw error;
      throw conflict([{ path: "executed", message: `执行数已被他人${monthData ? "修改" : "填写"}，请刷新后重新填写` }]);
    });
    month = toMonthData(after, { submittedBy: monthData?.submittedBy ?? null, reviewedBy: monthData?.reviewedBy ?? null });
  }

  // The sheet as saved, from what was read under the lock and what the writes returned: not read a second time.
  const saved = withWritten(sheet, { entries: written, month });
  return {
    saved: writes.length + (writeExecuted ? 1 : 0),
    warnings: explanationWarnings(saved, data.month),
    view: buildProgressView(saved, actor, data.month, now),
  };
}

/**
 * Values possible but unusual for their indicator (a `%` over 1000, more than 10× the target), as confirmable
 * problems, except those the user confirmed. Only values that change are asked about: a stored value was
 * confirmed when it was saved.
 */
function unusualValues(planned: { indicator: IndicatorData; fields: EntryFields }[], sheet: SheetData, month: number, confirmed: Set<string>): Problem[] {
  const questions: Problem[] = [];
  for (const { indicator, fields } of planned) {
    const stored = sheet.entries.get(entryKey(indicator.id, month));
    const fieldNames = { value: `实际完成值（截至${month}月）`, forecast: "全年预计完成值" } as const;
    for (const field of ["value", "forecast"] as const) {
      const value = fields[field];
      const path = `indicators.${indicator.id}.${field}`;
      if (value === null || confirmed.has(path) || sameDecimal(stored?.[field] ?? null, value)) continue;
      const check = checkValue(indicator, value);
      if (!check.ok && check.confirmable) questions.push({ path, message: `「${indicator.name}」${fieldNames[field]}：${check.message}`, confirmable: true });
    }
  }
  return questions;
}

/** Non-green rows still lacking 偏差原因 or 改进措施 (a draft may be saved so; submitting is refused). */
export function explanationWarnings(sheet: SheetData, month: number): string[] {
  return computeMonth(sheet, month)
    .rows.filter((r) => r.needsExplanation && (!r.entry?.deviationReason || !r.entry?.improvement))
    .map((r) => {
      const missing = [!r.entry?.deviationReason ? "偏差原因" : null, !r.entry?.improvement ? "改进措施" : null].filter(Boolean).join("和");
      return `「${r.indicator.name}」为${LIGHT_LABELS[r.light.light!]}，提交前需填写${missing}`;
    });
}
