import { parseArgs } from "node:util";
import { runWithDatabase } from "./run";
import { seedStep } from "./seed-step";

const { values } = parseArgs({ options: { "demo-users": { type: "boolean" } } });
await runWithDatabase(async (db) => console.log(await seedStep(db, values["demo-users"])));
