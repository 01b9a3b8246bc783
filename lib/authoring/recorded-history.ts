import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

/**
 * What has been recorded against a sheet during the year. Indicator rows cascade to their progress
 * entries, evidence files, evaluation rows and target adjustments, so every use case that deletes rows
 * (the draft editor, `--replace` imports) asks here first and refuses rather than lose that history.
 */

type Tx = Prisma.TransactionClient;

/** The kinds of history a row can carry, named as messages list them. */
export type RowRecordKind = "进度填报" | "佐证资料" | "年终评价" | "指标调整";

/**
 * Row id → what is recorded against it, for the rows that have anything (rows with nothing are absent).
 * Locks the rows first (FOR UPDATE): an evidence upload or entry that commits while we look would
 * otherwise be deleted with the row by the cascade; with the lock it either commits before our checks
 * (and is seen) or waits and then finds its row gone.
 */
export async function rowHistory(tx: Tx, ids: number[]): Promise<Map<number, RowRecordKind[]>> {
  const history = new Map<number, RowRecordKind[]>();
  if (ids.length === 0) return history;
  await tx.$queryRaw`SELECT id FROM indicator WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
  const where = { indicatorId: { in: ids } };
  // One query at a time: a transaction runs its statements one after another.
  const progress = await tx.progressEntry.groupBy({ by: ["indicatorId"], where });
  const evidence = await tx.evidenceFile.groupBy({ by: ["indicatorId"], where });
  const evaluations = await tx.evaluationRow.groupBy({ by: ["indicatorId"], where });
  const adjustments = await tx.targetAdjustment.groupBy({ by: ["indicatorId"], where });
  const found: [RowRecordKind, { indicatorId: number | null }[]][] = [
    ["进度填报", progress],
    ["佐证资料", evidence],
    ["年终评价", evaluations],
    ["指标调整", adjustments],
  ];
  for (const [kind, rows] of found) {
    for (const { indicatorId } of rows) {
      if (indicatorId === null) continue;
      history.set(indicatorId, [...(history.get(indicatorId) ?? []), kind]);
    }
  }
  return history;
}

/** A row someone has reported progress, evidence, an evaluation or an adjustment on is not deleted with its history. */
export async function refuseRemovingRecorded(tx: Tx, rows: { id: number; name: string }[]): Promise<void> {
  const history = await rowHistory(
    tx,
    rows.map((r) => r.id),
  );
  const recorded = rows.filter((r) => history.has(r.id));
  if (recorded.length === 0) return;
  const kinds = [...new Set(recorded.flatMap((r) => history.get(r.id)!))];
  throw new AppError("CONFLICT", `指标${recorded.map((r) => `「${r.name}」`).join("、")}已有${kinds.join("、")}记录，不能删除`);
}

/**
 * The sheets among `sheetIds` on which the year's work has started: anything recorded against a row
 * (as `rowHistory`), or against the sheet itself (a month's report or spending, evidence, a budget
 * adjustment, an evaluation).
 */
export async function sheetsWithHistory(tx: Tx, sheetIds: number[]): Promise<Set<number>> {
  if (sheetIds.length === 0) return new Set();
  const rows = await tx.targetSheet.findMany({
    where: {
      id: { in: sheetIds },
      OR: [
        {
          indicators: {
            some: {
              OR: [{ progressEntries: { some: {} } }, { evidenceFiles: { some: {} } }, { evaluationRows: { some: {} } }, { targetAdjustments: { some: {} } }],
            },
          },
        },
        { evidenceFiles: { some: {} } },
        { months: { some: {} } },
        { budgetAdjustments: { some: {} } },
        { evaluations: { some: {} } },
      ],
    },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}
