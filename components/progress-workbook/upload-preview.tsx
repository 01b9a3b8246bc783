import Link from "next/link";
import type { ReactNode } from "react";
import { LightBadge } from "@/components/progress/light-badge";
import type { SheetPreview } from "@/lib/progress-workbook/apply-upload";
import type { PreviewData } from "./progress-upload";

const Arrow = () => (
  <>
    <span aria-hidden="true" className="mx-1 text-muted">
      →
    </span>
    <span className="sr-only">改为</span>
  </>
);

function Problems({ items, title, tone }: { items: string[]; title: string; tone: "error" | "question" }) {
  if (items.length === 0) return null;
  const style = tone === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-amber-300 bg-amber-50 text-amber-900";
  return (
    <div role={tone === "error" ? "alert" : undefined} className={`rounded border p-2 ${style}`}>
      <p className="font-medium">{title}</p>
      <ul className="list-disc pl-5 text-sm">
        {items.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}

/** 上传预览: the workbook's summary, the steps (`children`), then every sheet with its changed rows. */
export function UploadPreview({ data, feedback, children }: { data: PreviewData; feedback: ReactNode; children: ReactNode }) {
  const { preview, fileName } = data;
  const problemCount = preview.problems.length + preview.sheets.reduce((n, s) => n + s.problems.length, 0);
  return (
    <div className="space-y-3">
      <section aria-labelledby="upload-summary" className="space-y-2 rounded border border-line bg-white p-3">
        <h2 id="upload-summary" className="font-semibold">
          上传预览
        </h2>
        <p className="break-all">
          {fileName} · {preview.sheets.length} 张表 · 将写入 {preview.writes} 条 · {problemCount} 个问题
        </p>
        <Problems items={preview.problems} title="工作簿中有以下问题，未写入任何内容：" tone="error" />
        {preview.skipped.length > 0 ? (
          <p className="text-sm text-muted">以下工作表不是本系统下载的进度填报表，未读取：{preview.skipped.map((s) => `“${s}”`).join("、")}</p>
        ) : null}
        {feedback}
        <div className="flex flex-wrap gap-3">{children}</div>
      </section>
      {preview.sheets.map((sheet, i) => (
        <SheetSection key={`${sheet.worksheet}-${i}`} sheet={sheet} index={i} />
      ))}
    </div>
  );
}

function SheetSection({ sheet, index }: { sheet: SheetPreview; index: number }) {
  const headingId = `upload-sheet-${index}`;
  return (
    <section aria-labelledby={headingId} className="space-y-2 rounded border border-line bg-white p-3">
      <h3 id={headingId} className="font-semibold">
        工作表“{sheet.worksheet}”
        <span className="ml-2 font-normal text-muted">
          <Link href={sheet.href} className="text-brand hover:underline">
            {sheet.name} · {sheet.monthLabel}
          </Link>
        </span>
      </h3>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div>
          <dt className="inline text-muted">改动：</dt>
          <dd className="inline">
            {sheet.rows.length} 行{sheet.executed ? " 和执行数" : ""}，{sheet.unchanged} 行未改动（不写入）
          </dd>
        </div>
        {sheet.executed ? (
          <div>
            <dt className="inline text-muted">执行数（万元）：</dt>
            <dd className="inline">
              {sheet.executed.before}
              <Arrow />
              {sheet.executed.after}
            </dd>
          </div>
        ) : null}
        {sheet.sheetLight ? (
          <div>
            <dt className="inline text-muted">指标预警：</dt>
            <dd className="inline">
              <LightBadge light={sheet.sheetLight.before} />
              {sheet.sheetLight.after ? (
                <>
                  <Arrow />
                  <LightBadge light={sheet.sheetLight.after} />
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
        {sheet.projected && (sheet.projected.before || sheet.projected.after) ? (
          <div>
            <dt className="inline text-muted">预计得分：</dt>
            <dd className="inline">
              {sheet.projected.before ?? "—"}
              {sheet.projected.after !== null || sheet.problems.length === 0 ? (
                <>
                  <Arrow />
                  {sheet.projected.after ?? "—"}
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
      <Problems items={sheet.problems} title="以下问题需修改后重新上传：" tone="error" />
      <Problems items={sheet.questions} title="以下数值超出常见范围，请核对；确认写入即表示确认无误：" tone="question" />
      <Problems items={sheet.warnings} title="提醒（草稿可保存，提交前需补充）：" tone="question" />
      {sheet.rows.length > 0 ? (
        <table className="form-table card-table">
          <caption className="sr-only">工作表“{sheet.worksheet}”中改动的行</caption>
          <thead>
            <tr>
              <th scope="col" className="w-14">
                行
              </th>
              <th scope="col">三级指标</th>
              <th scope="col">改动（原值 → 新值）</th>
              <th scope="col">预警</th>
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((row) => (
              <tr key={row.indicatorId}>
                <td data-label="行" className="whitespace-nowrap">
                  第 {row.row} 行
                </td>
                <td data-label="三级指标">{row.name}</td>
                <td data-label="改动">
                  <ul className="space-y-0.5">
                    {row.changes.map((c) => (
                      <li key={c.column} className="break-words">
                        <span className="text-muted">{c.column}：</span>
                        {c.before}
                        <Arrow />
                        <strong className="font-medium">{c.after}</strong>
                      </li>
                    ))}
                  </ul>
                </td>
                <td data-label="预警">
                  <LightBadge light={row.lightBefore} />
                  {row.lightAfter ? (
                    <>
                      <Arrow />
                      <LightBadge light={row.lightAfter} />
                    </>
                  ) : (
                    <span className="ml-1 text-sm text-red-800">未通过检查</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
