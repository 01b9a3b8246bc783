import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import { SEED_SHEET_NAMES, seededTestDatabase, sheetIdsByName } from "./factory";

export { outcome, refusal } from "./errors";

/** Integration-test setup: a fresh seeded database with the demo users, and handles on the seed's sheets. */

export const SHEET_NAMES = SEED_SHEET_NAMES;

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
  const { db, actors } = await seededTestDatabase();
  const sheetId = await sheetIdsByName(db.prisma);
  const sheets = { liangqu: sheetId(SHEET_NAMES.liangqu), peitao: sheetId(SHEET_NAMES.peitao), kepu: sheetId(SHEET_NAMES.kepu) };
  const liangquRows = await db.prisma.indicator.findMany({
    where: { sheetId: sheets.liangqu },
    orderBy: { position: "asc" },
    select: { id: true, name: true },
  });
  return { db, actors, sheets, liangquRows };
}
