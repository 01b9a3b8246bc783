import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Likelihood, QualitativeStatus } from "@/lib/generated/prisma/enums";

/**
 * A save's progress entries in two statements at most, whatever the number of rows: one UPDATE of the stored entries
 * (each only at the version the user started from) and one INSERT of the new ones (none if another save inserted the
 * same indicator and month first). Each answers the rows it wrote, so a row missing from the answer is a conflict.
 */

export interface EntryFields {
  value: string | null;
  qualitativeValue: QualitativeStatus | null;
  likelihood: Likelihood | null;
  forecast: string | null;
  deviationReason: string;
  improvement: string;
}

export interface WrittenEntry extends EntryFields {
  id: number;
  indicatorId: number;
  month: number;
  version: number;
  updatedAt: Date;
}

type Tx = Pick<Prisma.TransactionClient, "$queryRaw">;

const RETURNED = `e."id", e."indicator_id" AS "indicatorId", e."month", e."value", e."qualitative_value"::text AS "qualitativeValue",
  e."likelihood"::text AS "likelihood", e."forecast", e."deviation_reason" AS "deviationReason", e."improvement", e."version",
  e."updated_at" AS "updatedAt"`;
const COLUMNS = `"value" numeric, "qualitative_value" text, "likelihood" text, "forecast" numeric, "deviation_reason" text, "improvement" text`;

interface Row {
  id: number;
  indicatorId: number;
  month: number;
  value: { toString(): string } | null;
  qualitativeValue: QualitativeStatus | null;
  likelihood: Likelihood | null;
  forecast: { toString(): string } | null;
  deviationReason: string;
  improvement: string;
  version: number;
  updatedAt: Date;
}

const toWritten = (r: Row): WrittenEntry => ({
  ...r,
  value: r.value === null ? null : r.value.toString(),
  forecast: r.forecast === null ? null : r.forecast.toString(),
});

const fieldsOf = (f: EntryFields) => ({
  value: f.value,
  qualitative_value: f.qualitativeValue,
  likelihood: f.likelihood,
  forecast: f.forecast,
  deviation_reason: f.deviationReason,
  improvement: f.improvement,
});

/** Updates stored entries, each only if still at `version`; answers those updated, by id. */
export async function updateEntries(
  tx: Tx,
  updates: readonly { id: number; version: number; fields: EntryFields }[],
  updatedById: number | null,
): Promise<Map<number, WrittenEntry>> {
  if (updates.length === 0) return new Map();
  const rows = JSON.stringify(updates.map((u) => ({ id: u.id, version: u.version, ...fieldsOf(u.fields) })));
  // The clock as Prisma's @updatedAt takes it (the client's), stored as UTC like every timestamp here.
  const now = new Date().toISOString();
  const written = await tx.$queryRaw<Row[]>`
    UPDATE "progress_entry" e SET
      "value" = v."value", "qualitative_value" = v."qualitative_value"::"QualitativeStatus", "likelihood" = v."likelihood"::"Likelihood",
      "forecast" = v."forecast", "deviation_reason" = v."deviation_reason", "improvement" = v."improvement",
      "updated_by_id" = ${updatedById}::int, "version" = e."version" + 1, "updated_at" = ${now}::timestamptz AT TIME ZONE 'UTC'
      FROM jsonb_to_recordset(${rows}::jsonb) AS v("id" int, "version" int, ${Prisma.raw(COLUMNS)})
     WHERE e."id" = v."id" AND e."version" = v."version"
    RETURNING ${Prisma.raw(RETURNED)}`;
  return new Map(written.map((r) => [r.id, toWritten(r)]));
}

/** Inserts new entries; answers those inserted (not one another save inserted first), by indicator. */
export async function insertEntries(
  tx: Tx,
  inserts: readonly { indicatorId: number; month: number; fields: EntryFields }[],
  updatedById: number | null,
): Promise<Map<number, WrittenEntry>> {
  if (inserts.length === 0) return new Map();
  const rows = JSON.stringify(inserts.map((i) => ({ indicator_id: i.indicatorId, month: i.month, ...fieldsOf(i.fields) })));
  const now = new Date().toISOString();
  const written = await tx.$queryRaw<Row[]>`
    INSERT INTO "progress_entry" AS e ("indicator_id", "month", "value", "qualitative_value", "likelihood", "forecast", "deviation_reason",
                                       "improvement", "updated_by_id", "updated_at")
    SELECT v."indicator_id", v."month", v."value", v."qualitative_value"::"QualitativeStatus", v."likelihood"::"Likelihood", v."forecast",
           v."deviation_reason", v."improvement", ${updatedById}::int, ${now}::timestamptz AT TIME ZONE 'UTC'
      FROM jsonb_to_recordset(${rows}::jsonb) AS v("indicator_id" int, "month" int, ${Prisma.raw(COLUMNS)})
    ON CONFLICT ("indicator_id", "month") DO NOTHING
    RETURNING ${Prisma.raw(RETURNED)}`;
  return new Map(written.map((r) => [r.indicatorId, toWritten(r)]));
}
