-- An evaluator may finalise before the lead has submitted their 自评 only with a reason, kept with the
-- evaluation (shown on the 自评表; the audit log keeps it too). The lead's submitted 自评 is its FINAL status.

-- AlterTable
ALTER TABLE "evaluation" ADD COLUMN "early_finalise_reason" TEXT NOT NULL DEFAULT '';
