import { AppError, type AppErrorCode } from "@/lib/errors";

/** For tests: how a use case ended. */

/** The AppError code a promise rejects with, or "OK" when it resolves. */
export async function outcome(work: Promise<unknown>): Promise<AppErrorCode | "OK"> {
  try {
    await work;
    return "OK";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

/** The AppError a promise rejects with (fails the test when it resolves or throws something else). */
export async function refusal(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the use case to be refused");
}
