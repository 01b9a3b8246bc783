-- Period locks: an admin closes months 1…N of a fiscal year for every sheet of the year (0 = nothing locked,
-- 12 = the whole year). Who moved the lock and when is in the audit log, so no other column is needed.

-- AlterTable
ALTER TABLE "fiscal_year" ADD COLUMN "locked_through_month" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "fiscal_year_locked_through_month_check" CHECK ("locked_through_month" BETWEEN 0 AND 12);
