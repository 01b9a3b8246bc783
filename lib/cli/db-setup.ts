import { parseArgs } from "node:util";
import { migrate } from "@/lib/db/migrate";
import { runWithDatabase } from "./run";
import { seedStep } from "./seed-step";

const { values } = parseArgs({ options: { "demo-users": { type: "boolean" } } });
await runWithDatabase(
  async (db) => {
    const applied = await migrate(db.sql);
    console.log(applied.length ? `已应用迁移：${applied.join("、")}` : "数据库结构已是最新");
    console.log(await seedStep(db, values["demo-users"]));
  },
  { migrate: false },
);
