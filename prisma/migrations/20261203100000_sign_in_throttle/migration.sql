-- Sign-in throttling held in the database (docs/security.md): by account, by client address and by the pair,
-- shared by every app instance. It replaces the per-user counter and lock of 20261125160000_sessions.

-- AlterTable
ALTER TABLE "app_user" DROP COLUMN "failed_logins",
DROP COLUMN "locked_until";

-- CreateTable
CREATE TABLE "sign_in_throttle" (
    "username" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "attempts" TIMESTAMP(3)[],
    "locked_until" TIMESTAMP(3),
    "lock_count" INTEGER NOT NULL DEFAULT 0,
    "last_success_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("username","address")
);

-- CreateIndex
CREATE INDEX "sign_in_throttle_address_idx" ON "sign_in_throttle"("address");

-- CreateIndex
CREATE INDEX "sign_in_throttle_updated_at_idx" ON "sign_in_throttle"("updated_at");
