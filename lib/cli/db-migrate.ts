import { runWithDatabase } from "./run";
import { migrateStep } from "./seed-step";

await runWithDatabase(async (db) => console.log(await migrateStep(db)), { migrate: false });
