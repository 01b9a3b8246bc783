/**
 * The merged-looking 一级指标 / 二级指标 cells of an indicator row, as the printed forms show them: a cell
 * only on the first row of its group (span > 0), spanning the group's rows.
 */
export function GroupCells({ level1, level2, level1Span, level2Span }: { level1: string; level2: string; level1Span: number; level2Span: number }) {
  return (
    <>
      {level1Span > 0 ? (
        <th scope="rowgroup" rowSpan={level1Span} className="group">
          {level1}
        </th>
      ) : null}
      {level2Span > 0 ? (
        <th scope="rowgroup" rowSpan={level2Span} className="group">
          {level2}
        </th>
      ) : null}
    </>
  );
}
