-- The scorecard measures any month (its 截至月份): a sheet's figures are kept for each month 1–12, keyed by
-- (sheet_id, month). Figures are derived data: the old rows go, every sheet gets twelve stale rows, and the next
-- read recomputes them.

DELETE FROM "sheet_figures";

-- DropIndex
DROP INDEX "sheet_figures_fiscal_year_id_kind_unit_id_idx";
DROP INDEX "sheet_figures_fiscal_year_id_light_idx";
DROP INDEX "sheet_figures_fiscal_year_id_grade_idx";
DROP INDEX "sheet_figures_fiscal_year_id_score_idx";

-- AlterTable
ALTER TABLE "sheet_figures" DROP CONSTRAINT "sheet_figures_pkey",
DROP COLUMN "as_of_month",
ADD COLUMN "month" INTEGER NOT NULL,
ADD CONSTRAINT "sheet_figures_pkey" PRIMARY KEY ("sheet_id", "month");

-- CreateIndex
CREATE INDEX "sheet_figures_fiscal_year_id_month_kind_unit_id_idx" ON "sheet_figures"("fiscal_year_id", "month", "kind", "unit_id");

-- CreateIndex
CREATE INDEX "sheet_figures_fiscal_year_id_month_light_idx" ON "sheet_figures"("fiscal_year_id", "month", "light");

-- CreateIndex
CREATE INDEX "sheet_figures_fiscal_year_id_month_grade_idx" ON "sheet_figures"("fiscal_year_id", "month", "grade");

-- CreateIndex
CREATE INDEX "sheet_figures_fiscal_year_id_month_score_idx" ON "sheet_figures"("fiscal_year_id", "month", "score");

-- A new sheet gets its twelve (stale) figures rows. The other triggers bump change_seq of every row of the sheet.
CREATE OR REPLACE FUNCTION "sheet_figures_create"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "sheet_figures" ("sheet_id", "month", "fiscal_year_id", "unit_id", "kind", "status", "funds_total", "budget")
  SELECT NEW."id", m, NEW."fiscal_year_id", NEW."unit_id", NEW."kind", NEW."status", NEW."funds_total", NEW."funds_total"
    FROM generate_series(1, 12) AS m
  ON CONFLICT ("sheet_id", "month") DO NOTHING;
  RETURN NULL;
END;
$$;

INSERT INTO "sheet_figures" ("sheet_id", "month", "fiscal_year_id", "unit_id", "kind", "status", "funds_total", "budget")
SELECT ts."id", m, ts."fiscal_year_id", ts."unit_id", ts."kind", ts."status", ts."funds_total", ts."funds_total"
  FROM "target_sheet" ts CROSS JOIN generate_series(1, 12) AS m;
