-- The sheet and the department an audit entry belongs to, as columns: the 操作日志 filters by sheet and scopes a
-- manager to their department through indexes instead of scanning the entries' JSON. Neither has a foreign key:
-- the log is append-only and outlives the sheets (and departments) it names.

-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN "sheet_id" INTEGER,
ADD COLUMN "department_id" INTEGER;

-- CreateIndex
CREATE INDEX "audit_log_sheet_id_idx" ON "audit_log"("sheet_id");

-- CreateIndex
CREATE INDEX "audit_log_department_id_id_idx" ON "audit_log"("department_id", "id");

-- Backfill the entries written before, by the rules appendAudit (lib/audit/append-audit.ts) now applies:
-- - sheet: a `TargetSheet` entry's own id, else `sheetId` of `after`, else of `before` (an integer id);
-- - department: of that sheet (null if the sheet is gone); else — the seed's bulk assignment, `after.sheetIds` —
--   of those sheets when they all lie in one department (the entry keeps no sheet: it names several); else
--   `departmentId` of `after`, else of `before` (users, units); else, for a `User` entry whose JSON has no
--   `departmentId` at all (password resets), the user's department as it is now.

-- An integer id in text, or null (never an error: old JSON may hold anything).
CREATE FUNCTION pg_temp."audit_int"(value TEXT) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value ~ '^[1-9][0-9]{0,9}$' THEN CASE WHEN value::BIGINT <= 2147483647 THEN value::INTEGER END END
$$;

-- `doc.field` when it is a number that is an integer id, else null.
CREATE FUNCTION pg_temp."audit_json_int"(doc JSONB, field TEXT) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(doc -> field) = 'number' THEN pg_temp."audit_int"(doc ->> field) END
$$;

-- Whether `doc` is an object with `field` (even if its value is null).
CREATE FUNCTION pg_temp."audit_json_has"(doc JSONB, field TEXT) RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(jsonb_typeof(doc) = 'object' AND doc ? field, false)
$$;

-- The append-only trigger refuses every UPDATE, so it is off for this one statement. lib/db/migrate.ts runs a
-- migration in one transaction, and ALTER TABLE holds the table's lock until it ends: no other write slips through.
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_no_update_delete";

WITH "named" AS (
  SELECT "id", "entity_type", "entity_id", "before", "after",
    CASE WHEN "entity_type" = 'TargetSheet' THEN pg_temp."audit_int"("entity_id")
         ELSE COALESCE(pg_temp."audit_json_int"("after", 'sheetId'), pg_temp."audit_json_int"("before", 'sheetId'))
    END AS "sheet_id"
  FROM "audit_log"
), "scoped" AS (
  SELECT n."id", n."sheet_id",
    CASE
      WHEN n."sheet_id" IS NOT NULL THEN
        (SELECT u."department_id" FROM "target_sheet" s JOIN "budget_unit" u ON u."id" = s."unit_id" WHERE s."id" = n."sheet_id")
      WHEN jsonb_typeof(n."after" -> 'sheetIds') = 'array' THEN
        (SELECT CASE WHEN COUNT(DISTINCT u."department_id") = 1 THEN MIN(u."department_id") END
           FROM jsonb_array_elements(n."after" -> 'sheetIds') AS e("value")
           JOIN "target_sheet" s ON jsonb_typeof(e."value") = 'number' AND s."id" = pg_temp."audit_int"(e."value" #>> '{}')
           JOIN "budget_unit" u ON u."id" = s."unit_id")
      WHEN pg_temp."audit_json_has"(n."after", 'departmentId') OR pg_temp."audit_json_has"(n."before", 'departmentId') THEN
        COALESCE(pg_temp."audit_json_int"(n."after", 'departmentId'), pg_temp."audit_json_int"(n."before", 'departmentId'))
      WHEN n."entity_type" = 'User' THEN
        (SELECT a."department_id" FROM "app_user" a WHERE a."id" = pg_temp."audit_int"(n."entity_id"))
    END AS "department_id"
  FROM "named" n
)
UPDATE "audit_log" l SET "sheet_id" = s."sheet_id", "department_id" = s."department_id"
  FROM "scoped" s
 WHERE l."id" = s."id" AND (s."sheet_id" IS NOT NULL OR s."department_id" IS NOT NULL);

ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_no_update_delete";

DROP FUNCTION pg_temp."audit_json_has"(JSONB, TEXT);
DROP FUNCTION pg_temp."audit_json_int"(JSONB, TEXT);
DROP FUNCTION pg_temp."audit_int"(TEXT);
