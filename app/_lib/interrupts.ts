import { forbidden, notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/**
 * Runs a use case for a page and turns its refusals into Next's 404 / 403 responses (rendered by the
 * nearest not-found.tsx / forbidden.tsx), so a page never renders data the user may not see.
 */
export async function orInterrupt<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") forbidden();
    throw error;
  }
}
