import "server-only";
import type { Database } from "@/lib/db/open";
import { refreshAllFigures } from "@/lib/figures/refresh-sheet-figures";
import { hashPassword } from "@/lib/users/password";
import { buildDataset, type DatasetOptions } from "./scorecard-dataset";

/**
 * The database of bench:writes: the scorecard bench's generated year (scorecard-dataset.ts: sheets of 8–17 rows with a
 * value for every month), every month put back to 草稿 so any month may be saved, the figures computed, and the
 * generated leads given a password so they sign in through the real login. Each lead leads 10 sheets; the bench
 * reads here what a browser would already have on its page: the rows, their targets and the versions it saves over.
 */

/** The password of every generated lead (bench databases only: throwaway, never a real installation). */
export const BENCH_PASSWORD = "Bench@2026writes";

export type RowKind = "count" | "rate" | "reverse" | "qualitative";

export interface BenchRow {
  id: number;
  kind: RowKind;
  /** The target's number (counts: the year's target; rates: 90; reverse: 5); null on a qualitative row. */
  target: number | null;
}

export interface BenchSheet {
  id: number;
  fundsTotal: number;
  rows: BenchRow[];
}

export interface BenchLead {
  userId: number;
  username: string;
  sheets: BenchSheet[];
}

/** Versions as the pages last showed them: entries by `indicatorId:month`, sheet-months by `sheetId:month`. */
export interface Versions {
  entries: Map<string, number>;
  months: Map<string, number>;
}

export interface WritesDataset {
  leads: BenchLead[];
  versions: Versions;
  counts: { sheets: number; indicators: number; entries: number };
}

export async function prepareWritesDataset(db: Database, options: DatasetOptions & { leads: number }): Promise<WritesDataset> {
  const users = await buildDataset(db.sql, options);
  await db.sql.exec(`UPDATE "sheet_month" SET "status" = 'DRAFT'`);
  await refreshAllFigures(db.prisma);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const leadIds = users.leadIds.slice(0, options.leads);
  await db.prisma.user.updateMany({ where: { id: { in: leadIds } }, data: { passwordHash } });

  const assigned = await db.prisma.sheetAssignment.findMany({
    where: { userId: { in: leadIds }, role: "LEAD", sheet: { kind: "PROJECT" } },
    select: {
      userId: true,
      user: { select: { username: true } },
      sheet: {
        select: {
          id: true,
          fundsTotal: true,
          indicators: { select: { id: true, targetOp: true, targetValue: true, measureType: true }, orderBy: { position: "asc" } },
        },
      },
    },
    orderBy: { sheetId: "asc" },
  });
  const leads = new Map<number, BenchLead>();
  for (const a of assigned) {
    const lead = leads.get(a.userId) ?? { userId: a.userId, username: a.user.username, sheets: [] };
    lead.sheets.push({
      id: a.sheet.id,
      fundsTotal: Number(a.sheet.fundsTotal),
      rows: a.sheet.indicators.map((i) => ({
        id: i.id,
        kind: i.targetOp === null ? "qualitative" : i.targetOp === "LTE" ? "reverse" : i.measureType === "LEVEL" ? "rate" : "count",
        target: i.targetValue === null ? null : Number(i.targetValue),
      })),
    });
    leads.set(a.userId, lead);
  }
  const sheetIds = assigned.map((a) => a.sheet.id);
  const [entries, months, counts] = await Promise.all([
    db.prisma.progressEntry.findMany({ where: { indicator: { sheetId: { in: sheetIds } } }, select: { indicatorId: true, month: true, version: true } }),
    db.prisma.sheetMonth.findMany({ where: { sheetId: { in: sheetIds } }, select: { sheetId: true, month: true, version: true } }),
    db.sql.query<{ sheets: string; indicators: string; entries: string }>(
      `SELECT (SELECT count(*) FROM "target_sheet")::text AS sheets, (SELECT count(*) FROM "indicator")::text AS indicators,
              (SELECT count(*) FROM "progress_entry")::text AS entries`,
    ),
  ]);
  const c = counts[0]!;
  return {
    leads: [...leads.values()].filter((l) => l.sheets.length > 0),
    versions: {
      entries: new Map(entries.map((e) => [`${e.indicatorId}:${e.month}`, e.version])),
      months: new Map(months.map((m) => [`${m.sheetId}:${m.month}`, m.version])),
    },
    counts: { sheets: Number(c.sheets), indicators: Number(c.indicators), entries: Number(c.entries) },
  };
}
