-- A new sheet's twelve figures rows carry its position from the start (20261205120000 added the column): the refresh
-- sets it too, but an instance of the previous version still running during a rolling upgrade does not write it.
CREATE OR REPLACE FUNCTION "sheet_figures_create"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "sheet_figures" ("sheet_id", "month", "fiscal_year_id", "unit_id", "position", "kind", "status", "funds_total", "budget")
  SELECT NEW."id", m, NEW."fiscal_year_id", NEW."unit_id", NEW."position", NEW."kind", NEW."status", NEW."funds_total", NEW."funds_total"
    FROM generate_series(1, 12) AS m
  ON CONFLICT ("sheet_id", "month") DO NOTHING;
  RETURN NULL;
END;
$$;
