-- Reporting deadlines and the reminder scheduler's lease. A deadline row exists only where an admin moved a
-- deadline away from its default (lib/deadlines/rules.ts); the lease names the one app instance that sends the
-- time-based reminders (lib/reminders).

-- CreateEnum
CREATE TYPE "DeadlineKind" AS ENUM ('REPORT', 'SELF_EVALUATION', 'EVALUATION');

-- CreateTable
CREATE TABLE "deadline" (
    "fiscal_year_id" INTEGER NOT NULL,
    "kind" "DeadlineKind" NOT NULL,
    "month" INTEGER NOT NULL DEFAULT 0,
    "due_date" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "deadline_pkey" PRIMARY KEY ("fiscal_year_id","kind","month"),
    CONSTRAINT "deadline_month_check" CHECK (("kind" = 'REPORT' AND "month" BETWEEN 1 AND 12) OR ("kind" <> 'REPORT' AND "month" = 0))
);

-- CreateTable
CREATE TABLE "scheduler_lease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "scheduler_lease_pkey" PRIMARY KEY ("name")
);

-- AddForeignKey
ALTER TABLE "deadline" ADD CONSTRAINT "deadline_fiscal_year_id_fkey" FOREIGN KEY ("fiscal_year_id") REFERENCES "fiscal_year"("id") ON DELETE CASCADE ON UPDATE CASCADE;
