import { dbTarget } from "@/lib/db/config";
import { migrate } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open";
import { reportError } from "./run";
import { seedStep } from "./seed-step";

/** Migrates and seeds before the server starts; exits with a clear message when that fails. */
export async function runSetup(): Promise<void> {
  const target = dbTarget();
  console.log(target.engine === "pglite" ? `内嵌数据库：${target.dataDir}` : "数据库：PostgreSQL（DATABASE_URL）");
  let db;
  try {
    db = await openDatabase(target);
    const applied = await migrate(db.sql);
    if (applied.length) console.log(`已应用迁移：${applied.join("、")}`);
    console.log(await seedStep(db));
  } catch (error) {
    process.exit(reportError(error));
  } finally {
    await db?.close();
  }
}
