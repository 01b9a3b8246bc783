import { commandLine } from "./args";
import { runWithDatabase } from "./run";
import { seedStep } from "./seed-step";

const { values } = commandLine("npm run db:seed -- [--demo-users]   （写入 2025 年种子数据；--demo-users 另建演示用户）", {
  "demo-users": { type: "boolean" },
});
await runWithDatabase(async (db) => console.log(await seedStep(db, values["demo-users"])));
