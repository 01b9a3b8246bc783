import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import { validateInterchange } from "@/lib/interchange/validate";
import { SEED_FILE } from "@/lib/seed/seed-database";
import type { DemoActor, DemoUsername } from "@/lib/testing/demo-actors";
import { seededTestDatabase } from "@/lib/testing/factory";
import { importSheets } from "@/lib/authoring/import-sheets";
import { listSheets } from "./list-sheets";

const SEED_DEPARTMENT = "乌鲁木齐市科学技术局";
let db: Database;
let actors: Record<DemoUsername, DemoActor>;

beforeAll(async () => {
  ({ db, actors } = await seededTestDatabase());
  // A second department with one sheet in 2025: the seed's 部门整体 sheet under another name.
  const seed = JSON.parse(fs.readFileSync(SEED_FILE, "utf8"));
  const result = validateInterchange({ ...seed, department: "乌鲁木齐市另一局", sheets: [{ ...seed.sheets[0], unit: "本级" }] });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  await importSheets(db.prisma, SYSTEM, result.file, { replace: false });
});
afterAll(async () => {
  await db.close();
});

describe("listSheets", () => {
  it("names each sheet's department, so a year's export can be offered per department", async () => {
    const all = await listSheets(db.prisma, actors.admin, 2025);
    expect(all).toHaveLength(15);
    expect([...new Set(all.map((s) => s.department))].sort()).toEqual(["乌鲁木齐市另一局", SEED_DEPARTMENT].sort());
    const managed = await listSheets(db.prisma, actors.manager, 2025);
    expect(managed).toHaveLength(14);
    expect(new Set(managed.map((s) => s.department))).toEqual(new Set([SEED_DEPARTMENT]));
  });
});
