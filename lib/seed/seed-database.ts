import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import { SYSTEM } from "@/lib/auth/actor";
import { AppError, formatProblem } from "@/lib/errors";
import { validateInterchange } from "@/lib/interchange/validate";
import { IMPORT_WRITE, importSheetsWith } from "@/lib/authoring/import-sheets";
import { type SheetsWrite, writeSheet } from "@/lib/sheets/write-sheet";
import { createUserInTx } from "@/lib/users/create-user";
import { DEMO_USERS } from "./demo-users";

export const SEED_FILE = path.join(process.cwd(), "prisma", "seed", "urumqi-sti-2025.json");

/** Loads the 2025 seed sheets. */
async function seedSheets(write: SheetsWrite) {
  const result = validateInterchange(JSON.parse(fs.readFileSync(SEED_FILE, "utf8")));
  if (!result.ok) throw new AppError("INVALID", `种子数据有误：\n${result.problems.map(formatProblem).join("\n")}`, result.problems);
  return importSheetsWith(write, result.file, { replace: false });
}

/** Creates the demo users and their assignments (sheets must be loaded first). */
async function seedDemoUsers(prisma: Prisma.TransactionClient) {
  const department = await prisma.department.findFirstOrThrow({ orderBy: { id: "asc" } });
  const sheets = await prisma.targetSheet.findMany({ select: { id: true, lead: true } });
  for (const { assign, ...input } of DEMO_USERS) {
    const user = await createUserInTx(prisma, SYSTEM, { ...input, department: input.role === "MANAGER" ? department.name : undefined });
    if (!assign) continue;
    const assigned = sheets.filter((s) => ("all" in assign ? true : s.lead === assign.sheetLead));
    const sheetIds = assigned.map((s) => s.id);
    await prisma.sheetAssignment.createMany({ data: sheetIds.map((sheetId) => ({ sheetId, userId: user.id, role: assign.role })) });
    await appendAudit(prisma, SYSTEM, {
      action: "assignment.create",
      entityType: "User",
      entityId: user.id,
      after: { user: user.displayName, role: assign.role, sheetIds },
    });
  }
}

type SeedOutcome = { seeded: false } | { seeded: true; sheets: number; users: number };

/** Seeds only an empty database (no sheets, no users), so running it twice changes nothing. */
export async function seedIfEmpty(prisma: PrismaClient, options: { demoUsers: boolean }): Promise<SeedOutcome> {
  const [sheets, users] = await Promise.all([prisma.targetSheet.count(), prisma.user.count()]);
  if (sheets > 0 || users > 0) return { seeded: false };
  const imported = await writeSheet(prisma, SYSTEM, IMPORT_WRITE, async (write) => {
    const sheetsImported = await seedSheets(write);
    if (options.demoUsers) await seedDemoUsers(write.tx);
    return sheetsImported;
  });
  return { seeded: true, sheets: imported.length, users: options.demoUsers ? DEMO_USERS.length : 0 };
}
