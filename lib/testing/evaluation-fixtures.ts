import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import { SEED_SHEET_NAMES, seededTestDatabase, sheetIdsByName } from "./factory";
import type { SaveEvaluationInput } from "@/lib/evaluation/write-evaluation";

export { outcome, refusal } from "./errors";

/** Integration-test setup: a fresh seeded database with the demo users, and handles on the seed's 两区 sheet. */

export const LIANGQU = SEED_SHEET_NAMES.liangqu;
export const KEPU = SEED_SHEET_NAMES.kepu;

export type UserKey = "admin" | "manager" | "lead" | "lead2" | "evaluator";

export interface Fixture {
  db: Database;
  actors: Record<UserKey, Actor>;
  sheetId: number;
  /** The 两区 sheet's indicators in printed order. */
  rows: { id: number; name: string; weight: string }[];
}

export async function createFixture(): Promise<Fixture> {
  const { db, actors } = await seededTestDatabase();
  const sheetId = (await sheetIdsByName(db.prisma))(LIANGQU);
  const rows = (await db.prisma.indicator.findMany({ where: { sheetId }, orderBy: { position: "asc" } })).map((i) => ({
    id: i.id,
    name: i.name,
    weight: i.weight.toString(),
  }));
  return { db, actors, sheetId, rows };
}

/** Removes every evaluation and progress record (and audit entries stay: the log is append-only). */
export async function resetEvaluations(db: Database): Promise<void> {
  await db.prisma.evaluation.deleteMany();
  await db.prisma.progressEntry.deleteMany();
  await db.prisma.sheetMonth.deleteMany();
  await db.prisma.budgetAdjustment.deleteMany();
}

type RowValues = Partial<Omit<SaveEvaluationInput["rows"][number], "indicatorId">>;

/**
 * The 两区 sheet's seven rows as typed in the form: 2/3 项 (below target), 3 项, `４` 人 (full-width), 3 份, 5 个 (over
 * target: flagged), `100%`, and the qualitative row graded 达成年度指标 36 of 40. `overrides` replace fields by row.
 */
export function typedRows(fixture: Fixture, overrides: Record<number, RowValues> = {}): SaveEvaluationInput["rows"] {
  const base: RowValues[] = [
    { actual: "2", deviationReason: "一个项目延期至次年立项，已督促加快进度" },
    { actual: "3" },
    { actual: "４" },
    { actual: "3" },
    { actual: "5", deductionPoints: "2", deductionReason: "指标值设定偏低" },
    { actual: "100%" },
    { band: "达成年度指标", gradeScore: "36", deviationReason: "两项关键技术仍在攻关，下年度继续推进" },
  ];
  return fixture.rows.map((row, i) => ({ indicatorId: row.id, ...base[i], ...overrides[i] }));
}
