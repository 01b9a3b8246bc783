-- Notifications (docs/notifications.md): in-app notifications per user, an outbox of e-mail and robot-webhook
-- messages written in the event's transaction, users' e-mail choices per event, the admin's SMTP settings and a
-- group robot per department.

-- CreateEnum
CREATE TYPE "NotificationEvent" AS ENUM ('MONTH_SUBMITTED', 'MONTH_RETURNED', 'MONTH_APPROVED', 'MONTH_REOPENED', 'EVALUATION_FINALISED', 'EVALUATION_REOPENED', 'SHEET_ASSIGNED', 'DEADLINE_SOON', 'DEADLINE_PASSED', 'OVERDUE_SUMMARY');

-- CreateEnum
CREATE TYPE "DeliveryMode" AS ENUM ('IMMEDIATE', 'DIGEST', 'OFF');

-- CreateEnum
CREATE TYPE "OutboxChannel" AS ENUM ('EMAIL', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "SmtpSecurity" AS ENUM ('NONE', 'STARTTLS', 'TLS');

-- CreateEnum
CREATE TYPE "RobotPlatform" AS ENUM ('WECOM', 'DINGTALK', 'FEISHU');

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN "email" TEXT,
ADD CONSTRAINT "app_user_email_check" CHECK ("email" IS NULL OR "email" ~ '^[^@[:space:]]+@[^@[:space:]]+$');

-- CreateTable
CREATE TABLE "notification" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "event" "NotificationEvent" NOT NULL,
    "sheet_id" INTEGER,
    "month" INTEGER,
    "link" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "idempotency_key" TEXT NOT NULL,
    "email_digest" BOOLEAN NOT NULL DEFAULT false,
    "digested_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMP(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_month_check" CHECK ("month" BETWEEN 1 AND 12),
    -- An in-app link, never an address elsewhere.
    CONSTRAINT "notification_link_check" CHECK ("link" LIKE '/%' AND "link" NOT LIKE '//%'),
    CONSTRAINT "notification_title_check" CHECK ("title" <> '')
);

-- CreateTable
CREATE TABLE "notification_preference" (
    "user_id" INTEGER NOT NULL,
    "event" "NotificationEvent" NOT NULL,
    "mode" "DeliveryMode" NOT NULL,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("user_id","event")
);

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" SERIAL NOT NULL,
    "channel" "OutboxChannel" NOT NULL,
    "event" "NotificationEvent" NOT NULL,
    "recipient_user_id" INTEGER,
    "department_id" INTEGER,
    "address" TEXT NOT NULL DEFAULT '',
    "subject" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "outbox_message_attempts_check" CHECK ("attempts" >= 0),
    -- An e-mail has its address; a webhook message names the department whose robot posts it.
    CONSTRAINT "outbox_message_recipient_check" CHECK (("channel" = 'EMAIL' AND "address" <> '') OR ("channel" = 'WEBHOOK' AND "department_id" IS NOT NULL)),
    -- SENT exactly when it has been sent.
    CONSTRAINT "outbox_message_sent_check" CHECK (("status" = 'SENT') = ("sent_at" IS NOT NULL))
);

-- CreateTable
CREATE TABLE "notification_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "smtp_enabled" BOOLEAN NOT NULL DEFAULT false,
    "smtp_host" TEXT NOT NULL DEFAULT '',
    "smtp_port" INTEGER NOT NULL DEFAULT 25,
    "smtp_security" "SmtpSecurity" NOT NULL DEFAULT 'NONE',
    "smtp_user" TEXT NOT NULL DEFAULT '',
    "smtp_password_cipher" TEXT,
    "smtp_sender" TEXT NOT NULL DEFAULT '',
    "public_url" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notification_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_settings_single_row_check" CHECK ("id" = 1),
    CONSTRAINT "notification_settings_smtp_port_check" CHECK ("smtp_port" BETWEEN 1 AND 65535),
    CONSTRAINT "notification_settings_smtp_enabled_check" CHECK (NOT "smtp_enabled" OR ("smtp_host" <> '' AND "smtp_sender" <> ''))
);

-- CreateTable
CREATE TABLE "department_robot" (
    "id" SERIAL NOT NULL,
    "department_id" INTEGER NOT NULL,
    "platform" "RobotPlatform" NOT NULL,
    "webhook_url" TEXT NOT NULL,
    "secret_cipher" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "department_robot_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "department_robot_webhook_url_check" CHECK ("webhook_url" ~ '^https?://')
);

-- CreateIndex
CREATE UNIQUE INDEX "notification_idempotency_key_key" ON "notification"("idempotency_key");

-- CreateIndex
CREATE INDEX "notification_user_id_created_at_idx" ON "notification"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_idx" ON "notification"("user_id", "read_at");

-- CreateIndex
CREATE INDEX "notification_sheet_id_idx" ON "notification"("sheet_id");

-- CreateIndex
CREATE INDEX "notification_email_digest_digested_at_idx" ON "notification"("email_digest", "digested_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_message_idempotency_key_key" ON "outbox_message"("idempotency_key");

-- CreateIndex
CREATE INDEX "outbox_message_status_next_attempt_at_idx" ON "outbox_message"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_message_recipient_user_id_idx" ON "outbox_message"("recipient_user_id");

-- CreateIndex
CREATE INDEX "outbox_message_department_id_idx" ON "outbox_message"("department_id");

-- CreateIndex
CREATE INDEX "outbox_message_created_at_idx" ON "outbox_message"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "department_robot_department_id_key" ON "department_robot"("department_id");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department_robot" ADD CONSTRAINT "department_robot_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE CASCADE ON UPDATE CASCADE;
