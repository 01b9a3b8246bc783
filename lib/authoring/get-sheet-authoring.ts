import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { SheetStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can, type SheetScope } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { lintLocation, lintSheet, type LintLevel } from "@/lib/lint";
import { type SheetView, sheetViewInclude, toSheetView } from "@/lib/sheets/get-sheet";
import { toSheetScope } from "@/lib/sheets/sheet-scope";
import { interchangeInclude, toInterchangeSheet } from "@/lib/sheets/to-interchange";
import { isEditable, STATUS_LABEL } from "./load-sheet";

export interface TargetAdjustmentView {
  id: number;
  indicatorId: number;
  indicator: string;
  before: string;
  after: string;
  reason: string;
  requestedBy: string | null;
  approvedBy: string | null;
  at: Date;
}

export interface SheetAuthoringState {
  status: SheetStatus;
  statusLabel: string;
  version: number;
  author: string | null;
  /** The sheet of the previous year this one was rolled over from. */
  source: { id: number; year: number; name: string } | null;
  /** What this actor may do to the sheet now (rules and state together). */
  can: { edit: boolean; submit: boolean; publish: boolean; returnDraft: boolean; adjust: boolean; exportSheet: boolean };
  /** The lint of a sheet not yet published (a published sheet's findings no longer help anyone). */
  findings: { level: LintLevel; location: string; message: string }[];
  /** Per indicator id: its version and, once adjusted, the target as first published. */
  indicators: Record<number, { version: number; originalTargetRaw: string | null }>;
  adjustments: TargetAdjustmentView[];
}

const authoringInclude = {
  ...interchangeInclude,
  ...sheetViewInclude,
  author: { select: { displayName: true } },
  sourceSheet: { select: { id: true, name: true, fiscalYear: { select: { year: true } } } },
} satisfies Prisma.TargetSheetInclude;

type AuthoringRow = Prisma.TargetSheetGetPayload<{ include: typeof authoringInclude }>;

/** The sheet, read once for both sides of its page; NOT_FOUND, or FORBIDDEN without `sheet.read`. */
async function readSheet(prisma: PrismaClient, actor: Actor, sheetId: number): Promise<{ sheet: AuthoringRow; scope: SheetScope }> {
  const sheet = await prisma.targetSheet.findUnique({ where: { id: sheetId }, include: authoringInclude });
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  const scope = toSheetScope(sheet);
  authorize(actor, { type: "sheet.read", sheet: scope });
  return { sheet, scope };
}

/** The authoring side of the sheet page: state, allowed actions, lint, target adjustments. `sheet.read`. */
export async function getSheetAuthoring(prisma: PrismaClient, actor: Actor, sheetId: number): Promise<SheetAuthoringState> {
  const { sheet, scope } = await readSheet(prisma, actor, sheetId);
  return authoringState(prisma, actor, sheet, scope);
}

/** The sheet page: the sheet (as getSheet gives it) and its authoring side, from one read. `sheet.read`. */
export async function getSheetWithAuthoring(
  prisma: PrismaClient,
  actor: Actor,
  sheetId: number,
): Promise<{ sheet: SheetView; authoring: SheetAuthoringState }> {
  const { sheet, scope } = await readSheet(prisma, actor, sheetId);
  return { sheet: toSheetView(sheet), authoring: await authoringState(prisma, actor, sheet, scope) };
}

async function authoringState(prisma: PrismaClient, actor: Actor, sheet: AuthoringRow, scope: SheetScope): Promise<SheetAuthoringState> {
  const sheetId = sheet.id;
  const may = (type: "sheet.edit" | "sheet.publish" | "target.adjust") => can(actor, { type, sheet: scope });
  const status = sheet.status;
  const interchange = toInterchangeSheet(sheet);
  const adjustments = await prisma.targetAdjustment.findMany({
    where: { indicator: { sheetId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { indicator: { select: { name: true } }, requestedBy: { select: { displayName: true } }, approvedBy: { select: { displayName: true } } },
  });
  return {
    status,
    statusLabel: STATUS_LABEL[status],
    version: sheet.version,
    author: sheet.author?.displayName ?? null,
    source: sheet.sourceSheet ? { id: sheet.sourceSheet.id, year: sheet.sourceSheet.fiscalYear.year, name: sheet.sourceSheet.name } : null,
    can: {
      edit: may("sheet.edit") && isEditable(actor, status, scope),
      submit: status === "DRAFT" && may("sheet.edit") && !may("sheet.publish"),
      publish: status !== "PUBLISHED" && may("sheet.publish"),
      returnDraft: status === "SUBMITTED" && may("sheet.publish"),
      adjust: status === "PUBLISHED" && may("target.adjust"),
      exportSheet: true,
    },
    findings: status === "PUBLISHED" ? [] : lintSheet(interchange).map((i) => ({ level: i.level, location: lintLocation(i, interchange), message: i.message })),
    indicators: Object.fromEntries(sheet.indicators.map((i) => [i.id, { version: i.version, originalTargetRaw: i.originalTargetRaw }])),
    adjustments: adjustments.map((a) => ({
      id: a.id,
      indicatorId: a.indicatorId,
      indicator: a.indicator.name,
      before: a.beforeTargetRaw,
      after: a.afterTargetRaw,
      reason: a.reason,
      requestedBy: a.requestedBy?.displayName ?? null,
      approvedBy: a.approvedBy?.displayName ?? null,
      at: a.createdAt,
    })),
  };
}
