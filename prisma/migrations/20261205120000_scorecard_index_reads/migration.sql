-- At province scale (20,000 sheets) each scorecard statement read one month's rows of sheet_figures from the heap:
-- the rows are wide (the lights' reasons) and a sheet's twelve months lie together, so one month's 20,000 rows
-- touched ~11,600 pages, and the first page of the table sorted all 20,000 after a join for the sheets' position.

-- The sheet's position beside its figures (kept by the figures refresh; any change of the sheet marks its figures
-- stale), so the default order (light, then the document's order) is an index order and the first page reads 50 rows.
ALTER TABLE "sheet_figures" ADD COLUMN "position" INTEGER NOT NULL DEFAULT 0;
UPDATE "sheet_figures" f SET "position" = s."position" FROM "target_sheet" s WHERE s."id" = f."sheet_id" AND f."position" <> s."position";

DROP INDEX "sheet_figures_fiscal_year_id_month_light_idx";
CREATE INDEX "sheet_figures_fiscal_year_id_month_light_position_sheet_id_idx"
  ON "sheet_figures"("fiscal_year_id", "month", "light" DESC NULLS LAST, "position", "sheet_id");

-- The default 截至月份 (the latest month submitted): the first visible row in this order, not a scan of them all.
CREATE INDEX "sheet_figures_fiscal_year_id_month_last_submitted_month_idx"
  ON "sheet_figures"("fiscal_year_id", "month", "last_submitted_month" DESC NULLS LAST);

-- The cards, charts, subtotals and 逾期 counts group and sum these columns only: an index-only scan of a narrow index.
DROP INDEX "sheet_figures_fiscal_year_id_month_kind_unit_id_idx";
CREATE INDEX "sheet_figures_summary_idx"
  ON "sheet_figures"("fiscal_year_id", "month", "kind", "unit_id", "status", "light", "final_grade", "score_bucket", "sheet_id")
  INCLUDE ("funds_total", "budget", "executed", "projected_score", "final_score", "last_submitted_month");
