"use client";

import type { ReactNode } from "react";
import { Select, TextArea, TextInput } from "@/components/ui/field";
import { NumberInput } from "@/components/ui/number-input";
import type { ActionForm } from "@/components/ui/use-action-form";
import type { EvaluationRowView } from "@/lib/evaluation/evaluation-view";
import type { RowField } from "@/lib/evaluation/row-checks";
import { fmt2 } from "@/lib/scoring/decimal";
import type { RowScore } from "@/lib/scoring/types";
import { rowPath } from "./live-score";
import { ScoreExplanation } from "./score-explanation";

/**
 * One indicator of the evaluation form: a row group of the table on wide screens, a card of its own on a phone
 * (the table's cells stack; each field shows its caption there, the header row is hidden). Its figures first,
 * 偏差原因分析及改进措施 across below.
 */

/** Table cells that stack into a card below the md breakpoint. */
export const CELL = "max-md:block max-md:border-0 max-md:px-3 max-md:py-1.5";

export interface EvaluationRowProps {
  row: EvaluationRowView;
  form: ActionForm;
  result: RowScore | null;
  /** A/T in % of what is typed now. */
  completion: string | null;
  editable: boolean;
  showDeduction: boolean;
  showBeside: boolean;
  besideLabel: string;
  columnCount: number;
  /** What the server would refuse in what is typed now, by path. */
  liveProblems: Record<string, string>;
}

/** The caption a stacked field shows on a phone; on a wide screen the table's header says it. */
function Caption({ children }: { children: ReactNode }) {
  return (
    <span aria-hidden="true" className="mb-0.5 block text-xs font-medium text-muted md:hidden">
      {children}
    </span>
  );
}

export function EvaluationRow({
  row,
  form,
  result,
  completion,
  editable,
  showDeduction,
  showBeside,
  besideLabel,
  columnCount,
  liveProblems,
}: EvaluationRowProps) {
  const at = (field: RowField) => rowPath(row.indicatorId, field);
  const error = (field: RowField) => (editable ? (form.error(at(field)) ?? liveProblems[at(field)]) : undefined);
  const bind = (field: RowField, what: string) => ({ ...form.bind(at(field)), error: error(field), label: `${row.name} ${what}`, hideLabel: true });
  const typed = (field: RowField) => form.value(at(field));
  const band = row.bands?.find((b) => b.band === typed("band").trim()) ?? null;
  const rangeHint = band ? `区间：${band.min} ≤ 评分 ${band.maxInclusive ? "≤" : "<"} ${band.max}` : "请先选择评判等级";
  const latest = row.progress[row.progress.length - 1];
  const quantitative = "op" in row.target;

  return (
    <tbody className="border-b-2 border-line max-md:mb-3 max-md:block max-md:rounded max-md:border max-md:bg-white">
      <tr className="max-md:block">
        <th scope="row" className={`font-normal ${CELL} max-md:bg-head`}>
          <span className="font-medium">{row.name}</span>
          <span className="mt-0.5 block text-xs text-muted">
            {row.level1} / {row.level2}
          </span>
          <span className="block text-xs text-muted">
            指标值 <span className="text-ink">{row.targetRaw}</span> · 分值 <span className="text-ink">{row.weight}</span>
            {row.rule ? ` · ${row.rule}` : ""}
          </span>
        </th>
        <td className={`text-xs ${CELL}`}>
          <Caption>全年进度</Caption>
          {latest ? (
            <details>
              <summary className="cursor-pointer">
                {latest.month}月：{latest.text}
              </summary>
              <ul className="mt-1 space-y-0.5">
                {row.progress.map((p) => (
                  <li key={p.month}>
                    {p.month}月：{p.text}
                  </li>
                ))}
              </ul>
            </details>
          ) : (
            <span className="text-muted">未填报</span>
          )}
        </td>
        <td className={CELL}>
          <Caption>实际完成值</Caption>
          {quantitative ? (
            editable ? (
              <>
                <NumberInput
                  {...bind("actual", "实际完成值")}
                  allowPercent={row.allowPercent}
                  stored={row.saved.actual}
                  suffix={row.unit}
                  show={(v) => `${v}${row.unit}`}
                />
                {row.prefilledFrom !== null && typed("actual") === row.values.actual ? (
                  <p className="mt-1 text-xs text-amber-700">取自{row.prefilledFrom}月进度，未保存</p>
                ) : null}
              </>
            ) : (
              <span>{typed("actual") ? `${typed("actual")}${row.unit}` : "—"}</span>
            )
          ) : (
            <span className="text-xs text-muted">定性指标</span>
          )}
          {result?.overAchieved ? (
            <p className="mt-1 inline-block rounded bg-blue-100 px-1.5 text-xs text-blue-900" title="完成值超过指标值 20% 以上，请核查指标值是否设定偏低">
              超额完成{completion ? ` ${completion}%` : ""}
            </p>
          ) : null}
        </td>
        <td className={CELL}>
          <Caption>评判等级 / 评分</Caption>
          {row.bands ? (
            editable ? (
              <div className="space-y-1">
                <Select
                  {...bind("band", "评判等级")}
                  placeholder="请选择评判等级"
                  options={row.bands.map((b) => ({ value: b.band, label: `${b.band}（${b.range}）` }))}
                />
                <NumberInput
                  {...bind("gradeScore", "评分")}
                  stored={row.saved.gradeScore}
                  placeholder="评分"
                  hint={`${rangeHint}${completion ? `；完成率 ${completion}%` : ""}`}
                />
              </div>
            ) : (
              <span>{typed("band") ? `${typed("band")} ${typed("gradeScore")}` : "—"}</span>
            )
          ) : (
            <span className="text-xs text-muted">按公式计分{completion ? `（完成率 ${completion}%）` : ""}</span>
          )}
        </td>
        {showDeduction ? (
          <td className={CELL}>
            <Caption>扣分</Caption>
            {editable ? (
              <div className="space-y-1">
                <NumberInput {...bind("deductionPoints", "扣分")} stored={row.saved.deductionPoints} placeholder="扣分" />
                <TextInput {...bind("deductionReason", "扣分原因")} placeholder="扣分原因（扣分时必填）" />
              </div>
            ) : typed("deductionPoints") ? (
              <span>
                {typed("deductionPoints")}（{typed("deductionReason")}）
              </span>
            ) : (
              <span className="text-muted">—</span>
            )}
          </td>
        ) : null}
        <td className={`num ${CELL} max-md:text-left`}>
          <Caption>得分</Caption>
          <ScoreExplanation
            label={`${row.name} 得分`}
            score={result?.score ? fmt2(result.score) : null}
            explanation={result?.explanation ?? "有待修改的内容，暂不计分"}
          />
          {row.issues.length > 0 ? <p className="mt-1 whitespace-normal text-left text-xs text-red-700">{row.issues.join("；")}</p> : null}
        </td>
        {showBeside ? (
          <td className={`text-xs ${CELL}`}>
            <Caption>{besideLabel}</Caption>
            {row.beside ? (
              <>
                <ScoreExplanation label={`${row.name} 对照得分`} score={row.beside.score.score} explanation={row.beside.score.explanation} />
                {row.beside.band ? <p className="mt-1 text-muted">{row.beside.band}</p> : null}
                {row.beside.actual !== null ? (
                  <p className="text-muted">
                    完成值 {row.beside.actual}
                    {row.unit}
                  </p>
                ) : null}
                {row.beside.deviationReason ? <p className="mt-1 text-muted">偏差原因：{row.beside.deviationReason}</p> : null}
              </>
            ) : (
              <span className="text-muted">—</span>
            )}
          </td>
        ) : null}
      </tr>
      <tr className="max-md:block">
        <td colSpan={columnCount} className={`bg-[#fbfcfd] ${CELL}`}>
          {editable ? (
            <>
              <p aria-hidden="true" className="text-xs font-medium">
                偏差原因分析及改进措施
              </p>
              <TextArea
                {...bind("deviationReason", "偏差原因分析及改进措施")}
                rows={1}
                maxLength={2000}
                hint={result?.needsDeviationReason ? "得分低于分值，定稿前必填" : undefined}
              />
            </>
          ) : (
            <p className="text-xs">
              <span className="font-medium">偏差原因分析及改进措施：</span>
              {typed("deviationReason") || <span className="text-muted">—</span>}
            </p>
          )}
        </td>
      </tr>
    </tbody>
  );
}
