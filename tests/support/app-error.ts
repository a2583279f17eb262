import { AppError } from "../../functions/services/errors";

/** The AppError the work fails with; fails the test when it succeeds or throws anything else. */
export async function failure(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}
