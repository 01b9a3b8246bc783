import type { IndicatorView, SheetView } from "@/lib/sheets/get-sheet";
import { describeTarget } from "@/lib/targets/format-target";
import { formatAmount } from "@/components/ui/format";
import { groupRows } from "@/lib/sheets/group-rows";
import { GroupCells } from "./group-cells";

interface Column {
  label: string;
  width: string;
  cell?: (row: IndicatorView, originals: Originals) => React.ReactNode;
  numeric?: boolean;
}

/** Per indicator id: the target as first published, for rows whose target was adjusted since. */
export type Originals = Readonly<Record<number, string | null | undefined>>;

// The columns after 一级/二级指标, as each form prints them.
const PROJECT_COLUMNS: Column[] = [
  { label: "三级指标", width: "17%", cell: (r) => r.name },
  { label: "指标值", width: "9%", cell: (r, o) => <TargetCell row={r} original={o[r.id]} /> },
  { label: "指标值设置依据", width: "16%", cell: (r) => r.basis },
  { label: "上年完成值", width: "10%", cell: (r) => r.lastYear },
  { label: "指标分值权重", width: "7%", cell: (r) => formatAmount(r.weight), numeric: true },
  { label: "指标赋分规则", width: "11%", cell: (r) => r.rule },
  { label: "佐证资料", width: "13%", cell: (r) => r.evidence.join("，") },
];
const DEPARTMENT_COLUMNS: Column[] = [
  { label: "三级指标", width: "25%", cell: (r) => r.name },
  { label: "指标值", width: "12%", cell: (r, o) => <TargetCell row={r} original={o[r.id]} /> },
  { label: "指标设定依据", width: "33%", cell: (r) => r.basis },
  { label: "指标分值权重", width: "10%", cell: (r) => formatAmount(r.weight), numeric: true },
];
const GROUP_WIDTHS = { PROJECT: ["8%", "9%"], DEPARTMENT: ["10%", "10%"] } as const;

function TargetCell({ row, original }: { row: IndicatorView; original?: string | null }) {
  return (
    <>
      <span title={`解析为：${describeTarget(row.target)}`} className="cursor-help">
        {row.targetRaw}
      </span>
      {original ? <span className="block text-xs text-muted">调整前：{original}</span> : null}
    </>
  );
}

/** The indicator rows grouped by 一级/二级指标 with merged cells, then 权重合计 and 预算执行率. */
export function IndicatorTable({ sheet, originals = {} }: { sheet: SheetView; originals?: Originals }) {
  const columns = sheet.kind === "PROJECT" ? PROJECT_COLUMNS : DEPARTMENT_COLUMNS;
  const weightIndex = 2 + columns.findIndex((c) => c.label === "指标分值权重");
  const afterWeight = 2 + columns.length - weightIndex - 1;
  const [level1Width, level2Width] = GROUP_WIDTHS[sheet.kind];
  return (
    <table className="form-table">
      <caption className="sr-only">绩效指标</caption>
      <colgroup>
        <col style={{ width: level1Width }} />
        <col style={{ width: level2Width }} />
        {columns.map((c) => (
          <col key={c.label} style={{ width: c.width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th scope="col">一级指标</th>
          <th scope="col">二级指标</th>
          {columns.map((c) => (
            <th key={c.label} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {groupRows(sheet.indicators).map(({ row, level1Span, level2Span }) => (
          <tr key={row.id}>
            <GroupCells level1={row.level1} level2={row.level2} level1Span={level1Span} level2Span={level2Span} />
            {columns.map((c) => (
              <td key={c.label} className={c.numeric ? "num" : undefined}>
                {c.cell?.(row, originals)}
              </td>
            ))}
          </tr>
        ))}
        {sheet.indicators.length === 0 ? (
          <tr>
            <td colSpan={2 + columns.length} className="py-6 text-center text-muted">
              该绩效目标表还没有指标。
            </td>
          </tr>
        ) : null}
      </tbody>
      <tfoot>
        <FooterRow label="权重合计" value={sheet.weightSum} span={weightIndex} after={afterWeight} />
        <FooterRow label="预算执行率" value={sheet.budgetExecutionWeight} span={weightIndex} after={afterWeight} />
      </tfoot>
    </table>
  );
}

function FooterRow({ label, value, span, after }: { label: string; value: string; span: number; after: number }) {
  return (
    <tr>
      <th scope="row" colSpan={span} className="text-right">
        {label}
      </th>
      <td className="num font-semibold">{formatAmount(value)}</td>
      {after > 0 ? <td colSpan={after} /> : null}
    </tr>
  );
}
