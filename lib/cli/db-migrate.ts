import { commandLine } from "./args";
import { runWithDatabase } from "./run";
import { migrateStep } from "./seed-step";

commandLine("npm run db:migrate   （把数据库结构更新到最新）", {});
await runWithDatabase(async (db) => console.log(await migrateStep(db)), { migrate: false });
