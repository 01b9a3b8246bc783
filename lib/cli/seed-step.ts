import "server-only";
import { dbTarget } from "@/lib/db/config";
import { migrate } from "@/lib/db/migrate";
import type { Database } from "@/lib/db/open";
import { seedIfEmpty } from "@/lib/seed/seed-database";

/** Brings the schema up to date; says which migrations it applied, or that there were none. */
export async function migrateStep(db: Database): Promise<string> {
  const applied = await migrate(db.sql);
  return applied.length ? `已应用迁移：${applied.join("、")}` : "数据库结构已是最新";
}

/**
 * Seeds an empty database. Demo users (published passwords) go only into the embedded database,
 * unless asked for; a production PostgreSQL gets its administrator from `npm run user:create`.
 */
export async function seedStep(db: Database, demoUsers = dbTarget().engine === "pglite"): Promise<string> {
  const outcome = await seedIfEmpty(db.prisma, { demoUsers });
  if (!outcome.seeded) return "数据库已有数据，未载入种子数据";
  return (
    `已载入 ${outcome.sheets} 张2025年绩效目标表` +
    (outcome.users ? `和 ${outcome.users} 个演示用户` : "（未创建演示用户，请用 npm run user:create 创建管理员）")
  );
}
