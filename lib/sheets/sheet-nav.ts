import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can, type SheetScope } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { sheetScopeInclude, toSheetScope } from "./sheet-scope";

/** The pages of one sheet, in the order of its header's tabs (docs/ux.md "Every page leads on"). */
export type SheetTabKey = "overview" | "progress" | "monitor" | "evaluate" | "report" | "audit";

export interface SheetTab {
  key: SheetTabKey;
  label: string;
  href: string;
}

const TABS: { key: SheetTabKey; label: string; path: string; publishedOnly: boolean }[] = [
  { key: "overview", label: "概览", path: "", publishedOnly: false },
  { key: "progress", label: "进度填报", path: "/progress", publishedOnly: true },
  { key: "monitor", label: "运行监控", path: "/monitor", publishedOnly: true },
  { key: "evaluate", label: "年终评价", path: "/evaluate", publishedOnly: true },
  { key: "report", label: "自评表", path: "/report", publishedOnly: true },
  { key: "audit", label: "操作日志", path: "", publishedOnly: false },
];

/**
 * The tabs `actor` may open on a sheet: every page of a sheet reads it (`sheet.read`); the months, the
 * monitor and the year end exist once the sheet is published; the sheet's 操作日志 also needs `audit.read`.
 */
export function sheetTabs(actor: Actor, sheet: { id: number; scope: SheetScope; published: boolean }): SheetTab[] {
  if (!can(actor, { type: "sheet.read", sheet: sheet.scope })) return [];
  return TABS.filter((tab) => (!tab.publishedOnly || sheet.published) && (tab.key !== "audit" || can(actor, { type: "audit.read" }))).map((tab) => ({
    key: tab.key,
    label: tab.label,
    href: tab.key === "audit" ? `/audit?sheet=${sheet.id}` : `/sheets/${sheet.id}${tab.path}`,
  }));
}

/** What a sheet page's header shows: the sheet in words and the tabs its viewer may open. */
export interface SheetNav {
  id: number;
  name: string;
  unit: string;
  year: number;
  tabs: SheetTab[];
}

export async function getSheetNav(prisma: PrismaClient, actor: Actor, sheetId: number): Promise<SheetNav> {
  const sheet = await prisma.targetSheet.findUnique({
    where: { id: sheetId },
    select: { id: true, name: true, status: true, authorId: true, fiscalYear: { select: { year: true } }, ...sheetScopeInclude },
  });
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  const scope = toSheetScope(sheet);
  authorize(actor, { type: "sheet.read", sheet: scope });
  return {
    id: sheet.id,
    name: sheet.name,
    unit: sheet.unit.name,
    year: sheet.fiscalYear.year,
    tabs: sheetTabs(actor, { id: sheet.id, scope, published: sheet.status === "PUBLISHED" }),
  };
}
