import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A unique constraint refused the write (two requests creating the same row at once). Recognised by
 * Prisma's error code, never by the database's message text.
 */
export const isUniqueViolation = (error: unknown): boolean => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
