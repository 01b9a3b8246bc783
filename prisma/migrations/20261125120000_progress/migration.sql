-- CreateEnum
CREATE TYPE "MonthStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "QualitativeStatus" AS ENUM ('ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED');

-- CreateEnum
CREATE TYPE "Likelihood" AS ENUM ('CERTAIN', 'POSSIBLE', 'IMPOSSIBLE');

-- AlterTable
ALTER TABLE "indicator" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "sheet_month" (
    "id" SERIAL NOT NULL,
    "sheet_id" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "status" "MonthStatus" NOT NULL DEFAULT 'DRAFT',
    "executed" DECIMAL(14,2),
    "review_comment" TEXT NOT NULL DEFAULT '',
    "submitted_at" TIMESTAMP(3),
    "submitted_by_id" INTEGER,
    "reviewed_at" TIMESTAMP(3),
    "reviewed_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sheet_month_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sheet_month_month_check" CHECK ("month" BETWEEN 1 AND 12)
);

-- CreateTable
CREATE TABLE "progress_entry" (
    "id" SERIAL NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "value" DECIMAL(18,4),
    "qualitative_value" "QualitativeStatus",
    "likelihood" "Likelihood",
    "forecast" DECIMAL(18,4),
    "deviation_reason" TEXT NOT NULL DEFAULT '',
    "improvement" TEXT NOT NULL DEFAULT '',
    "updated_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "progress_entry_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "progress_entry_month_check" CHECK ("month" BETWEEN 1 AND 12)
);

-- CreateTable
CREATE TABLE "budget_adjustment" (
    "id" SERIAL NOT NULL,
    "sheet_id" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "budget_adjustment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "budget_adjustment_month_check" CHECK ("month" BETWEEN 1 AND 12)
);

-- CreateTable
CREATE TABLE "evidence_file" (
    "id" SERIAL NOT NULL,
    "sheet_id" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "indicator_id" INTEGER,
    "sha256" TEXT NOT NULL,
    "original_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "uploaded_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "evidence_file_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "evidence_file_month_check" CHECK ("month" BETWEEN 1 AND 12)
);

-- CreateIndex
CREATE INDEX "sheet_month_submitted_by_id_idx" ON "sheet_month"("submitted_by_id");

-- CreateIndex
CREATE INDEX "sheet_month_reviewed_by_id_idx" ON "sheet_month"("reviewed_by_id");

-- CreateIndex
CREATE INDEX "sheet_month_status_idx" ON "sheet_month"("status");

-- CreateIndex
CREATE UNIQUE INDEX "sheet_month_sheet_id_month_key" ON "sheet_month"("sheet_id", "month");

-- CreateIndex
CREATE INDEX "progress_entry_updated_by_id_idx" ON "progress_entry"("updated_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "progress_entry_indicator_id_month_key" ON "progress_entry"("indicator_id", "month");

-- CreateIndex
CREATE INDEX "budget_adjustment_sheet_id_month_idx" ON "budget_adjustment"("sheet_id", "month");

-- CreateIndex
CREATE INDEX "budget_adjustment_created_by_id_idx" ON "budget_adjustment"("created_by_id");

-- CreateIndex
CREATE INDEX "evidence_file_sheet_id_month_idx" ON "evidence_file"("sheet_id", "month");

-- CreateIndex
CREATE INDEX "evidence_file_indicator_id_idx" ON "evidence_file"("indicator_id");

-- CreateIndex
CREATE INDEX "evidence_file_uploaded_by_id_idx" ON "evidence_file"("uploaded_by_id");

-- CreateIndex
CREATE INDEX "evidence_file_sha256_idx" ON "evidence_file"("sha256");

-- AddForeignKey
ALTER TABLE "sheet_month" ADD CONSTRAINT "sheet_month_sheet_id_fkey" FOREIGN KEY ("sheet_id") REFERENCES "target_sheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sheet_month" ADD CONSTRAINT "sheet_month_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sheet_month" ADD CONSTRAINT "sheet_month_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_entry" ADD CONSTRAINT "progress_entry_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_entry" ADD CONSTRAINT "progress_entry_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_adjustment" ADD CONSTRAINT "budget_adjustment_sheet_id_fkey" FOREIGN KEY ("sheet_id") REFERENCES "target_sheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_adjustment" ADD CONSTRAINT "budget_adjustment_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_file" ADD CONSTRAINT "evidence_file_sheet_id_fkey" FOREIGN KEY ("sheet_id") REFERENCES "target_sheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_file" ADD CONSTRAINT "evidence_file_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_file" ADD CONSTRAINT "evidence_file_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
