import { migrate } from "@/lib/db/migrate";
import { runWithDatabase } from "./run";

await runWithDatabase(
  async (db) => {
    const applied = await migrate(db.sql);
    console.log(applied.length ? `已应用迁移：${applied.join("、")}` : "数据库结构已是最新");
  },
  { migrate: false },
);
