import "server-only";
import { z } from "zod";
import { yearSchema } from "@/lib/input";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/parse-input";

export const listAssignmentsSchema = z.object({
  /** Fiscal year; the newest year with sheets when left out. */
  year: yearSchema.optional(),
});

export type ListAssignmentsInput = z.input<typeof listAssignmentsSchema>;

export interface AssignedUser {
  userId: number;
  username: string;
  displayName: string;
  /** The user's role now (normally the assignment's). */
  role: Role;
  active: boolean;
}

export interface SheetAssignments {
  id: number;
  kind: "PROJECT" | "DEPARTMENT";
  unit: string;
  name: string;
  /** 项目负责人 as the sheet prints it. */
  lead: string;
  leads: AssignedUser[];
  evaluators: AssignedUser[];
  /**
   * The account the printed 项目负责人 names, offered as a one-click assignment: exactly one active user
   * bears that display name, it is a lead, and not yet this sheet's lead.
   */
  suggestedLead: AssignmentCandidate | null;
}

export interface AssignmentCandidate {
  id: number;
  username: string;
  displayName: string;
}

export interface AssignmentOverview {
  /** The year shown; null when no sheet was ever imported. */
  year: number | null;
  /** Years that have sheets, newest first. */
  years: number[];
  /** The year's sheets in document order. */
  sheets: SheetAssignments[];
  /** Active users who may be assigned, per duty (a lead duty needs the role LEAD, and so on). */
  candidates: { LEAD: AssignmentCandidate[]; EVALUATOR: AssignmentCandidate[] };
}

/** Per sheet of a year: who leads it and who evaluates it (admins only). */
export async function listAssignments(prisma: PrismaClient, actor: Actor, input: ListAssignmentsInput = {}): Promise<AssignmentOverview> {
  authorize(actor, { type: "assignment.manage" });
  const data = parseInput(listAssignmentsSchema, input);
  const years = (await prisma.fiscalYear.findMany({ orderBy: { year: "desc" }, select: { year: true } })).map((y) => y.year);
  const year = data.year ?? years[0] ?? null;
  const userSelect = { id: true, username: true, displayName: true, role: true, active: true } as const;
  const [sheets, users] = await Promise.all([
    year === null
      ? []
      : prisma.targetSheet.findMany({
          where: { fiscalYear: { year } },
          orderBy: [{ position: "asc" }, { id: "asc" }],
          select: {
            id: true,
            kind: true,
            name: true,
            lead: true,
            unit: { select: { name: true } },
            assignments: { orderBy: { id: "asc" }, select: { role: true, user: { select: userSelect } } },
          },
        }),
    prisma.user.findMany({ where: { active: true }, orderBy: { username: "asc" }, select: userSelect }),
  ]);
  const byName = new Map<string, typeof users>();
  for (const user of users) byName.set(user.displayName, [...(byName.get(user.displayName) ?? []), user]);
  const assigned = (list: (typeof sheets)[number]["assignments"], role: "LEAD" | "EVALUATOR"): AssignedUser[] =>
    list
      .filter((a) => a.role === role)
      .map(({ user }) => ({ userId: user.id, username: user.username, displayName: user.displayName, role: user.role, active: user.active }));
  const candidates = (role: Role) => users.filter((u) => u.role === role).map(({ id, username, displayName }) => ({ id, username, displayName }));
  return {
    year,
    years,
    sheets: sheets.map((s) => ({
      id: s.id,
      kind: s.kind,
      unit: s.unit.name,
      name: s.name,
      lead: s.lead,
      leads: assigned(s.assignments, "LEAD"),
      evaluators: assigned(s.assignments, "EVALUATOR"),
      suggestedLead: suggestLead(byName.get(s.lead.trim()) ?? [], assigned(s.assignments, "LEAD")),
    })),
    candidates: { LEAD: candidates("LEAD"), EVALUATOR: candidates("EVALUATOR") },
  };
}

/** The one active account named like the printed lead, when it is a lead not yet assigned (see SheetAssignments). */
function suggestLead(named: { id: number; username: string; displayName: string; role: Role }[], leads: AssignedUser[]): AssignmentCandidate | null {
  const [only, ...others] = named;
  if (!only || others.length > 0 || only.role !== "LEAD" || leads.some((l) => l.userId === only.id)) return null;
  return { id: only.id, username: only.username, displayName: only.displayName };
}
