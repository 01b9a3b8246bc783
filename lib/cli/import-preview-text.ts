import { formatProblem } from "@/lib/errors";
import type { ImportPreview } from "@/lib/authoring/preview-workbook-import";

const LEVEL = { error: "错误", warning: "警告", note: "说明" } as const;

/**
 * The admin page's 导入预览 as text, for `sheets:import --dry-run`: every sheet and row as understood, the lint
 * findings, the problems of reading named by worksheet and cell, and what would stop the import.
 */
export function importPreviewText(preview: ImportPreview): string {
  const rows = preview.sheets.reduce((n, s) => n + s.rows.length, 0);
  const out: string[] = [
    `导入预览（未写入任何数据）：${preview.year}年「${preview.department}」，${preview.sheets.length} 张绩效目标表，共 ${rows} 行${preview.replace ? "（覆盖同名表）" : ""}`,
  ];
  preview.sheets.forEach((sheet, s) => {
    const kind = sheet.kind === "department" ? "部门整体" : "项目支出";
    out.push(
      `第${s + 1}张表「${sheet.name}」（${kind}，预算单位「${sheet.unit}」，负责人 ${sheet.lead || "—"}，资金 ${sheet.funds.total} 万元）：${sheet.rows.length} 行，${sheet.exists ? "已有同名表" : "新建"}`,
    );
    sheet.rows.forEach((row, r) => {
      out.push(
        `  第${r + 1}行 ${row.level1}/${row.level2}/${row.name}：${row.targetRaw} → ${row.understood || "（未能识别）"}，分值 ${row.weight}${row.rule ? `，${row.rule}` : ""}`,
      );
    });
    for (const f of sheet.findings) out.push(`  ${LEVEL[f.level]} ${f.location}：${f.message}`);
  });
  if (preview.problems.length > 0) {
    out.push(`工作簿问题（${preview.problems.length} 处）：`);
    for (const p of preview.problems) out.push(`  ${formatProblem(p)}`);
  }
  out.push(`检查结果：错误 ${preview.errorCount} 处，警告 ${preview.warningCount} 处`);
  if (preview.blockers.length > 0) {
    out.push("不能导入：");
    for (const b of preview.blockers) out.push(`  ${b}`);
  } else {
    out.push("可以导入：去掉 --dry-run 再运行即写入。");
  }
  return `${out.join("\n")}\n`;
}
