-- CreateEnum
CREATE TYPE "EvaluationKind" AS ENUM ('SELF', 'EVALUATOR');

-- CreateEnum
CREATE TYPE "EvaluationStatus" AS ENUM ('DRAFT', 'FINAL');

-- CreateEnum
CREATE TYPE "GradeBand" AS ENUM ('ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED');

-- CreateTable
CREATE TABLE "evaluation" (
    "id" SERIAL NOT NULL,
    "sheet_id" INTEGER NOT NULL,
    "kind" "EvaluationKind" NOT NULL,
    "status" "EvaluationStatus" NOT NULL DEFAULT 'DRAFT',
    "executed" DECIMAL(14,2),
    "total" DECIMAL(7,2),
    "grade" TEXT,
    "finalised_at" TIMESTAMP(3),
    "finalised_by_id" INTEGER,
    "reopen_reason" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_row" (
    "id" SERIAL NOT NULL,
    "evaluation_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "actual" DECIMAL(18,4),
    "band" "GradeBand",
    "grade_score" DECIMAL(7,2),
    "deduction_points" DECIMAL(7,2),
    "deduction_reason" TEXT NOT NULL DEFAULT '',
    "deviation_reason" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "evaluation_row_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "evaluation_finalised_by_id_idx" ON "evaluation"("finalised_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_sheet_id_kind_key" ON "evaluation"("sheet_id", "kind");

-- CreateIndex
CREATE INDEX "evaluation_row_indicator_id_idx" ON "evaluation_row"("indicator_id");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_row_evaluation_id_indicator_id_key" ON "evaluation_row"("evaluation_id", "indicator_id");

-- AddForeignKey
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_sheet_id_fkey" FOREIGN KEY ("sheet_id") REFERENCES "target_sheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_finalised_by_id_fkey" FOREIGN KEY ("finalised_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_row" ADD CONSTRAINT "evaluation_row_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_row" ADD CONSTRAINT "evaluation_row_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;
