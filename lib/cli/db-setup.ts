import { commandLine } from "./args";
import { runWithDatabase } from "./run";
import { migrateStep, seedStep } from "./seed-step";

const { values } = commandLine("npm run db:setup -- [--demo-users]   （建表、迁移并写入种子数据）", { "demo-users": { type: "boolean" } });
await runWithDatabase(
  async (db) => {
    console.log(await migrateStep(db));
    console.log(await seedStep(db, values["demo-users"]));
  },
  { migrate: false },
);
