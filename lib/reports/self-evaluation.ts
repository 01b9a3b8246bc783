import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import type { SheetKind } from "@/lib/generated/prisma/enums";
import { type Db, loadEvaluationData } from "@/lib/evaluation/evaluation-data";
import { idSchema } from "@/lib/input";
import { formatDate } from "@/lib/beijing-time";
import { BAND_OF, type EvaluationState } from "@/lib/evaluation/labels";
import { scoreStored } from "@/lib/evaluation/score-evaluation";
import { parseInput } from "@/lib/parse-input";
import { Decimal, fmt2, fmtPlain } from "@/lib/scoring/decimal";
import type { Grade } from "@/lib/scoring/types";
import { groupSpans } from "@/lib/sheets/group-rows";
import { loadSheetScope } from "@/lib/sheets/sheet-scope";
import { isQuantitative } from "@/lib/targets/types";

/**
 * The 自评表 (per-sheet self-evaluation report in the official layout) as data: the print page and the .xlsx
 * workbook both render exactly this. 评价分 comes from the evaluator's evaluation as stored, 自评分 from the lead's
 * submitted 自评, both scored by the engine; the reasons beside them; then the sign-off block of the official form.
 */

export const REPORT_TITLE: Readonly<Record<SheetKind, string>> = { PROJECT: "项目支出绩效自评表", DEPARTMENT: "部门整体支出绩效自评表" };

/** One line of the 项目资金（万元）block; amounts and scores as decimal strings (2 places), null where unknown. */
export interface FundsRow {
  label: "年度资金总额" | "其中：财政拨款" | "其他资金";
  initial: string | null;
  fullYear: string | null;
  executed: string | null;
  /** Only the 年度资金总额 line carries 分值 / 执行率 / 得分; the others print `—`. */
  sub: boolean;
  weight: string | null;
  /** Execution rate in %, 2 decimals. */
  rate: string | null;
  score: string | null;
}

export interface ReportRow {
  level1: string;
  level2: string;
  /** Rows a merged 一级指标 / 二级指标 cell covers from here; 0 where covered by the cell above. */
  level1Span: number;
  level2Span: number;
  name: string;
  /** 年度指标值 as printed. */
  target: string;
  /** 实际完成值: the value with its unit, or the evaluator's band on graded rows; "" while pending. */
  actual: string;
  /** 分值, 2 decimals. */
  weight: string;
  /** 评价分 (the evaluator's), 2 decimals; null while pending. */
  score: string | null;
  /** 自评分 (the lead's submitted 自评), 2 decimals; null while pending or not submitted. */
  selfScore: string | null;
  /** The reasons, one line each: the evaluator's 偏差原因分析及改进措施, the 扣分理由, the lead's 偏差原因. */
  reasons: string[];
}

/** The sign-off block the official form ends with: who filled it in is the evaluator who finalised it. */
export interface SignOff {
  filledBy: string;
  reviewer: string;
  unitHead: string;
  phone: string;
  /** The 定稿 date (Beijing), "" while not final. */
  filledOn: string;
}

export const SIGN_OFF_LABELS = {
  filledBy: "填报人",
  reviewer: "审核人",
  unitHead: "单位负责人",
  phone: "联系电话",
  filledOn: "填报日期",
  seal: "单位盖章",
} as const;

export interface SelfEvaluationReport {
  sheetId: number;
  kind: SheetKind;
  title: string;
  year: number;
  /** `（2025年度）`. */
  yearText: string;
  department: string;
  unit: string;
  project: string;
  lead: string;
  goal: string;
  funds: FundsRow[];
  rows: ReportRow[];
  /** 预算执行率 as a line of the indicator table: 分值 W_b, 得分. */
  budgetRow: { label: "预算执行率"; target: string; actual: string; weight: string; score: string | null; selfScore: string | null; explanation: string };
  /** Σ 分值 (100 on a sheet weighted as the seed's). */
  maxTotal: string;
  total: string;
  grade: Grade;
  complete: boolean;
  /** The lead's 自评: its state, and its total and grade once submitted. */
  self: { state: EvaluationState; total: string | null; grade: string | null; submittedOn: string | null };
  /** Why the evaluator finalised before the lead's 自评 was submitted; "" otherwise. */
  earlyFinaliseReason: string;
  signOff: SignOff;
  state: EvaluationState;
  evaluator: string | null;
  /** `2026-01-15` when finalised. */
  finalisedOn: string | null;
  /** The date the report is produced, `2026-01-20`. */
  printedOn: string;
}

export const selfEvaluationReportSchema = z.object({ sheetId: idSchema });
export type SelfEvaluationReportInput = z.input<typeof selfEvaluationReportSchema>;

/** The 自评表 of a sheet for anyone who may read the sheet. */
export async function getSelfEvaluationReport(
  db: Db,
  actor: Actor,
  input: SelfEvaluationReportInput,
  options: { now?: Date } = {},
): Promise<SelfEvaluationReport> {
  const { sheetId } = parseInput(selfEvaluationReportSchema, input);
  const scope = await loadSheetScope(db, sheetId);
  if (!scope) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  authorize(actor, { type: "sheet.read", sheet: scope });
  const data = await loadEvaluationData(db, sheetId);
  const evaluation = data.evaluations.EVALUATOR;
  const { score } = scoreStored(data, evaluation);
  // Only a submitted 自评 is the lead's word: a draft may still change.
  const selfEvaluation = data.evaluations.SELF?.status === "FINAL" ? data.evaluations.SELF : null;
  const selfScore = selfEvaluation ? scoreStored(data, selfEvaluation).score : null;

  const zeroAdjustment = new Decimal(data.adjustment).isZero();
  const b = score.budget;
  const funds: FundsRow[] = [
    {
      label: "年度资金总额",
      initial: fmt2(new Decimal(data.funds.total)),
      fullYear: fmt2(b.budget),
      executed: b.executed === null ? null : fmt2(b.executed),
      sub: false,
      weight: fmt2(b.max),
      rate: b.rate === null ? null : fmt2(b.rate),
      score: b.score === null ? null : fmt2(b.score),
    },
    // How an in-year adjustment splits between the sources is not recorded: 全年预算数 of a source is known only without one.
    subRow("其中：财政拨款", data.funds.fiscal, zeroAdjustment),
    subRow("其他资金", data.funds.other, zeroAdjustment),
  ];

  const spans = groupSpans(data.indicators);
  const rows: ReportRow[] = data.indicators.map((indicator, i) => {
    const row = evaluation?.rows.get(indicator.id);
    const result = score.rows[i]!;
    const unit = isQuantitative(indicator.target) ? indicator.target.unit : "";
    let actual = "";
    if (row?.actual !== null && row?.actual !== undefined && isQuantitative(indicator.target)) actual = `${fmtPlain(new Decimal(row.actual))}${unit}`;
    else if (row?.band) actual = BAND_OF[row.band];
    const reasons = [row?.deviationReason.trim() ?? ""];
    if (result.deduction !== null && row) reasons.push(`扣分理由（扣 ${fmt2(result.deduction)} 分）：${row.deductionReason}`);
    const selfReason = selfEvaluation?.rows.get(indicator.id)?.deviationReason.trim() ?? "";
    if (selfReason !== "") reasons.push(`负责人自评偏差原因：${selfReason}`);
    const selfResult = selfScore?.rows[i];
    return {
      level1: indicator.level1,
      level2: indicator.level2,
      ...spans[i]!,
      name: indicator.name,
      target: indicator.targetRaw,
      actual,
      weight: fmt2(new Decimal(indicator.weight)),
      score: result.score === null ? null : fmt2(result.score),
      selfScore: selfResult?.score === null || selfResult?.score === undefined ? null : fmt2(selfResult.score),
      reasons: reasons.filter(Boolean),
    };
  });
  const maxTotal = data.indicators.reduce((sum, i) => sum.plus(i.weight), new Decimal(0)).plus(b.max);

  // A final evaluation prints what was recorded; the engine gives the same (the tests hold it to that).
  const final = evaluation?.status === "FINAL" && evaluation.total !== null && evaluation.grade !== null;
  const now = options.now ?? new Date();
  return {
    sheetId: data.id,
    kind: data.kind,
    title: REPORT_TITLE[data.kind],
    year: data.year,
    yearText: `（${data.year}年度）`,
    department: data.department,
    unit: data.unit,
    project: data.name,
    lead: data.lead,
    goal: data.goal,
    funds,
    rows,
    budgetRow: {
      label: "预算执行率",
      target: "100%",
      actual: b.rate === null ? "" : `${fmt2(b.rate)}%`,
      weight: fmt2(b.max),
      score: b.score === null ? null : fmt2(b.score),
      selfScore: selfScore?.budget.score === null || selfScore?.budget.score === undefined ? null : fmt2(selfScore.budget.score),
      explanation: b.explanation,
    },
    maxTotal: fmt2(maxTotal),
    total: final ? fmt2(new Decimal(evaluation.total!)) : fmt2(score.total),
    grade: final ? (evaluation.grade as Grade) : score.grade,
    complete: score.complete,
    self: {
      state: data.evaluations.SELF?.status ?? "NONE",
      total: selfEvaluation?.total ? fmt2(new Decimal(selfEvaluation.total)) : null,
      grade: selfEvaluation?.grade ?? null,
      submittedOn: selfEvaluation?.finalisedAt ? formatDate(selfEvaluation.finalisedAt) : null,
    },
    earlyFinaliseReason: final ? evaluation.earlyFinaliseReason : "",
    signOff: {
      filledBy: final ? (evaluation.finalisedBy ?? "") : "",
      reviewer: "",
      unitHead: "",
      phone: "",
      filledOn: final && evaluation.finalisedAt ? formatDate(evaluation.finalisedAt) : "",
    },
    state: evaluation?.status ?? "NONE",
    evaluator: evaluation?.finalisedBy ?? null,
    finalisedOn: evaluation?.finalisedAt ? formatDate(evaluation.finalisedAt) : null,
    printedOn: formatDate(now),
  };
}

function subRow(label: "其中：财政拨款" | "其他资金", amount: string, knownFullYear: boolean): FundsRow {
  const initial = fmt2(new Decimal(amount));
  return { label, initial, fullYear: knownFullYear ? initial : null, executed: null, sub: true, weight: null, rate: null, score: null };
}
