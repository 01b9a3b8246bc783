import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { otherDepartmentSheet } from "@/lib/testing/factory";
import { createFixture, type Fixture } from "@/lib/testing/progress-fixtures";
import { scratchFiguresByMonth, storedFigures } from "@/lib/testing/scorecard";
import { ALL_MONTHS } from "./figures-source";
import { refreshFigures, refreshStaleFigures } from "./refresh-sheet-figures";

// A write recomputes only the months its change reaches (the triggers of migration 20261204140000 mark months m…12 of
// a change recorded for month m; refreshFigures with onlyStale recomputes those). Random changes of every kind the
// figures read, straight in the database as any writer could make them: after each, the months marked are exactly
// m…12 (none for a change no figure reads), and after the incremental refresh every month of every sheet touched
// equals a from-scratch recomputation.

let f: Fixture;
let sheets: number[];
let rows: { id: number; sheetId: number; qualitative: boolean }[];

beforeAll(async () => {
  f = await createFixture();
  sheets = [f.sheets.liangqu, f.sheets.peitao, f.sheets.kepu];
  const indicators = await f.db.prisma.indicator.findMany({ where: { sheetId: { in: sheets } }, select: { id: true, sheetId: true, targetOp: true } });
  rows = indicators.map((i) => ({ id: i.id, sheetId: i.sheetId, qualitative: i.targetOp === null }));
  const year = await f.db.prisma.fiscalYear.findFirstOrThrow();
  await refreshStaleFigures(f.db.prisma, year);
});
afterAll(async () => {
  await f?.db.close();
});

/** A small deterministic generator (mulberry32): the same seed replays the same changes. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

const STATUSES = ["ACHIEVED", "PARTIAL", "NOT_ACHIEVED"] as const;
const MONTH_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "RETURNED"] as const;

type Change = { sheetId: number; from: number | null; describe: string };

/** One random change; `from`: the first month it reaches (null: none — it changes nothing the figures read). */
async function change(prisma: PrismaClient, r: ReturnType<typeof random>, step: number): Promise<Change> {
  const row = r.pick(rows);
  const month = 1 + r.int(12);
  const kind = r.int(7);
  const where = { indicatorId_month: { indicatorId: row.id, month } };
  const existing = await prisma.progressEntry.findUnique({ where });
  // Every value differs from whatever is stored (the step is in it; a status other than the stored one), so each
  // write really changes what the figures read.
  const value = row.qualitative
    ? { qualitativeValue: r.pick(STATUSES.filter((s) => s !== existing?.qualitativeValue)) }
    : { value: `${step + 1}.${r.int(10)}`, forecast: r.int(3) === 0 ? String(step + 20 + r.int(60)) : null };
  if (kind <= 1 || (kind === 2 && !existing)) {
    await prisma.progressEntry.upsert({ where, create: { indicatorId: row.id, month, ...value }, update: value });
    return { sheetId: row.sheetId, from: month, describe: `entry ${row.id}@${month} = ${JSON.stringify(value)}` };
  }
  if (kind === 2) {
    // An entry moved to another month (no page does it, a repair might): both months' figures move.
    const to = 1 + r.int(12);
    if (to === month || (await prisma.progressEntry.findUnique({ where: { indicatorId_month: { indicatorId: row.id, month: to } } }))) {
      await prisma.progressEntry.delete({ where });
      return { sheetId: row.sheetId, from: month, describe: `entry ${row.id}@${month} deleted` };
    }
    await prisma.progressEntry.update({ where, data: { month: to } });
    return { sheetId: row.sheetId, from: Math.min(month, to), describe: `entry ${row.id}@${month} moved to ${to}` };
  }
  if (kind === 3 && existing) {
    await prisma.progressEntry.update({ where, data: { deviationReason: `原因${r.int(100)}`, improvement: "措施", version: { increment: 1 } } });
    return { sheetId: row.sheetId, from: null, describe: `entry ${row.id}@${month}: reasons only` };
  }
  if (kind <= 4) {
    const executed = `${(step + 1) * 10}.${r.int(100)}`;
    const status = r.pick(MONTH_STATUSES);
    const month_ = { sheetId_month: { sheetId: row.sheetId, month } };
    await prisma.sheetMonth.upsert({ where: month_, create: { sheetId: row.sheetId, month, executed, status }, update: { executed, status } });
    return { sheetId: row.sheetId, from: month, describe: `sheet ${row.sheetId} month ${month}: 执行数 ${executed}, ${status}` };
  }
  if (kind === 5) {
    const stored = await prisma.sheetMonth.findUnique({ where: { sheetId_month: { sheetId: row.sheetId, month } } });
    if (stored) {
      await prisma.sheetMonth.update({ where: { id: stored.id }, data: { reviewComment: `意见${r.int(100)}`, version: { increment: 1 } } });
      return { sheetId: row.sheetId, from: null, describe: `sheet ${row.sheetId} month ${month}: review comment only` };
    }
  }
  const adjustments = await prisma.budgetAdjustment.findMany({ where: { sheetId: row.sheetId } });
  if (adjustments.length > 0 && r.int(2) === 0) {
    const gone = r.pick(adjustments);
    await prisma.budgetAdjustment.delete({ where: { id: gone.id } });
    return { sheetId: row.sheetId, from: gone.month, describe: `adjustment of month ${gone.month} deleted` };
  }
  await prisma.budgetAdjustment.create({ data: { sheetId: row.sheetId, month, amount: String(r.int(50) - 10), reason: "测试" } });
  return { sheetId: row.sheetId, from: month, describe: `adjustment of month ${month}` };
}

const staleMonths = async (prisma: PrismaClient, sheetId: number) =>
  (await prisma.sheetFigures.findMany({ where: { sheetId }, select: { month: true, changeSeq: true, computedSeq: true }, orderBy: { month: "asc" } }))
    .filter((m) => m.changeSeq !== m.computedSeq)
    .map((m) => m.month);

async function differences(prisma: PrismaClient, sheetId: number): Promise<string[]> {
  const scratch = await scratchFiguresByMonth(prisma, sheetId, ALL_MONTHS);
  const out: string[] = [];
  for (const month of ALL_MONTHS) {
    const { row, stale } = await storedFigures(prisma, sheetId, month);
    if (stale) out.push(`${sheetId}@${month} stale`);
    for (const key of Object.keys(row) as (keyof typeof row)[]) {
      if (row[key] !== scratch[month - 1]![key]) out.push(`${sheetId}@${month} ${key}: stored ${row[key]} ≠ ${scratch[month - 1]![key]}`);
    }
  }
  return out;
}

describe("the incremental figures refresh", () => {
  it("marks exactly the months a change reaches and, recomputing only those, equals a full recomputation after random changes", async () => {
    const prisma = f.db.prisma;
    const seed = 20261204;
    const r = random(seed);
    for (let step = 0; step < 40; step++) {
      const c = await change(prisma, r, step);
      const label = `seed ${seed}, step ${step}: ${c.describe}`;
      expect(await staleMonths(prisma, c.sheetId), label).toEqual(c.from === null ? [] : ALL_MONTHS.filter((m) => m >= c.from!));
      const written = await prisma.$transaction((tx) => refreshFigures(tx, sheets, { onlyStale: true }));
      expect(written, label).toBe(c.from === null ? 0 : 13 - c.from);
      expect(await differences(prisma, c.sheetId), label).toEqual([]);
    }
    for (const sheetId of sheets) expect(await differences(prisma, sheetId)).toEqual([]);
  });
});

describe("marks within one transaction (migration 20261206110000)", () => {
  const seqs = async (prisma: Pick<PrismaClient, "sheetFigures">, sheetId: number) =>
    (await prisma.sheetFigures.findMany({ where: { sheetId }, select: { changeSeq: true }, orderBy: { month: "asc" } })).map((m) => Number(m.changeSeq));

  it("mark a month once until it is recomputed, and again after, so nothing changed after a refresh is taken as fresh", async () => {
    const prisma = f.db.prisma;
    const sheetId = f.sheets.liangqu;
    const [a, b] = rows.filter((row) => row.sheetId === sheetId && !row.qualitative);
    await prisma.$transaction(async (tx) => {
      const before = await seqs(tx, sheetId);
      await tx.progressEntry.upsert({
        where: { indicatorId_month: { indicatorId: a!.id, month: 4 } },
        create: { indicatorId: a!.id, month: 4, value: "101" },
        update: { value: "101" },
      });
      await tx.progressEntry.upsert({
        where: { indicatorId_month: { indicatorId: b!.id, month: 6 } },
        create: { indicatorId: b!.id, month: 6, value: "102" },
        update: { value: "102" },
      });
      await tx.sheetMonth.upsert({
        where: { sheetId_month: { sheetId, month: 5 } },
        create: { sheetId, month: 5, executed: "3.5" },
        update: { executed: "3.5" },
      });
      // Months 4–12 marked once each, whatever the number of changes reaching them.
      expect((await seqs(tx, sheetId)).map((seq, i) => seq - before[i]!)).toEqual(ALL_MONTHS.map((m) => (m >= 4 ? 1 : 0)));
      expect(await refreshFigures(tx, [sheetId], { onlyStale: true })).toBe(9);
      expect(await staleMonths(tx as PrismaClient, sheetId)).toEqual([]);
      // A change after the refresh, in the same transaction: marked again.
      await tx.progressEntry.update({ where: { indicatorId_month: { indicatorId: a!.id, month: 4 } }, data: { value: "103" } });
      expect(await staleMonths(tx as PrismaClient, sheetId)).toEqual(ALL_MONTHS.filter((m) => m >= 4));
    });
    await prisma.$transaction((tx) => refreshFigures(tx, [sheetId], { onlyStale: true }));
    expect(await differences(prisma, sheetId)).toEqual([]);
  });
});

describe("a new sheet's figures", () => {
  it("carry its position from the insert, before any refresh (an instance of the previous version refreshes without it)", async () => {
    const prisma = f.db.prisma;
    const { sheetB } = await otherDepartmentSheet(prisma);
    const rows = await prisma.sheetFigures.findMany({ where: { sheetId: sheetB.id }, select: { position: true, computedSeq: true, changeSeq: true } });
    expect(rows).toHaveLength(12);
    expect(rows.every((row) => row.position === 98 && row.computedSeq !== row.changeSeq)).toBe(true);
  });
});
