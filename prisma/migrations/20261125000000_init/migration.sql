-- CreateEnum
CREATE TYPE "SheetKind" AS ENUM ('PROJECT', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'MANAGER', 'LEAD', 'EVALUATOR');

-- CreateEnum
CREATE TYPE "MeasureType" AS ENUM ('CUMULATIVE', 'LEVEL');

-- CreateEnum
CREATE TYPE "AssignmentRole" AS ENUM ('LEAD', 'EVALUATOR');

-- CreateEnum
CREATE TYPE "Comparator" AS ENUM ('GTE', 'GT', 'EQ', 'LTE', 'LT');

-- CreateTable
CREATE TABLE "department" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_unit" (
    "id" SERIAL NOT NULL,
    "department_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "budget_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fiscal_year" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "fiscal_year_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target_sheet" (
    "id" SERIAL NOT NULL,
    "kind" "SheetKind" NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "fiscal_year_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "lead" TEXT NOT NULL,
    "funds_total" DECIMAL(14,2) NOT NULL,
    "funds_fiscal" DECIMAL(14,2) NOT NULL,
    "funds_other" DECIMAL(14,2) NOT NULL,
    "goal" TEXT NOT NULL,
    "budget_execution_weight" DECIMAL(7,2),
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "target_sheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" SERIAL NOT NULL,
    "sheet_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "level1" TEXT NOT NULL,
    "level2" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "target_raw" TEXT NOT NULL,
    "target_op" "Comparator",
    "target_value" DECIMAL(18,4),
    "target_unit" TEXT,
    "target_qualitative" TEXT,
    "measure_type" "MeasureType" NOT NULL,
    "basis" TEXT NOT NULL,
    "last_year" TEXT NOT NULL,
    "weight" DECIMAL(7,2) NOT NULL,
    "rule" TEXT NOT NULL,
    "evidence" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "department_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sheet_assignment" (
    "id" SERIAL NOT NULL,
    "sheet_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "role" "AssignmentRole" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sheet_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" INTEGER,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "department_name_key" ON "department"("name");

-- CreateIndex
CREATE INDEX "budget_unit_department_id_idx" ON "budget_unit"("department_id");

-- CreateIndex
CREATE UNIQUE INDEX "budget_unit_department_id_name_key" ON "budget_unit"("department_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "fiscal_year_year_key" ON "fiscal_year"("year");

-- CreateIndex
CREATE INDEX "target_sheet_unit_id_idx" ON "target_sheet"("unit_id");

-- CreateIndex
CREATE INDEX "target_sheet_fiscal_year_id_position_idx" ON "target_sheet"("fiscal_year_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "target_sheet_unit_id_fiscal_year_id_name_key" ON "target_sheet"("unit_id", "fiscal_year_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_sheet_id_position_key" ON "indicator"("sheet_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE INDEX "app_user_department_id_idx" ON "app_user"("department_id");

-- CreateIndex
CREATE INDEX "sheet_assignment_user_id_idx" ON "sheet_assignment"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "sheet_assignment_sheet_id_user_id_role_key" ON "sheet_assignment"("sheet_id", "user_id", "role");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_idx" ON "audit_log"("actor_id");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at");

-- AddForeignKey
ALTER TABLE "budget_unit" ADD CONSTRAINT "budget_unit_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_sheet" ADD CONSTRAINT "target_sheet_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "budget_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_sheet" ADD CONSTRAINT "target_sheet_fiscal_year_id_fkey" FOREIGN KEY ("fiscal_year_id") REFERENCES "fiscal_year"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_sheet_id_fkey" FOREIGN KEY ("sheet_id") REFERENCES "target_sheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sheet_assignment" ADD CONSTRAINT "sheet_assignment_sheet_id_fkey" FOREIGN KEY ("sheet_id") REFERENCES "target_sheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sheet_assignment" ADD CONSTRAINT "sheet_assignment_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit log is append-only: history must not be rewritten, not even by the application.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
