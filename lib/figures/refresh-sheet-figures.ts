import "server-only";
import { computeFigures, type FiguresRow } from "./compute-figures";
import { type Db, loadFiguresSources } from "./figures-source";
import { LIGHT_TO_DB } from "./labels";

/**
 * Keeps the scorecard's per-sheet figures (model SheetFigures) equal to what lib/scoring computes from the rows.
 *
 * - Every write that changes a sheet's figures calls `refreshSheetFigures(tx, sheetId)` inside its own transaction
 *   (≈2 ms), so the scorecard reads fresh figures without computing anything.
 * - Database triggers (migration 20261125150000_scorecard) bump the row's `change_seq` on every change to the
 *   sheet's source rows, whoever writes them; the refresh records the `change_seq` it computed from. A row whose
 *   `computed_seq` lags — a write path that does not call the refresh yet — is stale.
 * - A sheet has figures for each month 1–12 (the scorecard's 截至月份): each row measures the values entered up to
 *   its month against that month's time progress, so figures do not depend on the date. A change recorded for month
 *   m reaches months m…12 only; the triggers (migration 20261204140000_figures_touch_by_month) mark just those, and
 *   a write recomputes just the months marked (`onlyStale`), from the sheet's rows read in one statement.
 * - `refreshStaleFigures` recomputes the stale rows of a fiscal year in one batch (a few statements whatever their
 *   number) and runs before every scorecard read, so a read never shows stale figures.
 */

/** Recomputes one sheet's figures from its rows (every month). Call inside the transaction of the write that changed them. */
export async function refreshSheetFigures(tx: Db, sheetId: number): Promise<void> {
  await refreshFigures(tx, [sheetId]);
}

/** Sheets per round trip (twelve rows each): bounded so a province-scale refresh does not build one huge statement. */
const BATCH = 100;

/**
 * Recomputes the figures of the given sheets — every month, or with `onlyStale` the months whose rows changed since
 * they were computed (what a write does: the triggers mark the months a change reaches, a change of month m the
 * months m…12, so a save recomputes only those) — and returns how many rows were written.
 */
export async function refreshFigures(db: Db, sheetIds: readonly number[], options: { onlyStale?: boolean } = {}): Promise<number> {
  let written = 0;
  for (let start = 0; start < sheetIds.length; start += BATCH) {
    const loaded = await loadFiguresSources(db, sheetIds.slice(start, start + BATCH));
    const sources = options.onlyStale ? loaded.filter((source) => !source.fresh) : loaded;
    if (sources.length === 0) continue;
    const rows = sources.map((source) => ({ ...toRecord(computeFigures(source).row), computed_seq: source.changeSeq ?? "1" }));
    written += await db.$executeRawUnsafe(UPSERT_SQL, JSON.stringify(rows));
  }
  return written;
}

/** The ids of a fiscal year's sheets with stale figures (changed since computed) in any month. */
export async function staleSheetIds(db: Db, fiscalYear: { id: number }): Promise<number[]> {
  const rows = await db.$queryRawUnsafe<{ sheet_id: number }[]>(
    `SELECT DISTINCT "sheet_id" FROM "sheet_figures"
      WHERE "fiscal_year_id" = $1 AND "computed_seq" <> "change_seq"
      ORDER BY "sheet_id"`,
    fiscalYear.id,
  );
  return rows.map((r) => r.sheet_id);
}

/** Brings a fiscal year's figures up to date before they are read; returns how many rows were recomputed. */
export async function refreshStaleFigures(db: Db, fiscalYear: { id: number }): Promise<number> {
  const stale = await staleSheetIds(db, fiscalYear);
  return stale.length === 0 ? 0 : refreshFigures(db, stale);
}

/**
 * Every sheet's figures from scratch (after a bulk load, or to repair): all fiscal years. The 绩效看板's sums the
 * triggers appended meanwhile (one difference per unit and month for each batch of sheets) are folded at the end, so
 * the first reader of each month does not.
 */
export async function refreshAllFigures(db: Db): Promise<number> {
  const ids = await db.$queryRawUnsafe<{ id: number }[]>(`SELECT "id" FROM "target_sheet" ORDER BY "id"`);
  const written = await refreshFigures(
    db,
    ids.map((r) => r.id),
  );
  await db.$executeRawUnsafe(`SELECT "figures_tally_compact"(y."id", m) FROM "fiscal_year" y, generate_series(1, 12) AS m`);
  await db.$executeRawUnsafe(`SELECT "sheet_tally_compact"(y."id") FROM "fiscal_year" y`);
  return written;
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────────────────────

const COLUMNS: readonly [column: string, type: string, key: keyof FiguresRow][] = [
  ["sheet_id", "int", "sheetId"],
  ["fiscal_year_id", "int", "fiscalYearId"],
  ["unit_id", "int", "unitId"],
  ["position", "int", "position"],
  ["kind", '"SheetKind"', "kind"],
  ["month", "int", "month"],
  ["status", '"SheetStatus"', "status"],
  ["latest_month", "int", "latestMonth"],
  ["indicator_count", "int", "indicatorCount"],
  ["reported_count", "int", "reportedCount"],
  ["funds_total", "numeric", "fundsTotal"],
  ["budget", "numeric", "budget"],
  ["executed", "numeric", "executed"],
  ["executed_month", "int", "executedMonth"],
  ["execution_rate", "numeric", "executionRate"],
  ["budget_light", '"WarningLight"', "budgetLight"],
  ["budget_light_reason", "text", "budgetLightReason"],
  ["light", '"WarningLight"', "light"],
  ["light_reason", "text", "lightReason"],
  ["red_count", "int", "redCount"],
  ["yellow_count", "int", "yellowCount"],
  ["green_count", "int", "greenCount"],
  ["blue_count", "int", "blueCount"],
  ["projected_score", "numeric", "projectedScore"],
  ["projected_grade", "text", "projectedGrade"],
  ["projected_complete", "boolean", "projectedComplete"],
  ["projection_error", "text", "projectionError"],
  ["final_score", "numeric", "finalScore"],
  ["final_grade", "text", "finalGrade"],
  ["score", "numeric", "score"],
  ["grade", "text", "grade"],
  ["score_bucket", "int", "scoreBucket"],
  ["months_submitted", "int", "monthsSubmitted"],
  ["months_approved", "int", "monthsApproved"],
  ["last_submitted_month", "int", "lastSubmittedMonth"],
  ["last_approved_month", "int", "lastApprovedMonth"],
];

function toRecord(row: FiguresRow): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [column, , key] of COLUMNS) {
    const value = row[key];
    record[column] = key === "light" || key === "budgetLight" ? (value === null ? null : LIGHT_TO_DB[value as keyof typeof LIGHT_TO_DB]) : value;
  }
  return record;
}

const names = COLUMNS.map(([c]) => `"${c}"`).join(", ");

// One statement for any number of sheets: the rows travel as one JSON parameter. The update is skipped when the
// sheet changed again after its rows were read (change_seq moved on): then the row stays stale rather than being
// marked fresh with older figures, and the next read or write recomputes it.
const UPSERT_SQL = `
INSERT INTO "sheet_figures" (${names}, "change_seq", "computed_seq", "computed_at")
SELECT ${names}, v."computed_seq", v."computed_seq", now() AT TIME ZONE 'UTC'
  FROM jsonb_to_recordset($1::jsonb) AS v(${COLUMNS.map(([c, t]) => `"${c}" ${t}`).join(", ")}, "computed_seq" bigint)
ON CONFLICT ("sheet_id", "month") DO UPDATE SET
  ${[...COLUMNS.filter(([c]) => c !== "sheet_id" && c !== "month").map(([c]) => `"${c}" = EXCLUDED."${c}"`), `"computed_seq" = EXCLUDED."computed_seq"`, `"computed_at" = EXCLUDED."computed_at"`].join(",\n  ")}
  WHERE "sheet_figures"."change_seq" = EXCLUDED."computed_seq"`;
