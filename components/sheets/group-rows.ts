/**
 * The indicator table as the document prints it: a 一级指标 cell merged over the consecutive rows that
 * share it, and a 二级指标 cell merged over the consecutive rows sharing both levels. A span of 0 means
 * "covered by the merged cell above": render no cell. Only adjacent rows merge, so a level that comes
 * back later in the sheet starts a new group, as on paper.
 */
export interface GroupedRow<T> {
  row: T;
  level1Span: number;
  level2Span: number;
}

export function groupRows<T extends { level1: string; level2: string }>(rows: readonly T[]): GroupedRow<T>[] {
  const grouped = rows.map((row) => ({ row, level1Span: 0, level2Span: 0 }));
  let level1Start = 0;
  let level2Start = 0;
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    const newLevel1 = !previous || previous.level1 !== row.level1;
    if (newLevel1) level1Start = i;
    if (newLevel1 || previous.level2 !== row.level2) level2Start = i;
    grouped[level1Start]!.level1Span++;
    grouped[level2Start]!.level2Span++;
  });
  return grouped;
}
