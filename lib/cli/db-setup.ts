import { parseArgs } from "node:util";
import { runWithDatabase } from "./run";
import { migrateStep, seedStep } from "./seed-step";

const { values } = parseArgs({ options: { "demo-users": { type: "boolean" } } });
await runWithDatabase(
  async (db) => {
    console.log(await migrateStep(db));
    console.log(await seedStep(db, values["demo-users"]));
  },
  { migrate: false },
);
