-- A save changes three rows and the month's 执行数: each change's trigger marked the months it reaches stale again,
-- writing a new version of the same wide figures rows (and of their seven indexes) four times before the write's own
-- refresh wrote them a fifth. A row this transaction has already marked stale, and not recomputed since, needs no
-- second mark: the refresh at the end of the write reads every change of its own transaction, and a refresh in
-- another transaction cannot mark it fresh meanwhile (it waits for this transaction's lock on the row, then finds
-- change_seq moved past what it computed). A row recomputed in this transaction is marked again as before.
-- (`xmin` is the transaction that wrote the row's current version; a change inside a savepoint has its own id and
-- marks again, which is only redundant.)

CREATE FUNCTION "sheet_figures_marked_here"("xmin" xid, "change_seq" bigint, "computed_seq" bigint) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT "xmin" = pg_current_xact_id()::xid AND "change_seq" <> "computed_seq" $$;

CREATE OR REPLACE FUNCTION "sheet_figures_touch_sheet"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "sheet_figures" f SET "change_seq" = f."change_seq" + 1
   WHERE f."sheet_id" = NEW."id" AND NOT "sheet_figures_marked_here"(f."xmin", f."change_seq", f."computed_seq");
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "sheet_figures_touch_by_sheet_id"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "sheet_figures" f SET "change_seq" = f."change_seq" + 1
     WHERE f."sheet_id" = NEW."sheet_id" AND NOT "sheet_figures_marked_here"(f."xmin", f."change_seq", f."computed_seq");
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "sheet_figures" f SET "change_seq" = f."change_seq" + 1
     WHERE f."sheet_id" = OLD."sheet_id" AND NOT "sheet_figures_marked_here"(f."xmin", f."change_seq", f."computed_seq");
  ELSE
    UPDATE "sheet_figures" f SET "change_seq" = f."change_seq" + 1
     WHERE f."sheet_id" IN (OLD."sheet_id", NEW."sheet_id") AND NOT "sheet_figures_marked_here"(f."xmin", f."change_seq", f."computed_seq");
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "sheet_figures_touch_by_sheet_month"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "sheet_figures" f SET "change_seq" = f."change_seq" + 1
     WHERE f."sheet_id" = NEW."sheet_id" AND f."month" >= NEW."month"
       AND NOT "sheet_figures_marked_here"(f."xmin", f."change_seq", f."computed_seq");
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "sheet_figures" f SET "change_seq" = f."change_seq" + 1
     WHERE f."sheet_id" = OLD."sheet_id" AND f."month" >= OLD."month"
       AND NOT "sheet_figures_marked_here"(f."xmin", f."change_seq", f."computed_seq");
  ELSE
    UPDATE "sheet_figures" f SET "change_seq" = f."change_seq" + 1
     WHERE ((f."sheet_id" = OLD."sheet_id" AND f."month" >= OLD."month") OR (f."sheet_id" = NEW."sheet_id" AND f."month" >= NEW."month"))
       AND NOT "sheet_figures_marked_here"(f."xmin", f."change_seq", f."computed_seq");
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "sheet_figures_touch_by_entry_month"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "sheet_figures" f SET "change_seq" = f."change_seq" + 1
     WHERE f."sheet_id" = (SELECT "sheet_id" FROM "indicator" WHERE "id" = NEW."indicator_id") AND f."month" >= NEW."month"
       AND NOT "sheet_figures_marked_here"(f."xmin", f."change_seq", f."computed_seq");
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "sheet_figures" f SET "change_seq" = f."change_seq" + 1
     WHERE f."sheet_id" = (SELECT "sheet_id" FROM "indicator" WHERE "id" = OLD."indicator_id") AND f."month" >= OLD."month"
       AND NOT "sheet_figures_marked_here"(f."xmin", f."change_seq", f."computed_seq");
  ELSE
    UPDATE "sheet_figures" f SET "change_seq" = f."change_seq" + 1
     WHERE ((f."sheet_id" = (SELECT "sheet_id" FROM "indicator" WHERE "id" = OLD."indicator_id") AND f."month" >= OLD."month")
         OR (f."sheet_id" = (SELECT "sheet_id" FROM "indicator" WHERE "id" = NEW."indicator_id") AND f."month" >= NEW."month"))
       AND NOT "sheet_figures_marked_here"(f."xmin", f."change_seq", f."computed_seq");
  END IF;
  RETURN NULL;
END;
$$;
