import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import { createTestDatabase } from "@/lib/db/test-database";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { demoActors } from "@/lib/seed/demo-actors";
import { seedIfEmpty } from "@/lib/seed/seed-database";

/** Integration-test setup: a fresh seeded database with the demo users, and handles on the seed's sheets. */

export const SHEET_NAMES = {
  /** Led by 冯先生 (demo user `lead`). */
  liangqu: "2025年“两区”创新建设专项",
  /** Led by 冯先生 too. */
  peitao: "落实2023年厅地联动市级配套专项资金",
  /** Led by 范先生 (demo user `lead2`). */
  kepu: "乌鲁木齐市系列科普工作",
} as const;

export const USER_KEYS = ["admin", "manager", "lead", "lead2", "evaluator"] as const;
export type UserKey = (typeof USER_KEYS)[number];

export interface Fixture {
  db: Database;
  actors: Record<UserKey, Actor>;
  sheets: Record<keyof typeof SHEET_NAMES, number>;
  /** Indicator ids of the 两区 sheet in printed order. */
  liangquRows: { id: number; name: string }[];
}

/** Well after the 2025 fiscal year: every month of 2025 is open for reporting. */
export const AFTER_2025 = new Date("2026-03-01T00:00:00Z");

export async function createFixture(): Promise<Fixture> {
  const db = await createTestDatabase();
  await seedIfEmpty(db.prisma, { demoUsers: true });
  const actors: Record<UserKey, Actor> = await demoActors(db.prisma);
  const sheetId = async (name: string) => (await db.prisma.targetSheet.findFirstOrThrow({ where: { name } })).id;
  const sheets = { liangqu: await sheetId(SHEET_NAMES.liangqu), peitao: await sheetId(SHEET_NAMES.peitao), kepu: await sheetId(SHEET_NAMES.kepu) };
  const liangquRows = await db.prisma.indicator.findMany({ where: { sheetId: sheets.liangqu }, orderBy: { position: "asc" }, select: { id: true, name: true } });
  return { db, actors, sheets, liangquRows };
}

/** The AppError code a promise rejects with, or "OK" when it resolves. */
export async function outcome(work: Promise<unknown>): Promise<AppErrorCode | "OK"> {
  try {
    await work;
    return "OK";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

/** The AppError a promise rejects with (fails the test when it resolves or throws something else). */
export async function refusal(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the use case to be refused");
}
