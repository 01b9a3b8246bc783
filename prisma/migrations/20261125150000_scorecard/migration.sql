-- CreateEnum
CREATE TYPE "WarningLight" AS ENUM ('GREEN', 'BLUE', 'YELLOW', 'RED');

-- CreateTable
CREATE TABLE "sheet_figures" (
    "sheet_id" INTEGER NOT NULL,
    "fiscal_year_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "kind" "SheetKind" NOT NULL,
    "status" "SheetStatus" NOT NULL,
    "as_of_month" INTEGER NOT NULL DEFAULT 0,
    "latest_month" INTEGER,
    "indicator_count" INTEGER NOT NULL DEFAULT 0,
    "reported_count" INTEGER NOT NULL DEFAULT 0,
    "funds_total" DECIMAL(14,2) NOT NULL,
    "budget" DECIMAL(14,2) NOT NULL,
    "executed" DECIMAL(14,2),
    "executed_month" INTEGER,
    "execution_rate" DECIMAL(12,2),
    "budget_light" "WarningLight",
    "budget_light_reason" TEXT NOT NULL DEFAULT '',
    "light" "WarningLight",
    "light_reason" TEXT NOT NULL DEFAULT '',
    "red_count" INTEGER NOT NULL DEFAULT 0,
    "yellow_count" INTEGER NOT NULL DEFAULT 0,
    "green_count" INTEGER NOT NULL DEFAULT 0,
    "blue_count" INTEGER NOT NULL DEFAULT 0,
    "projected_score" DECIMAL(7,2),
    "projected_grade" TEXT,
    "projected_complete" BOOLEAN NOT NULL DEFAULT false,
    "projection_error" TEXT,
    "final_score" DECIMAL(7,2),
    "final_grade" TEXT,
    "score" DECIMAL(7,2),
    "grade" TEXT,
    "score_bucket" INTEGER,
    "months_submitted" INTEGER NOT NULL DEFAULT 0,
    "months_approved" INTEGER NOT NULL DEFAULT 0,
    "last_submitted_month" INTEGER,
    "last_approved_month" INTEGER,
    "change_seq" BIGINT NOT NULL DEFAULT 1,
    "computed_seq" BIGINT NOT NULL DEFAULT 0,
    "computed_at" TIMESTAMP(3),

    CONSTRAINT "sheet_figures_pkey" PRIMARY KEY ("sheet_id")
);

-- CreateIndex
CREATE INDEX "sheet_figures_fiscal_year_id_kind_unit_id_idx" ON "sheet_figures"("fiscal_year_id", "kind", "unit_id");

-- CreateIndex
CREATE INDEX "sheet_figures_fiscal_year_id_light_idx" ON "sheet_figures"("fiscal_year_id", "light");

-- CreateIndex
CREATE INDEX "sheet_figures_fiscal_year_id_grade_idx" ON "sheet_figures"("fiscal_year_id", "grade");

-- CreateIndex
CREATE INDEX "sheet_figures_fiscal_year_id_score_idx" ON "sheet_figures"("fiscal_year_id", "score");

-- AddForeignKey
ALTER TABLE "sheet_figures" ADD CONSTRAINT "sheet_figures_sheet_id_fkey" FOREIGN KEY ("sheet_id") REFERENCES "target_sheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Staleness of the derived figures (not expressible in schema.prisma). Every sheet has a figures row from the
-- moment it is created, stale (change_seq 1 > computed_seq 0) until lib/scorecard computes it; every change to a
-- row a sheet's figures are derived from bumps change_seq, so a write path that does not recompute the figures in
-- its own transaction still leaves them marked stale, and the scorecard recomputes them before reading them.

-- A new sheet gets its (stale) figures row.
CREATE FUNCTION "sheet_figures_create"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "sheet_figures" ("sheet_id", "fiscal_year_id", "unit_id", "kind", "status", "funds_total", "budget")
  VALUES (NEW."id", NEW."fiscal_year_id", NEW."unit_id", NEW."kind", NEW."status", NEW."funds_total", NEW."funds_total")
  ON CONFLICT ("sheet_id") DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "target_sheet_figures_create" AFTER INSERT ON "target_sheet"
  FOR EACH ROW EXECUTE FUNCTION "sheet_figures_create"();

-- A change to the sheet itself (funds, unit, status, budget-execution weight …).
CREATE FUNCTION "sheet_figures_touch_sheet"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "sheet_figures" SET "change_seq" = "change_seq" + 1 WHERE "sheet_id" = NEW."id";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "target_sheet_figures_touch" AFTER UPDATE ON "target_sheet"
  FOR EACH ROW EXECUTE FUNCTION "sheet_figures_touch_sheet"();

-- A change to a row that names its sheet: indicators, months (执行数, workflow), budget adjustments, evaluations.
CREATE FUNCTION "sheet_figures_touch_by_sheet_id"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "sheet_figures" SET "change_seq" = "change_seq" + 1 WHERE "sheet_id" = NEW."sheet_id";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "sheet_figures" SET "change_seq" = "change_seq" + 1 WHERE "sheet_id" = OLD."sheet_id";
  ELSE
    UPDATE "sheet_figures" SET "change_seq" = "change_seq" + 1 WHERE "sheet_id" IN (OLD."sheet_id", NEW."sheet_id");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "indicator_figures_touch" AFTER INSERT OR UPDATE OR DELETE ON "indicator"
  FOR EACH ROW EXECUTE FUNCTION "sheet_figures_touch_by_sheet_id"();

CREATE TRIGGER "sheet_month_figures_touch" AFTER INSERT OR UPDATE OR DELETE ON "sheet_month"
  FOR EACH ROW EXECUTE FUNCTION "sheet_figures_touch_by_sheet_id"();

CREATE TRIGGER "budget_adjustment_figures_touch" AFTER INSERT OR UPDATE OR DELETE ON "budget_adjustment"
  FOR EACH ROW EXECUTE FUNCTION "sheet_figures_touch_by_sheet_id"();

CREATE TRIGGER "evaluation_figures_touch" AFTER INSERT OR UPDATE OR DELETE ON "evaluation"
  FOR EACH ROW EXECUTE FUNCTION "sheet_figures_touch_by_sheet_id"();

-- A progress entry names its indicator.
CREATE FUNCTION "sheet_figures_touch_by_indicator_id"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "sheet_figures" SET "change_seq" = "change_seq" + 1
      WHERE "sheet_id" = (SELECT "sheet_id" FROM "indicator" WHERE "id" = NEW."indicator_id");
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "sheet_figures" SET "change_seq" = "change_seq" + 1
      WHERE "sheet_id" = (SELECT "sheet_id" FROM "indicator" WHERE "id" = OLD."indicator_id");
  ELSE
    UPDATE "sheet_figures" SET "change_seq" = "change_seq" + 1
      WHERE "sheet_id" IN (SELECT "sheet_id" FROM "indicator" WHERE "id" IN (OLD."indicator_id", NEW."indicator_id"));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "progress_entry_figures_touch" AFTER INSERT OR UPDATE OR DELETE ON "progress_entry"
  FOR EACH ROW EXECUTE FUNCTION "sheet_figures_touch_by_indicator_id"();

-- Sheets that exist already get their (stale) figures rows.
INSERT INTO "sheet_figures" ("sheet_id", "fiscal_year_id", "unit_id", "kind", "status", "funds_total", "budget")
SELECT "id", "fiscal_year_id", "unit_id", "kind", "status", "funds_total", "funds_total" FROM "target_sheet";
