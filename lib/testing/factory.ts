import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import { createTestDatabase } from "./database";
import { type DemoActor, demoActors, type DemoUsername } from "./demo-actors";
import { seedIfEmpty } from "@/lib/seed/seed-database";

/** Test factories over the seed: integration tests start from the seeded 2025 sheets and the demo users. */

/** Seeded sheets the tests lean on, by the name the seed gives them. */
export const SEED_SHEET_NAMES = {
  /** Led by 冯先生 (demo user `lead`). */
  liangqu: "2025年“两区”创新建设专项",
  /** Led by 冯先生 too. */
  peitao: "落实2023年厅地联动市级配套专项资金",
  /** Led by 范先生 (demo user `lead2`). */
  kepu: "乌鲁木齐市系列科普工作",
} as const;

export interface SeededDatabase {
  db: Database;
  actors: Record<DemoUsername, DemoActor>;
}

/** A fresh, migrated test database with the seed and the demo users, and those users as signed-in actors. */
export async function seededTestDatabase(): Promise<SeededDatabase> {
  const db = await createTestDatabase();
  await seedIfEmpty(db.prisma, { demoUsers: true });
  return { db, actors: await demoActors(db.prisma) };
}

/** Looks up sheet ids by name (as the sheets are now); the returned function throws for an unknown name. */
export async function sheetIdsByName(prisma: PrismaClient): Promise<(name: string) => number> {
  const sheets = await prisma.targetSheet.findMany({ select: { id: true, name: true } });
  return (name) => {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet.id;
  };
}

/** A manager of another department (他部门管理者), who sees none of the seed's sheets. */
export async function otherDepartmentManager(prisma: PrismaClient): Promise<Actor> {
  const department = await prisma.department.create({ data: { name: "另一部门" } });
  const user = await prisma.user.create({
    data: { username: "m2", displayName: "他部门管理者", passwordHash: "x", role: "MANAGER", departmentId: department.id },
  });
  return { kind: "user", id: user.id, role: "MANAGER", departmentId: department.id, displayName: user.displayName };
}

/** A second department (乙部门) with a unit and one project sheet: what a test of department scoping writes beside the seed. */
export async function otherDepartmentSheet(prisma: PrismaClient) {
  const department = await prisma.department.create({ data: { name: "乙部门" } });
  const unit = await prisma.budgetUnit.create({ data: { departmentId: department.id, name: "乙单位" } });
  const year = await prisma.fiscalYear.findFirstOrThrow();
  const sheetB = await prisma.targetSheet.create({
    data: {
      kind: "PROJECT",
      unitId: unit.id,
      fiscalYearId: year.id,
      name: "乙部门的项目",
      lead: "某人",
      fundsTotal: "1",
      fundsFiscal: "1",
      fundsOther: "0",
      goal: "",
      position: 98,
    },
  });
  return { department, unit, sheetB };
}
