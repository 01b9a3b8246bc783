import Link from "next/link";
import type { SheetListRow } from "@/lib/sheets/list-sheets";
import { StatusTag } from "@/components/authoring/status-tag";
import { formatAmount } from "@/components/ui/format";
import { LIST_COLUMN_WIDTHS } from "./list-columns";

/** The 部门整体绩效目标 row(s), apart from the projects, in the same columns (department: 部门名称, 部门联系人). */
export function DepartmentSheetList({ rows }: { rows: SheetListRow[] }) {
  return (
    <table className="form-table">
      <caption className="sr-only">部门整体绩效目标</caption>
      <colgroup>
        {LIST_COLUMN_WIDTHS.map((width, i) => (
          <col key={i} style={{ width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th scope="col">部门名称</th>
          <th scope="col">名称</th>
          <th scope="col">部门联系人</th>
          <th scope="col">年度预算总额（万元）</th>
          <th scope="col">指标数</th>
          <th scope="col">权重合计</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{row.unit}</td>
            <td>
              <Link href={`/sheets/${row.id}`} className="text-brand hover:underline">
                {row.name}
              </Link>
              <StatusTag status={row.status} />
            </td>
            <td>{row.lead}</td>
            <td className="num">{formatAmount(row.fundsTotal)}</td>
            <td className="num">{row.indicatorCount}</td>
            <td className="num">{formatAmount(row.weightSum)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
