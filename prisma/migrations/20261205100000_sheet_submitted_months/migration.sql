-- 逾期 (lib/deadlines/overdue.ts) asks of every sheet which months whose deadline has passed it has not submitted.
-- Asked of sheet_month, that is one anti-join probe per sheet and passed month: at province scale (20,000 sheets,
-- 12 months) the scorecard's 逾期 counts took seconds. Each sheet now carries the months it has submitted (已提交 or
-- 已通过), kept by a trigger on sheet_month whoever writes, so 逾期 is one array test on the sheet's own row.

ALTER TABLE "target_sheet" ADD COLUMN "submitted_months" INTEGER[] DEFAULT ARRAY[]::INTEGER[];
-- A list column is nullable in Prisma's SQL; a NULL here would hide a sheet from 逾期, so it is refused.
ALTER TABLE "target_sheet" ADD CONSTRAINT "target_sheet_submitted_months_check" CHECK ("submitted_months" IS NOT NULL);

CREATE FUNCTION "target_sheet_set_submitted_months"("sheet" integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Only when different: the update would otherwise fire target_sheet's own triggers for nothing.
  UPDATE "target_sheet" s SET "submitted_months" = m."months"
    FROM (SELECT COALESCE(array_agg(sm."month" ORDER BY sm."month"), ARRAY[]::integer[]) AS "months"
            FROM "sheet_month" sm WHERE sm."sheet_id" = "sheet" AND sm."status" IN ('SUBMITTED', 'APPROVED')) m
   WHERE s."id" = "sheet" AND s."submitted_months" IS DISTINCT FROM m."months";
END;
$$;

CREATE FUNCTION "sheet_month_submitted_months"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "target_sheet_set_submitted_months"(NEW."sheet_id");
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "target_sheet_set_submitted_months"(OLD."sheet_id");
  ELSE
    PERFORM "target_sheet_set_submitted_months"(OLD."sheet_id");
    IF NEW."sheet_id" <> OLD."sheet_id" THEN
      PERFORM "target_sheet_set_submitted_months"(NEW."sheet_id");
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "sheet_month_submitted_months" AFTER INSERT OR DELETE ON "sheet_month"
  FOR EACH ROW EXECUTE FUNCTION "sheet_month_submitted_months"();
CREATE TRIGGER "sheet_month_submitted_months_update" AFTER UPDATE ON "sheet_month"
  FOR EACH ROW WHEN (OLD."sheet_id" IS DISTINCT FROM NEW."sheet_id" OR OLD."month" IS DISTINCT FROM NEW."month"
                     OR OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION "sheet_month_submitted_months"();

-- The submitted months are not a figure: keeping them must not mark the sheet's twelve months of figures stale.
-- Dropped before the backfill for the same reason (recreated below).
DROP TRIGGER "target_sheet_figures_touch" ON "target_sheet";

UPDATE "target_sheet" s SET "submitted_months" = COALESCE(
  (SELECT array_agg(sm."month" ORDER BY sm."month") FROM "sheet_month" sm
    WHERE sm."sheet_id" = s."id" AND sm."status" IN ('SUBMITTED', 'APPROVED')),
  ARRAY[]::integer[]);

CREATE TRIGGER "target_sheet_figures_touch" AFTER UPDATE ON "target_sheet"
  FOR EACH ROW WHEN (OLD."submitted_months" IS NOT DISTINCT FROM NEW."submitted_months")
  EXECUTE FUNCTION "sheet_figures_touch_sheet"();
