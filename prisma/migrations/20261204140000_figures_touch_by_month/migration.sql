-- A sheet's figures at month N are computed from what was recorded up to N (lib/figures/sheet-history.ts: each row's
-- latest value up to N, the latest 执行数 up to N, the adjustments and the workflow up to N). A change to a progress
-- entry, a sheet-month or a budget adjustment of month m therefore changes the figures of months m…12 only: the
-- triggers now mark only those rows stale, and only when a column the figures read changed (a 偏差原因 or a review
-- comment changes no figure). The write path recomputes exactly the stale rows (refreshFigures, onlyStale), so a
-- save of July recomputes six months, not twelve, and a save of reasons alone none.
-- Changes to the sheet, its indicators or its evaluations still mark all twelve months.

-- A row that names its sheet and a month: sheet_month, budget_adjustment.
CREATE FUNCTION "sheet_figures_touch_by_sheet_month"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "sheet_figures" SET "change_seq" = "change_seq" + 1 WHERE "sheet_id" = NEW."sheet_id" AND "month" >= NEW."month";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "sheet_figures" SET "change_seq" = "change_seq" + 1 WHERE "sheet_id" = OLD."sheet_id" AND "month" >= OLD."month";
  ELSE
    UPDATE "sheet_figures" SET "change_seq" = "change_seq" + 1
     WHERE ("sheet_id" = OLD."sheet_id" AND "month" >= OLD."month") OR ("sheet_id" = NEW."sheet_id" AND "month" >= NEW."month");
  END IF;
  RETURN NULL;
END;
$$;

-- A progress entry names its indicator and a month.
CREATE FUNCTION "sheet_figures_touch_by_entry_month"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "sheet_figures" SET "change_seq" = "change_seq" + 1
     WHERE "sheet_id" = (SELECT "sheet_id" FROM "indicator" WHERE "id" = NEW."indicator_id") AND "month" >= NEW."month";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "sheet_figures" SET "change_seq" = "change_seq" + 1
     WHERE "sheet_id" = (SELECT "sheet_id" FROM "indicator" WHERE "id" = OLD."indicator_id") AND "month" >= OLD."month";
  ELSE
    UPDATE "sheet_figures" SET "change_seq" = "change_seq" + 1
     WHERE ("sheet_id" = (SELECT "sheet_id" FROM "indicator" WHERE "id" = OLD."indicator_id") AND "month" >= OLD."month")
        OR ("sheet_id" = (SELECT "sheet_id" FROM "indicator" WHERE "id" = NEW."indicator_id") AND "month" >= NEW."month");
  END IF;
  RETURN NULL;
END;
$$;

DROP TRIGGER "progress_entry_figures_touch" ON "progress_entry";
CREATE TRIGGER "progress_entry_figures_touch" AFTER INSERT OR DELETE ON "progress_entry"
  FOR EACH ROW EXECUTE FUNCTION "sheet_figures_touch_by_entry_month"();
CREATE TRIGGER "progress_entry_figures_touch_update" AFTER UPDATE ON "progress_entry"
  FOR EACH ROW WHEN (OLD."indicator_id" IS DISTINCT FROM NEW."indicator_id" OR OLD."month" IS DISTINCT FROM NEW."month"
                     OR OLD."value" IS DISTINCT FROM NEW."value" OR OLD."qualitative_value" IS DISTINCT FROM NEW."qualitative_value"
                     OR OLD."forecast" IS DISTINCT FROM NEW."forecast")
  EXECUTE FUNCTION "sheet_figures_touch_by_entry_month"();

DROP TRIGGER "sheet_month_figures_touch" ON "sheet_month";
CREATE TRIGGER "sheet_month_figures_touch" AFTER INSERT OR DELETE ON "sheet_month"
  FOR EACH ROW EXECUTE FUNCTION "sheet_figures_touch_by_sheet_month"();
CREATE TRIGGER "sheet_month_figures_touch_update" AFTER UPDATE ON "sheet_month"
  FOR EACH ROW WHEN (OLD."sheet_id" IS DISTINCT FROM NEW."sheet_id" OR OLD."month" IS DISTINCT FROM NEW."month"
                     OR OLD."executed" IS DISTINCT FROM NEW."executed" OR OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION "sheet_figures_touch_by_sheet_month"();

DROP TRIGGER "budget_adjustment_figures_touch" ON "budget_adjustment";
CREATE TRIGGER "budget_adjustment_figures_touch" AFTER INSERT OR UPDATE OR DELETE ON "budget_adjustment"
  FOR EACH ROW EXECUTE FUNCTION "sheet_figures_touch_by_sheet_month"();

-- The function progress entries used before: no trigger calls it any more.
DROP FUNCTION "sheet_figures_touch_by_indicator_id"();

-- Every scorecard read first asks for the year's stale figures rows (refreshStaleFigures): almost always none, yet at
-- province scale (20,000 sheets × 12 months) finding none scanned 240,000 rows. Only stale rows enter this index, and a
-- write's refresh takes them out again in its own transaction, so the question costs an index probe.
CREATE INDEX "sheet_figures_stale_idx" ON "sheet_figures"("fiscal_year_id", "sheet_id") WHERE "computed_seq" <> "change_seq";
