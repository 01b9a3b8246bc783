import type { Prisma } from "@/lib/generated/prisma/client";

/** An audit snapshot (a plain object of strings, numbers, booleans and nulls) as Prisma's JSON column type. */
export const asJson = (snapshot: object): Prisma.InputJsonObject => snapshot as unknown as Prisma.InputJsonObject;
