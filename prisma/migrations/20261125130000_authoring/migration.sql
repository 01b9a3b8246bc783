-- CreateEnum
CREATE TYPE "SheetStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED');

-- AlterTable: sheets that exist already were published (the seed and imports).
ALTER TABLE "target_sheet" ADD COLUMN "status" "SheetStatus" NOT NULL DEFAULT 'PUBLISHED',
ADD COLUMN "author_id" INTEGER,
ADD COLUMN "source_sheet_id" INTEGER,
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "indicator" ADD COLUMN "original_target_raw" TEXT;

-- CreateTable
CREATE TABLE "target_adjustment" (
    "id" SERIAL NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "before_target_raw" TEXT NOT NULL,
    "after_target_raw" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requested_by_id" INTEGER,
    "approved_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "target_adjustment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "target_sheet_author_id_idx" ON "target_sheet"("author_id");

-- CreateIndex
CREATE INDEX "target_sheet_source_sheet_id_idx" ON "target_sheet"("source_sheet_id");

-- CreateIndex
CREATE INDEX "target_adjustment_indicator_id_idx" ON "target_adjustment"("indicator_id");

-- CreateIndex
CREATE INDEX "target_adjustment_requested_by_id_idx" ON "target_adjustment"("requested_by_id");

-- CreateIndex
CREATE INDEX "target_adjustment_approved_by_id_idx" ON "target_adjustment"("approved_by_id");

-- AddForeignKey
ALTER TABLE "target_sheet" ADD CONSTRAINT "target_sheet_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_sheet" ADD CONSTRAINT "target_sheet_source_sheet_id_fkey" FOREIGN KEY ("source_sheet_id") REFERENCES "target_sheet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_adjustment" ADD CONSTRAINT "target_adjustment_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_adjustment" ADD CONSTRAINT "target_adjustment_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_adjustment" ADD CONSTRAINT "target_adjustment_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
