import type { MonthStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/authorize";
import { Decimal, fmt2, type LightResult, PENDING_LIGHT_LABEL, timeProgress, type Light } from "@/lib/scoring";
import { describeTarget } from "@/lib/targets/format-target";
import { allowsNegative } from "@/lib/targets/plausible-value";
import { isQuantitative, type Target } from "@/lib/targets/types";
import { isPeriodLocked, periodLockLabel, periodLockMessage } from "@/lib/fiscal-years/period-lock";
import { type CarryOver, carryOverOf } from "./carry-over";
import { computeMonth, hasAnyEntry, type MonthResult, type RowResult } from "./compute-month";
import {
  formatTimestamp,
  isLockedStatus,
  LIKELIHOOD_LABEL,
  type LikelihoodLabel,
  MEASURE_TYPE_LABEL,
  MONTH_STATUS_LABEL,
  monthLabel,
  NOT_STARTED_LABEL,
  QUALITATIVE_LABEL,
} from "./labels";
import { reportingMonth } from "@/lib/figures/reporting-month";
import type { SheetData } from "./sheet-data";

/** A light as the page shows it: colour (null while pending), text label, and the computation behind it. */
export interface LightView {
  light: Light | null;
  label: string;
  reason: string;
}

export interface ProgressRowView {
  indicatorId: number;
  position: number;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  /** How the target was understood, e.g. `>= 3 项（正向）`, `定性`. */
  targetText: string;
  qualitative: boolean;
  /** The target's unit (`项`, `%`); "" for qualitative rows. */
  unit: string;
  /** A `%` typed after the value is accepted (the unit is a percentage). */
  percentUnit: boolean;
  /** The value may be below 0 (a growth rate); every other row refuses a negative value. */
  allowsNegative: boolean;
  weight: string;
  rule: string;
  /** 佐证资料 kinds the sheet asks for (`说明材料，工作资料`); "" when none. */
  evidenceKinds: string;
  measureType: "CUMULATIVE" | "LEVEL";
  measureTypeLabel: string;
  /** Optimistic-locking version of the indicator (for the measure-type switch). */
  indicatorVersion: number;
  entry: {
    /** The saved record (its history is in the audit log); null when nothing was saved for this row and month. */
    id: number | null;
    /** Decimal string for quantitative rows, 达成/部分达成/未达成 for qualitative rows; null when none. */
    value: string | null;
    likelihood: LikelihoodLabel | null;
    forecast: string | null;
    deviationReason: string;
    improvement: string;
    /** 0 when nothing was saved yet for this row and month. */
    version: number;
    updatedBy: string | null;
    updatedAt: string | null;
  };
  /** The previous month's value (month 1: null). */
  previousValue: string | null;
  /** What 沿用上月 copies from the previous month into this row when it is empty (carry-over.ts); null: nothing. */
  carryOver: CarryOver | null;
  light: LightView;
  /** Not green: 偏差原因 and 改进措施 are required before submitting. */
  needsExplanation: boolean;
  projected: { max: string; score: string | null; explanation: string } | null;
}

export interface MonthSummaryView {
  month: number;
  label: string;
  status: MonthStatus;
  statusLabel: string;
  /** Submitted, approved, or inside the period an admin has locked. */
  locked: boolean;
  light: LightView;
  /** After the reporting month: cannot be entered yet. */
  future: boolean;
}

export interface ProgressView {
  sheet: { id: number; kind: "PROJECT" | "DEPARTMENT"; name: string; unit: string; lead: string; year: number; published: boolean };
  month: number;
  monthLabel: string;
  /** Months after this one cannot be entered yet (0 before the fiscal year starts). */
  reportingMonth: number;
  /** `58.33%（7/12）`. */
  timeProgress: string;
  status: MonthStatus;
  statusLabel: string;
  /** Submitted, approved or inside the locked period: leads cannot change it. */
  locked: boolean;
  /**
   * The month lies inside the period an admin has locked for the whole year (lib/fiscal-years/period-lock.ts):
   * `label` is the badge (`已锁定（管理员已锁定至7月）`), `message` why nothing can be changed.
   */
  periodLock: { throughMonth: number; label: string; message: string } | null;
  reviewComment: string;
  submitted: { at: string; by: string | null } | null;
  reviewed: { at: string; by: string | null } | null;
  /** Optimistic-locking version of the sheet-month; 0 while it has no record. */
  monthVersion: number;
  budget: {
    /** 年度预算总额, 2 decimals. */
    total: string;
    /** Σ 调整预算 in effect at this month, 2 decimals, signed. */
    adjustment: string;
    /** 全年预算数 = 年度预算总额 + Σ 调整预算. */
    fullYear: string;
    /** 执行数 at month end; null when not entered. */
    executed: string | null;
    /** 预算执行率 in % (2 decimals), null when not entered. */
    executionRate: string | null;
    light: LightView;
    adjustments: { id: number; month: number; monthLabel: string; amount: string; reason: string; createdBy: string | null; createdAt: string }[];
  };
  rows: ProgressRowView[];
  /** The worst row's light. */
  sheetLight: LightView;
  projected: {
    total: string;
    grade: string;
    complete: boolean;
    budget: { max: string; score: string | null; explanation: string };
  } | null;
  projectionError: string | null;
  months: MonthSummaryView[];
  /** What the actor may do here (the use cases check again; this only decides what to show). */
  permissions: { edit: boolean; submit: boolean; review: boolean; reopen: boolean; configure: boolean };
}

/** The engine's light as the pages show it (without its progress ratio). */
export const lightView = (l: LightResult): LightView => ({ light: l.light, label: l.label, reason: l.reason });

export const sheetLightView = (result: MonthResult): LightView => lightView(result.sheetLight);

const NOT_YET: LightView = { light: null, label: PENDING_LIGHT_LABEL, reason: "该月尚未到来" };

const isPercentUnit = (target: Target) => isQuantitative(target) && (target.unit.startsWith("%") || target.unit.startsWith("％"));

export const formatTimeProgress = (month: number): string => `${timeProgress(month).times(100).toFixed(2, Decimal.ROUND_HALF_UP)}%（${month}/12）`;

const plain = (d: Decimal | null | undefined): string | null => (d === null || d === undefined ? null : d.toFixed());

function valueText(row: Pick<RowResult, "indicator" | "entry">): string | null {
  const { indicator, entry } = row;
  if (!entry) return null;
  if (isQuantitative(indicator.target)) return plain(entry.value);
  return entry.qualitativeValue ? QUALITATIVE_LABEL[entry.qualitativeValue] : null;
}

function rowView(sheet: SheetData, result: MonthResult, row: RowResult): ProgressRowView {
  const { indicator, entry } = row;
  const previous = result.month > 1 ? sheet.entries.get(`${indicator.id}:${result.month - 1}`) : undefined;
  return {
    indicatorId: indicator.id,
    position: indicator.position,
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    targetRaw: indicator.targetRaw,
    targetText: describeTarget(indicator.target),
    qualitative: !isQuantitative(indicator.target),
    unit: isQuantitative(indicator.target) ? indicator.target.unit : "",
    percentUnit: isPercentUnit(indicator.target),
    allowsNegative: allowsNegative(indicator),
    weight: fmt2(indicator.weight),
    rule: indicator.rule,
    evidenceKinds: indicator.evidence.join("，"),
    measureType: indicator.measureType,
    measureTypeLabel: MEASURE_TYPE_LABEL[indicator.measureType],
    indicatorVersion: indicator.version,
    entry: {
      id: entry?.id ?? null,
      value: valueText(row),
      likelihood: entry?.likelihood ? LIKELIHOOD_LABEL[entry.likelihood] : null,
      forecast: isQuantitative(indicator.target) ? plain(entry?.forecast) : null,
      deviationReason: entry?.deviationReason ?? "",
      improvement: entry?.improvement ?? "",
      version: entry?.version ?? 0,
      updatedBy: entry?.updatedBy ?? null,
      updatedAt: entry ? formatTimestamp(entry.updatedAt) : null,
    },
    previousValue: previous ? valueText({ indicator, entry: previous }) : null,
    carryOver: carryOverOf(
      previous
        ? {
            qualitative: !isQuantitative(indicator.target),
            value: valueText({ indicator, entry: previous }),
            likelihood: previous.likelihood ? LIKELIHOOD_LABEL[previous.likelihood] : null,
            forecast: isQuantitative(indicator.target) ? plain(previous.forecast) : null,
          }
        : null,
    ),
    light: lightView(row.light),
    needsExplanation: row.needsExplanation,
    projected: row.projected
      ? { max: fmt2(row.projected.max), score: row.projected.score === null ? null : fmt2(row.projected.score), explanation: row.projected.explanation }
      : null,
  };
}

/** The page's view model of one sheet-month, for `actor`. The caller has authorised `sheet.read`. */
export function buildProgressView(sheet: SheetData, actor: Actor, month: number, now: Date): ProgressView {
  const result = computeMonth(sheet, month);
  const data = sheet.months.get(month);
  const status: MonthStatus = data?.status ?? "DRAFT";
  const periodLocked = isPeriodLocked(sheet.lockedThroughMonth, month);
  const locked = isLockedStatus(status) || periodLocked;
  const reporting = reportingMonth(sheet.year, now);
  const open = sheet.status === "PUBLISHED" && !locked && month <= reporting;
  const { budget } = result;

  const months: MonthSummaryView[] = Array.from({ length: 12 }, (_, i) => {
    const m = i + 1;
    const s = sheet.months.get(m)?.status ?? "DRAFT";
    const label = s === "DRAFT" && !hasAnyEntry(sheet, m) ? NOT_STARTED_LABEL : MONTH_STATUS_LABEL[s];
    return {
      month: m,
      label: monthLabel(sheet.year, m),
      status: s,
      statusLabel: label,
      locked: isLockedStatus(s) || isPeriodLocked(sheet.lockedThroughMonth, m),
      light: m > reporting ? NOT_YET : sheetLightView(computeMonth(sheet, m)),
      future: m > reporting,
    };
  });

  const scope = sheet.scope;
  return {
    sheet: { id: sheet.id, kind: sheet.kind, name: sheet.name, unit: sheet.unit, lead: sheet.lead, year: sheet.year, published: sheet.status === "PUBLISHED" },
    month,
    monthLabel: monthLabel(sheet.year, month),
    reportingMonth: reporting,
    timeProgress: formatTimeProgress(month),
    status,
    statusLabel: months[month - 1]!.statusLabel,
    locked,
    periodLock: periodLocked
      ? {
          throughMonth: sheet.lockedThroughMonth,
          label: periodLockLabel(sheet.lockedThroughMonth),
          message: periodLockMessage(sheet.year, sheet.lockedThroughMonth),
        }
      : null,
    reviewComment: data?.reviewComment ?? "",
    submitted: data?.submittedAt ? { at: formatTimestamp(data.submittedAt), by: data.submittedBy } : null,
    reviewed: data?.reviewedAt ? { at: formatTimestamp(data.reviewedAt), by: data.reviewedBy } : null,
    monthVersion: data?.version ?? 0,
    budget: {
      total: fmt2(budget.total),
      adjustment: fmt2(budget.adjustment),
      fullYear: fmt2(budget.fullYear),
      executed: budget.executed === null ? null : fmt2(budget.executed),
      executionRate:
        budget.executed === null || !budget.fullYear.gt(0) ? null : budget.executed.times(100).div(budget.fullYear).toFixed(2, Decimal.ROUND_HALF_UP),
      light: lightView(budget.light),
      adjustments: sheet.adjustments.map((a) => ({
        id: a.id,
        month: a.month,
        monthLabel: monthLabel(sheet.year, a.month),
        amount: fmt2(a.amount),
        reason: a.reason,
        createdBy: a.createdBy,
        createdAt: formatTimestamp(a.createdAt),
      })),
    },
    rows: result.rows.map((r) => rowView(sheet, result, r)),
    sheetLight: sheetLightView(result),
    projected: result.projected
      ? {
          total: fmt2(result.projected.total),
          grade: result.projected.grade,
          complete: result.projected.complete,
          budget: {
            max: fmt2(result.projected.budget.max),
            score: result.projected.budget.score === null ? null : fmt2(result.projected.budget.score),
            explanation: result.projected.budget.explanation,
          },
        }
      : null,
    projectionError: result.projectionError,
    months,
    permissions: {
      edit: open && can(actor, { type: "progress.write", sheet: scope }),
      submit: open && can(actor, { type: "month.submit", sheet: scope }),
      // Inside a locked period a submitted month may still be approved, not returned (the form hides 退回).
      review: status === "SUBMITTED" && can(actor, { type: "month.review", sheet: scope }),
      reopen: status === "APPROVED" && !periodLocked && can(actor, { type: "month.reopen", sheet: scope }),
      configure: can(actor, { type: "indicator.configure", sheet: scope }),
    },
  };
}
