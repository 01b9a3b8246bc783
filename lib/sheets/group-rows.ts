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

/** The spans alone, row by row (the page's table and the 自评表 workbook merge the same cells). */
export function groupSpans(rows: readonly { level1: string; level2: string }[]): { level1Span: number; level2Span: number }[] {
  const spans = rows.map(() => ({ level1Span: 0, level2Span: 0 }));
  let level1Start = 0;
  let level2Start = 0;
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    const newLevel1 = !previous || previous.level1 !== row.level1;
    if (newLevel1) level1Start = i;
    if (newLevel1 || previous.level2 !== row.level2) level2Start = i;
    spans[level1Start]!.level1Span++;
    spans[level2Start]!.level2Span++;
  });
  return spans;
}

export function groupRows<T extends { level1: string; level2: string }>(rows: readonly T[]): GroupedRow<T>[] {
  return groupSpans(rows).map((spans, i) => ({ row: rows[i]!, ...spans }));
}
