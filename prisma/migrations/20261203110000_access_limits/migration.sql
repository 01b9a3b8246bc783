-- Per-user request rate limits (token buckets) and the admin-set limits of the evidence store (issue 11).

-- CreateTable
CREATE TABLE "rate_limit_bucket" (
    "user_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilled_at" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "rate_limit_bucket_pkey" PRIMARY KEY ("user_id","kind")
);

-- CreateTable
CREATE TABLE "evidence_limits" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "sheet_quota_mb" INTEGER NOT NULL,
    "user_quota_mb" INTEGER NOT NULL,
    "min_free_mb" INTEGER NOT NULL,
    "min_free_percent" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "evidence_limits_pkey" PRIMARY KEY ("id")
);
