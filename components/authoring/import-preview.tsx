import type { ReactNode } from "react";
import { formatAmount } from "@/components/ui/format";
import type { ImportPreviewSheet } from "@/lib/authoring/preview-workbook-import";
import type { PreviewData } from "./import-workbook";
import { FindingList } from "./lint-panel";

/** 导入预览: the workbook's summary, its problems by cell, the steps (`children`), then every sheet and row. */
export function ImportPreviewView({ data, feedback, children }: { data: PreviewData; feedback: ReactNode; children: ReactNode }) {
  const { preview, fileName } = data;
  return (
    <div className="space-y-3">
      <section aria-labelledby="import-summary" className="rounded border border-line bg-white p-3">
        <h2 id="import-summary" className="font-semibold">
          导入预览
        </h2>
        <p className="mt-1">
          {fileName} · {preview.year}年 · {preview.department} · {preview.sheets.length} 张绩效目标表 · {preview.errorCount} 个错误 · {preview.warningCount}{" "}
          个提醒
          {preview.replace ? " · 覆盖同名绩效目标表" : ""}
        </p>
        {preview.problems.length > 0 ? (
          <div role="alert" className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-red-900">
            <p className="font-medium">工作簿中有以下问题（按工作表和单元格）：</p>
            <ul className="list-disc pl-5 text-sm">
              {preview.problems.map((p, i) => (
                <li key={i}>{p.path ? `${p.path}：${p.message}` : p.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {preview.blockers.length > 0 ? (
          <ul role={preview.problems.length > 0 ? undefined : "alert"} className="mt-2 list-disc pl-5 text-red-800">
            {preview.blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        ) : null}
        <div className="mt-2">{feedback}</div>
        <div className="mt-3 flex gap-3">{children}</div>
      </section>
      {preview.sheets.map((sheet, i) => (
        <SheetPreview key={i} sheet={sheet} index={i} />
      ))}
    </div>
  );
}
function SheetPreview({ sheet, index }: { sheet: ImportPreviewSheet; index: number }) {
  const headingId = `import-sheet-${index}`;
  return (
    <section aria-labelledby={headingId} className="space-y-2 rounded border border-line bg-white p-3">
      <h3 id={headingId} className="font-semibold">
        第{index + 1}张：{sheet.name}
        <span className="ml-2 font-normal text-muted">
          {sheet.kind === "department" ? "部门整体绩效目标表" : "项目支出绩效目标表"} · {sheet.unit}
          {sheet.exists ? " · 已有同名表" : " · 新建"}
        </span>
      </h3>
      <p className="text-sm">
        {sheet.kind === "department" ? "部门联系人" : "项目负责人"}：{sheet.lead || "—"} · 年度预算总额 {formatAmount(sheet.funds.total)} 万元（财政拨款{" "}
        {formatAmount(sheet.funds.fiscal)}，其他资金 {formatAmount(sheet.funds.other)}）
      </p>
      <p className="text-sm text-muted">{sheet.goal}</p>
      <FindingList findings={sheet.findings} label={`第${index + 1}张表的检查结果`} />
      <div className="overflow-x-auto">
        <table className="form-table text-sm">
          <caption className="sr-only">{`第${index + 1}张表「${sheet.name}」的指标`}</caption>
          <thead>
            <tr>
              <th scope="col">行</th>
              <th scope="col">一级指标</th>
              <th scope="col">二级指标</th>
              <th scope="col">三级指标</th>
              <th scope="col">指标值</th>
              <th scope="col">解析为</th>
              <th scope="col">指标值设置依据</th>
              <th scope="col">上年完成值</th>
              <th scope="col">分值</th>
              <th scope="col">赋分规则</th>
              <th scope="col">佐证资料</th>
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((r, i) => (
              <tr key={i} className={sheet.findings.some((f) => f.row === i) ? "bg-amber-50" : undefined}>
                <td className="num">{i + 1}</td>
                <td>{r.level1}</td>
                <td>{r.level2}</td>
                <td>{r.name}</td>
                <td>{r.targetRaw}</td>
                <td>{r.understood}</td>
                <td>{r.basis}</td>
                <td>{r.lastYear}</td>
                <td className="num">{r.weight}</td>
                <td>{r.rule}</td>
                <td>{r.evidence.join("，")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
