import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * A small reader of prisma/schema.prisma, enough for the test that proves the hand-written migrations
 * produce the schema Prisma expects (models → tables, fields → columns with type and nullability,
 * @@index/@@unique → index names as Prisma generates them).
 */

export interface SchemaField {
  name: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  nativeType: string | null;
}

export interface SchemaModel {
  name: string;
  table: string;
  fields: SchemaField[];
  /** `name`: the `map:` of the index, when it has one (else Prisma's default name, prismaIndexName). */
  indexes: { columns: string[]; unique: boolean; name?: string }[];
}

export interface PrismaSchema {
  models: SchemaModel[];
  enums: Map<string, string[]>;
}

const blockRe = /^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm;

export function readPrismaSchema(file = path.join(process.cwd(), "prisma", "schema.prisma")): PrismaSchema {
  const text = fs.readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
  const blocks = [...text.matchAll(blockRe)].map(([, kind, name, body]) => ({ kind, name: name!, body: body! }));
  const enums = new Map(blocks.filter((b) => b.kind === "enum").map((b) => [b.name, b.body.split(/\s+/).filter((w) => /^\w+$/.test(w))]));
  const modelNames = new Set(blocks.filter((b) => b.kind === "model").map((b) => b.name));
  const models = blocks.filter((b) => b.kind === "model").map((b) => parseModel(b.name, b.body, modelNames));
  return { models, enums };
}

function parseModel(name: string, body: string, modelNames: Set<string>): SchemaModel {
  const lines = body
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const fields: SchemaField[] = [];
  for (const line of lines.filter((l) => !l.startsWith("@@"))) {
    const match = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
    if (!match) continue;
    const [, fieldName, type, list, optional, attrs] = match as unknown as string[];
    if (modelNames.has(type!)) continue; // relation field: no column
    fields.push({
      name: fieldName!,
      column: /@map\("([^"]+)"\)/.exec(attrs!)?.[1] ?? fieldName!,
      type: type!,
      optional: Boolean(optional),
      list: Boolean(list),
      nativeType: /@db\.(\w+(?:\([^)]*\))?)/.exec(attrs!)?.[1] ?? null,
    });
  }
  const columnOf = (field: string) => fields.find((f) => f.name === field)?.column ?? field;
  const indexes: SchemaModel["indexes"] = lines
    .map((l) => /^@@(index|unique)\(\[([^\]]+)\](?:,\s*map:\s*"([^"]+)")?/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    // `light(sort: Desc)`: the column is `light`; the order is the migration's.
    .map((m) => ({
      unique: m[1] === "unique",
      columns: m[2]!.split(/,(?![^(]*\))/).map((f) => columnOf(f.trim().replace(/\(.*\)$/, ""))),
      ...(m[3] ? { name: m[3] } : {}),
    }));
  for (const field of fields) {
    const line = lines.find((l) => l.startsWith(`${field.name} `));
    if (line && /@unique\b/.test(line)) indexes.push({ unique: true, columns: [field.column] });
  }
  const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? name;
  return { name, table, fields, indexes };
}

/** Prisma's default index name: `<table>_<col>_<col>_key` for unique, `_idx` otherwise. */
export const prismaIndexName = (table: string, columns: string[], unique: boolean) => `${table}_${columns.join("_")}_${unique ? "key" : "idx"}`;
