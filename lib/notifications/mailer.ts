import "server-only";
import nodemailer from "nodemailer";
import type { NotificationSettings } from "@/lib/generated/prisma/client";
import { openSecret } from "./secret-box";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Stable per outbox message, so a receiving server can recognise a resend of the same message. */
  messageId: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** Waits on a dead or silent server are bounded, so one sender pass never outlives its lease (drain-outbox.ts). */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/** A mailer over the admin's SMTP settings (nodemailer; docs/dependencies.md). */
export function smtpMailer(settings: NotificationSettings): Mailer {
  const password = settings.smtpPasswordCipher ? openSecret(settings.smtpPasswordCipher, "SMTP 密码") : "";
  const transport = nodemailer.createTransport({
    host: settings.smtpHost,
    port: settings.smtpPort,
    secure: settings.smtpSecurity === "TLS",
    requireTLS: settings.smtpSecurity === "STARTTLS",
    ignoreTLS: settings.smtpSecurity === "NONE",
    auth: settings.smtpUser ? { user: settings.smtpUser, pass: password } : undefined,
    ...TIMEOUTS,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: settings.smtpSender, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
    },
    close: () => transport.close(),
  };
}
