-- The 绩效看板's cards, charts, subtotals and 逾期 counts summed every visible sheet's figures at each read: at province
-- scale (20,000 sheets) two GROUP BYs of ~50 ms each over 20,000 index entries, and ~10,000 groups for the app to
-- add up. They now read maintained sums (lib/scorecard/tally.ts): per fiscal year, month, unit, kind and status, the
-- figures' counts and sums in one row — about 500 rows for 20,000 sheets — and per unit and set of submitted months
-- the number of sheets, for 逾期.
--
-- The tallies are logs of differences: triggers on sheet_figures and target_sheet append what a statement changed
-- (each changed group's new rows minus its old ones) and never update a row, so two writes never wait for each
-- other on a shared tally row and cannot deadlock over one; a read sums a group's rows, and folds them back into one
-- row per group when they have piled up (figures_tally_compact, sheet_tally_compact: one statement that deletes the
-- rows it read and inserts their sums, so rows appended meanwhile are kept and two compactions cannot count twice).
-- No foreign keys: a tally row is a difference, which outlives the rows it was taken from (a deleted sheet leaves its
-- removal, which sums with its addition to nothing).

CREATE TABLE "figures_tally" (
  "id" BIGSERIAL NOT NULL,
  "fiscal_year_id" INTEGER NOT NULL,
  "month" INTEGER NOT NULL,
  "unit_id" INTEGER NOT NULL,
  "kind" "SheetKind" NOT NULL,
  "status" "SheetStatus" NOT NULL,
  "sheets" INTEGER NOT NULL,
  "lit_red" INTEGER NOT NULL,
  "lit_yellow" INTEGER NOT NULL,
  "lit_green" INTEGER NOT NULL,
  "lit_blue" INTEGER NOT NULL,
  "unlit" INTEGER NOT NULL,
  "funds_total" DECIMAL(20,2) NOT NULL,
  "budget" DECIMAL(20,2) NOT NULL,
  "executed" DECIMAL(20,2) NOT NULL,
  "projected_count" INTEGER NOT NULL,
  "projected_sum" DECIMAL(16,2) NOT NULL,
  "final_count" INTEGER NOT NULL,
  "final_sum" DECIMAL(16,2) NOT NULL,
  "final_excellent" INTEGER NOT NULL,
  "final_good" INTEGER NOT NULL,
  "final_fair" INTEGER NOT NULL,
  "final_poor" INTEGER NOT NULL,
  "bucket_0" INTEGER NOT NULL,
  "bucket_1" INTEGER NOT NULL,
  "bucket_2" INTEGER NOT NULL,
  "bucket_3" INTEGER NOT NULL,
  "bucket_4" INTEGER NOT NULL,
  "bucket_5" INTEGER NOT NULL,
  "bucket_6" INTEGER NOT NULL,
  "bucket_7" INTEGER NOT NULL,
  "bucket_8" INTEGER NOT NULL,
  "bucket_9" INTEGER NOT NULL,
  CONSTRAINT "figures_tally_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "figures_tally_month_check" CHECK ("month" BETWEEN 1 AND 12)
);
CREATE INDEX "figures_tally_fiscal_year_id_month_kind_status_unit_id_idx" ON "figures_tally" ("fiscal_year_id", "month", "kind", "status", "unit_id");

-- Appends the difference `added` − `removed` of sheet_figures rows, one row per group that changed. PL/pgSQL, not SQL:
-- its statement's plan is kept for the session (an SQL function is planned again at every call, ~2 ms each).
CREATE FUNCTION "figures_tally_add"("added" "sheet_figures"[], "removed" "sheet_figures"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "figures_tally" ("fiscal_year_id", "month", "unit_id", "kind", "status", "sheets", "lit_red", "lit_yellow", "lit_green", "lit_blue", "unlit", "funds_total", "budget", "executed", "projected_count", "projected_sum", "final_count", "final_sum", "final_excellent", "final_good", "final_fair", "final_poor", "bucket_0", "bucket_1", "bucket_2", "bucket_3", "bucket_4", "bucket_5", "bucket_6", "bucket_7", "bucket_8", "bucket_9")
  SELECT t.* FROM (
    SELECT d."fiscal_year_id", d."month", d."unit_id", d."kind", d."status",
           sum(d."sign" * 1) AS "sheets",
           sum(d."sign" * CASE WHEN d."light" = 'RED' THEN 1 ELSE 0 END) AS "lit_red",
           sum(d."sign" * CASE WHEN d."light" = 'YELLOW' THEN 1 ELSE 0 END) AS "lit_yellow",
           sum(d."sign" * CASE WHEN d."light" = 'GREEN' THEN 1 ELSE 0 END) AS "lit_green",
           sum(d."sign" * CASE WHEN d."light" = 'BLUE' THEN 1 ELSE 0 END) AS "lit_blue",
           sum(d."sign" * CASE WHEN d."light" IS NULL THEN 1 ELSE 0 END) AS "unlit",
           sum(d."sign" * d."funds_total") AS "funds_total",
           sum(d."sign" * d."budget") AS "budget",
           sum(d."sign" * COALESCE(d."executed", 0)) AS "executed",
           sum(d."sign" * CASE WHEN d."projected_score" IS NULL THEN 0 ELSE 1 END) AS "projected_count",
           sum(d."sign" * COALESCE(d."projected_score", 0)) AS "projected_sum",
           sum(d."sign" * CASE WHEN d."final_score" IS NULL THEN 0 ELSE 1 END) AS "final_count",
           sum(d."sign" * COALESCE(d."final_score", 0)) AS "final_sum",
           sum(d."sign" * CASE WHEN d."final_grade" = '优' THEN 1 ELSE 0 END) AS "final_excellent",
           sum(d."sign" * CASE WHEN d."final_grade" = '良' THEN 1 ELSE 0 END) AS "final_good",
           sum(d."sign" * CASE WHEN d."final_grade" = '中' THEN 1 ELSE 0 END) AS "final_fair",
           sum(d."sign" * CASE WHEN d."final_grade" = '差' THEN 1 ELSE 0 END) AS "final_poor",
           sum(d."sign" * CASE WHEN d."score_bucket" = 0 THEN 1 ELSE 0 END) AS "bucket_0",
           sum(d."sign" * CASE WHEN d."score_bucket" = 1 THEN 1 ELSE 0 END) AS "bucket_1",
           sum(d."sign" * CASE WHEN d."score_bucket" = 2 THEN 1 ELSE 0 END) AS "bucket_2",
           sum(d."sign" * CASE WHEN d."score_bucket" = 3 THEN 1 ELSE 0 END) AS "bucket_3",
           sum(d."sign" * CASE WHEN d."score_bucket" = 4 THEN 1 ELSE 0 END) AS "bucket_4",
           sum(d."sign" * CASE WHEN d."score_bucket" = 5 THEN 1 ELSE 0 END) AS "bucket_5",
           sum(d."sign" * CASE WHEN d."score_bucket" = 6 THEN 1 ELSE 0 END) AS "bucket_6",
           sum(d."sign" * CASE WHEN d."score_bucket" = 7 THEN 1 ELSE 0 END) AS "bucket_7",
           sum(d."sign" * CASE WHEN d."score_bucket" = 8 THEN 1 ELSE 0 END) AS "bucket_8",
           sum(d."sign" * CASE WHEN d."score_bucket" = 9 THEN 1 ELSE 0 END) AS "bucket_9"
      FROM (SELECT a.*, 1 AS "sign" FROM unnest("added") a UNION ALL SELECT r.*, -1 AS "sign" FROM unnest("removed") r) d
     GROUP BY d."fiscal_year_id", d."month", d."unit_id", d."kind", d."status"
  ) t
  -- An update that changes no figure (the triggers' change_seq bump, a refresh to the same values) adds nothing.
  WHERE ROW(t."sheets", t."lit_red", t."lit_yellow", t."lit_green", t."lit_blue", t."unlit", t."funds_total", t."budget", t."executed", t."projected_count", t."projected_sum", t."final_count", t."final_sum", t."final_excellent", t."final_good", t."final_fair", t."final_poor", t."bucket_0", t."bucket_1", t."bucket_2", t."bucket_3", t."bucket_4", t."bucket_5", t."bucket_6", t."bucket_7", t."bucket_8", t."bucket_9") IS DISTINCT FROM ROW(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
END;
$$;

-- Folds a fiscal year's month of differences into one row per group (the reader calls it when rows pile up).
CREATE FUNCTION "figures_tally_compact"("year" integer, "of_month" integer) RETURNS void LANGUAGE sql AS $$
  WITH "gone" AS (DELETE FROM "figures_tally" WHERE "fiscal_year_id" = "year" AND "month" = "of_month" RETURNING *)
  INSERT INTO "figures_tally" ("fiscal_year_id", "month", "unit_id", "kind", "status", "sheets", "lit_red", "lit_yellow", "lit_green", "lit_blue", "unlit", "funds_total", "budget", "executed", "projected_count", "projected_sum", "final_count", "final_sum", "final_excellent", "final_good", "final_fair", "final_poor", "bucket_0", "bucket_1", "bucket_2", "bucket_3", "bucket_4", "bucket_5", "bucket_6", "bucket_7", "bucket_8", "bucket_9")
  SELECT t.* FROM (
    SELECT g."fiscal_year_id", g."month", g."unit_id", g."kind", g."status", sum(g."sheets") AS "sheets", sum(g."lit_red") AS "lit_red", sum(g."lit_yellow") AS "lit_yellow", sum(g."lit_green") AS "lit_green", sum(g."lit_blue") AS "lit_blue", sum(g."unlit") AS "unlit", sum(g."funds_total") AS "funds_total", sum(g."budget") AS "budget", sum(g."executed") AS "executed", sum(g."projected_count") AS "projected_count", sum(g."projected_sum") AS "projected_sum", sum(g."final_count") AS "final_count", sum(g."final_sum") AS "final_sum", sum(g."final_excellent") AS "final_excellent", sum(g."final_good") AS "final_good", sum(g."final_fair") AS "final_fair", sum(g."final_poor") AS "final_poor", sum(g."bucket_0") AS "bucket_0", sum(g."bucket_1") AS "bucket_1", sum(g."bucket_2") AS "bucket_2", sum(g."bucket_3") AS "bucket_3", sum(g."bucket_4") AS "bucket_4", sum(g."bucket_5") AS "bucket_5", sum(g."bucket_6") AS "bucket_6", sum(g."bucket_7") AS "bucket_7", sum(g."bucket_8") AS "bucket_8", sum(g."bucket_9") AS "bucket_9"
      FROM "gone" g GROUP BY g."fiscal_year_id", g."month", g."unit_id", g."kind", g."status"
  ) t
  WHERE ROW(t."sheets", t."lit_red", t."lit_yellow", t."lit_green", t."lit_blue", t."unlit", t."funds_total", t."budget", t."executed", t."projected_count", t."projected_sum", t."final_count", t."final_sum", t."final_excellent", t."final_good", t."final_fair", t."final_poor", t."bucket_0", t."bucket_1", t."bucket_2", t."bucket_3", t."bucket_4", t."bucket_5", t."bucket_6", t."bucket_7", t."bucket_8", t."bucket_9") IS DISTINCT FROM ROW(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
$$;

-- A transition table's rows are records to PL/pgSQL: cast back to the table's row type for the functions above.
CREATE FUNCTION "sheet_figures_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM "tally_new") THEN RETURN NULL; END IF;
  PERFORM "figures_tally_add"(ARRAY(SELECT n::"sheet_figures" FROM "tally_new" n), ARRAY[]::"sheet_figures"[]);
  RETURN NULL;
END;
$$;
CREATE FUNCTION "sheet_figures_tally_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A mark that finds every row already marked in its transaction updates none: nothing to add.
  IF NOT EXISTS (SELECT FROM "tally_new") THEN RETURN NULL; END IF;
  PERFORM "figures_tally_add"(ARRAY(SELECT n::"sheet_figures" FROM "tally_new" n), ARRAY(SELECT o::"sheet_figures" FROM "tally_old" o));
  RETURN NULL;
END;
$$;
CREATE FUNCTION "sheet_figures_tally_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM "tally_old") THEN RETURN NULL; END IF;
  PERFORM "figures_tally_add"(ARRAY[]::"sheet_figures"[], ARRAY(SELECT o::"sheet_figures" FROM "tally_old" o));
  RETURN NULL;
END;
$$;
-- Statement triggers with transition tables: one tally INSERT per statement, however many rows it changed.
CREATE TRIGGER "sheet_figures_tally_insert" AFTER INSERT ON "sheet_figures"
  REFERENCING NEW TABLE AS "tally_new" FOR EACH STATEMENT EXECUTE FUNCTION "sheet_figures_tally_insert"();
CREATE TRIGGER "sheet_figures_tally_update" AFTER UPDATE ON "sheet_figures"
  REFERENCING OLD TABLE AS "tally_old" NEW TABLE AS "tally_new" FOR EACH STATEMENT EXECUTE FUNCTION "sheet_figures_tally_update"();
CREATE TRIGGER "sheet_figures_tally_delete" AFTER DELETE ON "sheet_figures"
  REFERENCING OLD TABLE AS "tally_old" FOR EACH STATEMENT EXECUTE FUNCTION "sheet_figures_tally_delete"();

-- The figures as they stand, a month at a time (one month of 20,000 sheets is one array of 20,000 rows).
SELECT "figures_tally_add"(ARRAY(SELECT f FROM "sheet_figures" f WHERE f."month" = m), ARRAY[]::"sheet_figures"[]) FROM generate_series(1, 12) AS m;

-- 逾期 (lib/deadlines): sheets per fiscal year, unit, kind, status and submitted months (bit m−1 set: month m 已提交 or
-- 已通过). A sheet is 逾期 when its bits lack one of the months whose deadline has passed.
CREATE TABLE "sheet_tally" (
  "id" BIGSERIAL NOT NULL,
  "fiscal_year_id" INTEGER NOT NULL,
  "unit_id" INTEGER NOT NULL,
  "kind" "SheetKind" NOT NULL,
  "status" "SheetStatus" NOT NULL,
  "submitted_mask" INTEGER NOT NULL,
  "sheets" INTEGER NOT NULL,
  CONSTRAINT "sheet_tally_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "sheet_tally_submitted_mask_check" CHECK ("submitted_mask" BETWEEN 0 AND 4095)
);
CREATE INDEX "sheet_tally_fiscal_year_id_kind_status_unit_id_idx" ON "sheet_tally" ("fiscal_year_id", "kind", "status", "unit_id");

CREATE FUNCTION "month_mask"("months" integer[]) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(bit_or(1 << (m - 1)), 0) FROM unnest("months") AS m WHERE m BETWEEN 1 AND 12
$$;

CREATE FUNCTION "sheet_tally_add"("added" "target_sheet"[], "removed" "target_sheet"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "sheet_tally" ("fiscal_year_id", "unit_id", "kind", "status", "submitted_mask", "sheets")
  SELECT t.* FROM (
    SELECT d."fiscal_year_id", d."unit_id", d."kind", d."status", "month_mask"(d."submitted_months") AS "submitted_mask", sum(d."sign") AS "sheets"
      FROM (SELECT a.*, 1 AS "sign" FROM unnest("added") a UNION ALL SELECT r.*, -1 AS "sign" FROM unnest("removed") r) d
     GROUP BY 1, 2, 3, 4, 5
  ) t
  WHERE t."sheets" <> 0;
END;
$$;

CREATE FUNCTION "sheet_tally_compact"("year" integer) RETURNS void LANGUAGE sql AS $$
  WITH "gone" AS (DELETE FROM "sheet_tally" WHERE "fiscal_year_id" = "year" RETURNING *)
  INSERT INTO "sheet_tally" ("fiscal_year_id", "unit_id", "kind", "status", "submitted_mask", "sheets")
  SELECT t.* FROM (
    SELECT g."fiscal_year_id", g."unit_id", g."kind", g."status", g."submitted_mask", sum(g."sheets") AS "sheets"
      FROM "gone" g GROUP BY 1, 2, 3, 4, 5
  ) t
  WHERE t."sheets" <> 0;
$$;

CREATE FUNCTION "target_sheet_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM "tally_new") THEN RETURN NULL; END IF;
  PERFORM "sheet_tally_add"(ARRAY(SELECT n::"target_sheet" FROM "tally_new" n), ARRAY[]::"target_sheet"[]);
  RETURN NULL;
END;
$$;
CREATE FUNCTION "target_sheet_tally_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM "tally_new") THEN RETURN NULL; END IF;
  PERFORM "sheet_tally_add"(ARRAY(SELECT n::"target_sheet" FROM "tally_new" n), ARRAY(SELECT o::"target_sheet" FROM "tally_old" o));
  RETURN NULL;
END;
$$;
CREATE FUNCTION "target_sheet_tally_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM "tally_old") THEN RETURN NULL; END IF;
  PERFORM "sheet_tally_add"(ARRAY[]::"target_sheet"[], ARRAY(SELECT o::"target_sheet" FROM "tally_old" o));
  RETURN NULL;
END;
$$;
CREATE TRIGGER "target_sheet_tally_insert" AFTER INSERT ON "target_sheet"
  REFERENCING NEW TABLE AS "tally_new" FOR EACH STATEMENT EXECUTE FUNCTION "target_sheet_tally_insert"();
CREATE TRIGGER "target_sheet_tally_update" AFTER UPDATE ON "target_sheet"
  REFERENCING OLD TABLE AS "tally_old" NEW TABLE AS "tally_new" FOR EACH STATEMENT EXECUTE FUNCTION "target_sheet_tally_update"();
CREATE TRIGGER "target_sheet_tally_delete" AFTER DELETE ON "target_sheet"
  REFERENCING OLD TABLE AS "tally_old" FOR EACH STATEMENT EXECUTE FUNCTION "target_sheet_tally_delete"();

SELECT "sheet_tally_add"(ARRAY(SELECT s FROM "target_sheet" s), ARRAY[]::"target_sheet"[]);
