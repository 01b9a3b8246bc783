import "server-only";
import Decimal from "decimal.js";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SheetStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { sheetScopeInclude, toSheetScope } from "@/lib/sheets/sheet-scope";
import { isEditable } from "./load-sheet";

/** One row as the editor shows it: text fields, the weight as typed (`10`, `7.5`). */
export interface DraftRow {
  id: number | null;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  basis: string;
  lastYear: string;
  weight: string;
  rule: string;
  evidence: string[];
}

export interface DraftView {
  id: number;
  kind: "project" | "department";
  year: number;
  department: string;
  unit: string;
  name: string;
  lead: string;
  funds: { total: string; fiscal: string; other: string };
  goal: string;
  /** "" = the default `100 − Σ indicator weights`. */
  budgetExecutionWeight: string;
  status: SheetStatus;
  version: number;
  /** Whether this actor may save it now (a submitted draft only its approvers; never once published). */
  editable: boolean;
  indicators: DraftRow[];
}

const plain = (d: { toString(): string }) => new Decimal(d.toString()).toFixed();

/** 编辑: the sheet as the draft editor edits it. Refused (FORBIDDEN) without `sheet.edit`. */
export async function getDraft(prisma: PrismaClient, actor: Actor, sheetId: number): Promise<DraftView> {
  const sheet = await prisma.targetSheet.findUnique({
    where: { id: sheetId },
    include: {
      ...sheetScopeInclude,
      unit: { select: { name: true, departmentId: true, department: { select: { name: true } } } },
      fiscalYear: { select: { year: true } },
      indicators: { orderBy: { position: "asc" } },
    },
  });
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  const scope = toSheetScope(sheet);
  authorize(actor, { type: "sheet.edit", sheet: scope });
  const editable = isEditable(actor, sheet.status, scope);
  return {
    id: sheet.id,
    kind: sheet.kind === "DEPARTMENT" ? "department" : "project",
    year: sheet.fiscalYear.year,
    department: sheet.unit.department.name,
    unit: sheet.unit.name,
    name: sheet.name,
    lead: sheet.lead,
    funds: { total: sheet.fundsTotal.toFixed(2), fiscal: sheet.fundsFiscal.toFixed(2), other: sheet.fundsOther.toFixed(2) },
    goal: sheet.goal,
    budgetExecutionWeight: sheet.budgetExecutionWeight === null ? "" : plain(sheet.budgetExecutionWeight),
    status: sheet.status,
    version: sheet.version,
    editable,
    indicators: sheet.indicators.map((i) => ({
      id: i.id,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      targetRaw: i.targetRaw,
      basis: i.basis,
      lastYear: i.lastYear,
      weight: plain(i.weight),
      rule: i.rule,
      evidence: i.evidence,
    })),
  };
}
