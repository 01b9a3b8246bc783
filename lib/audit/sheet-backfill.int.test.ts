import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "@/lib/assignments/assign";
import { unassign } from "@/lib/assignments/unassign";
import { SYSTEM } from "@/lib/auth/actor";
import { createDraft } from "@/lib/authoring/create-draft";
import { draftInput } from "@/lib/testing/authoring-fixtures";
import { DEFAULT_MIGRATIONS_DIR, migrate } from "@/lib/db/migrate";
import type { Database } from "@/lib/db/open";
import { createTestDatabase } from "@/lib/testing/database";
import { type SeededDatabase, SEED_SHEET_NAMES, seededTestDatabase, sheetIdsByName } from "@/lib/testing/factory";
import { createUser } from "@/lib/users/create-user";
import { resetPassword } from "@/lib/users/reset-password";
import { updateUser } from "@/lib/users/update-user";
import { appendAudit } from "./append-audit";
import { otherDepartmentSheet } from "@/lib/testing/factory";

/**
 * The migration 20261125170000_audit_sheet backfills `sheet_id` and `department_id` of the entries written
 * before it. Proof: a database written through appendAudit today (the seed, use cases, odd shapes) is copied,
 * without those two columns, into a database migrated up to just before that migration; migrating it must
 * give every entry the sheet and department appendAudit gave it.
 */

const MIGRATION = "20261125170000_audit_sheet";

let source: SeededDatabase;
let target: Database;
let dir: string;
/** The migrations the target took after receiving the rows. */
let applied: string[];
/** Sheet and department of the odd entries, by their action. */
const odd = new Map<string, { sheet: number | null; department: number | null }>();

type Row = { id: string; action: string; sheet_id: number | null; department_id: number | null };
const rowsOf = (db: Database) => db.sql.query<Row>(`SELECT id::text AS id, action, sheet_id, department_id FROM audit_log ORDER BY id`);

/**
 * Copies a table's rows from the source database into the target, by column name, in the columns both have: the
 * target may lack some, and a column a later migration dropped (app_user.failed_logins) keeps its default.
 */
async function copyTable(table: string) {
  const columnsOf = async (db: Database) =>
    (await db.sql.query<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = $1`, [table])).map((c) => c.name);
  const sourceColumns = new Set(await columnsOf(source.db));
  const shared = (await columnsOf(target))
    .filter((c) => sourceColumns.has(c))
    .map((c) => `"${c}"`)
    .join(", ");
  const [result] = await source.db.sql.query<{ rows: unknown[] | null }>(`SELECT json_agg(t) AS rows FROM "${table}" t`);
  await target.sql.query(`INSERT INTO "${table}" (${shared}) SELECT ${shared} FROM json_populate_recordset(NULL::"${table}", $1::json)`, [
    JSON.stringify(result?.rows ?? []),
  ]);
}

/** Entries of shapes the use cases write rarely or never, straight through appendAudit. */
async function writeOddEntries() {
  const prisma = source.db.prisma;
  const sheetOf = await sheetIdsByName(prisma);
  const seedSheet = sheetOf(SEED_SHEET_NAMES.kepu);
  const seedDepartment = (await prisma.department.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  const { department, sheetB } = await otherDepartmentSheet(prisma);
  const managerB = await prisma.user.create({
    data: { username: "managerb", displayName: "乙科长", passwordHash: "x", role: "MANAGER", departmentId: department.id },
  });
  const entries: [string, Parameters<typeof appendAudit>[2], { sheet: number | null; department: number | null }][] = [
    [
      "odd.several-departments",
      { action: "", entityType: "User", entityId: managerB.id, after: { sheetIds: [seedSheet, sheetB.id] } },
      { sheet: null, department: null },
    ],
    [
      "odd.several-sheets-one-department",
      { action: "", entityType: "User", entityId: managerB.id, after: { sheetIds: [sheetB.id, sheetB.id] } },
      { sheet: null, department: department.id },
    ],
    ["odd.gone-sheet", { action: "", entityType: "ProgressEntry", entityId: 1, after: { sheetId: 999_999 } }, { sheet: 999_999, department: null }],
    ["odd.not-an-id", { action: "", entityType: "TargetSheet", entityId: "abc", after: { sheetId: sheetB.id } }, { sheet: null, department: null }],
    ["odd.before-only", { action: "", entityType: "Indicator", entityId: 1, before: { sheetId: sheetB.id } }, { sheet: sheetB.id, department: department.id }],
    [
      "odd.string-id",
      { action: "", entityType: "Indicator", entityId: 1, after: { sheetId: String(seedSheet) }, before: { sheetId: sheetB.id } },
      { sheet: sheetB.id, department: department.id },
    ],
    ["odd.negative-id", { action: "", entityType: "Indicator", entityId: 1, after: { sheetId: -3 } }, { sheet: null, department: null }],
    [
      "odd.sheet-wins",
      { action: "", entityType: "Indicator", entityId: 1, after: { sheetId: sheetB.id, departmentId: seedDepartment } },
      { sheet: sheetB.id, department: department.id },
    ],
    [
      "odd.left-department",
      { action: "", entityType: "User", entityId: managerB.id, before: { departmentId: department.id }, after: { departmentId: null } },
      { sheet: null, department: department.id },
    ],
    [
      "odd.no-department-named",
      { action: "", entityType: "User", entityId: managerB.id, after: { password: "新密码" } },
      { sheet: null, department: department.id },
    ],
    ["odd.department-null", { action: "", entityType: "User", entityId: managerB.id, after: { departmentId: null } }, { sheet: null, department: null }],
    ["odd.unknown-user", { action: "", entityType: "User", entityId: 999_999, after: {} }, { sheet: null, department: null }],
    ["odd.nothing", { action: "", entityType: "Thing", entityId: 1, after: { x: 1 } }, { sheet: null, department: null }],
  ];
  await prisma.$transaction(async (tx) => {
    for (const [action, entry, expected] of entries) {
      await appendAudit(tx, SYSTEM, { ...entry, action });
      odd.set(action, expected);
    }
  });
}

beforeAll(async () => {
  source = await seededTestDatabase();
  const { prisma } = source.db;
  const { admin, lead, manager } = source.actors;
  const sheetOf = await sheetIdsByName(prisma);
  // What the use cases write: assignments (`after`/`before` sheetId), users, a password reset, a draft with a new unit.
  await assign(prisma, admin, { sheetId: sheetOf(SEED_SHEET_NAMES.kepu), userId: lead.id, role: "LEAD" });
  await unassign(prisma, admin, { sheetId: sheetOf(SEED_SHEET_NAMES.kepu), userId: lead.id, role: "LEAD" });
  const department = await prisma.department.findFirstOrThrow({ orderBy: { id: "asc" } });
  const deputy = await createUser(prisma, admin, {
    username: "deputy",
    displayName: "副科长",
    password: "Passw0rd-test",
    role: "MANAGER",
    department: department.name,
  });
  await updateUser(prisma, admin, { id: deputy.id, displayName: "副科长乙" });
  await resetPassword(prisma, admin, { id: deputy.id, password: "Passw0rd-new1", confirm: "Passw0rd-new1" });
  await resetPassword(prisma, admin, { id: lead.id, password: "Passw0rd-new1", confirm: "Passw0rd-new1" });
  await createDraft(prisma, manager, draftInput({ unit: "新的预算单位" }));
  await writeOddEntries();

  // The target: the schema as it was before the migration, holding the source's rows (audit_log without the new columns).
  target = await createTestDatabase();
  await target.sql.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-backfill-"));
  for (const name of fs.readdirSync(DEFAULT_MIGRATIONS_DIR).filter((n) => n < MIGRATION)) {
    fs.cpSync(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  }
  await migrate(target.sql, dir);
  expect(await target.sql.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'audit_log' AND column_name = 'sheet_id'`)).toEqual([]);
  for (const table of ["department", "fiscal_year", "budget_unit", "app_user", "target_sheet", "audit_log"]) await copyTable(table);
  applied = await migrate(target.sql);
});

afterAll(async () => {
  await source?.db.close();
  await target?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe(`migration ${MIGRATION}`, () => {
  it("gives every older entry the sheet and department appendAudit gives it", async () => {
    expect(applied[0]).toBe(MIGRATION); // and any later migrations
    const expected = await rowsOf(source.db);
    expect(expected.length).toBeGreaterThan(40);
    expect(await rowsOf(target)).toEqual(expected);
  });

  it("gives the right sheet and department by each convention", async () => {
    const rows = await rowsOf(target);
    const byAction = (action: string) => rows.filter((r) => r.action === action);
    const department = (await source.db.prisma.department.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
    // Every seeded sheet's import names it; the seed's bulk assignments name several sheets of one department.
    const imports = byAction("sheet.import");
    expect(imports).toHaveLength(14);
    expect(imports.every((r) => r.sheet_id !== null && r.department_id === department)).toBe(true);
    const bulk = rows.filter((r) => r.action === "assignment.create" && r.sheet_id === null);
    expect(bulk.map((r) => r.department_id)).toEqual([department, department, department]); // lead, lead2, evaluator
    for (const action of ["assignment.create", "assignment.delete", "unit.create", "sheet.create", "indicator.create", "user.update"]) {
      expect(byAction(action).at(-1), action).toMatchObject({ department_id: department });
    }
    // Password resets name no department: the deputy's is 甲's, the lead's (of no department) nobody's.
    expect(byAction("user.password.reset").map((r) => r.department_id)).toEqual([department, null]);
    for (const [action, { sheet, department: dept }] of odd) {
      expect(byAction(action), action).toEqual([expect.objectContaining({ sheet_id: sheet, department_id: dept })]);
    }
  });

  it("leaves the log append-only", async () => {
    await expect(target.sql.query(`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(target.sql.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});
