import type { SheetView } from "@/lib/sheets/get-sheet";
import { formatAmount } from "@/components/ui/format";

/** Header labels as each official form prints them. */
const LABELS = {
  PROJECT: { unit: "预算单位", name: "项目名称", lead: "项目负责人", funds: "项目资金（万元）", goal: "项目总体目标" },
  DEPARTMENT: { unit: "部门名称", name: "名称", lead: "部门联系人", funds: "年度预算（万元）", goal: "年度绩效目标" },
} as const;

/** The form's header block: unit, project, lead, funds, and the overall goal. */
export function SheetHeader({ sheet }: { sheet: SheetView }) {
  const label = LABELS[sheet.kind];
  return (
    <table className="form-table">
      <caption className="sr-only">基本信息</caption>
      <colgroup>
        <col style={{ width: "12%" }} />
        <col style={{ width: "14%" }} />
        <col style={{ width: "14%" }} />
        <col />
      </colgroup>
      <tbody>
        <tr>
          <th scope="row">{label.unit}</th>
          <td colSpan={3}>{sheet.unit}</td>
        </tr>
        <tr>
          <th scope="row">{label.name}</th>
          <td colSpan={3}>{sheet.name}</td>
        </tr>
        <tr>
          <th scope="row">{label.lead}</th>
          <td colSpan={3}>{sheet.lead}</td>
        </tr>
        <tr>
          <th scope="rowgroup" rowSpan={3} className="align-middle">
            {label.funds}
          </th>
          <th scope="row" className="font-normal">
            年度预算总额
          </th>
          <td className="num">{formatAmount(sheet.funds.total)}</td>
          <td rowSpan={3} aria-hidden="true" />
        </tr>
        <tr>
          <th scope="row" className="font-normal">
            其中：财政拨款
          </th>
          <td className="num">{formatAmount(sheet.funds.fiscal)}</td>
        </tr>
        <tr>
          <th scope="row" className="font-normal">
            其他资金
          </th>
          <td className="num">{formatAmount(sheet.funds.other)}</td>
        </tr>
        <tr>
          <th scope="row">{label.goal}</th>
          <td colSpan={3} className="whitespace-pre-line">
            {sheet.goal}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
