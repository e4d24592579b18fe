export type AppErrorCode =
  | "INVALID_INPUT"
  | "NOT_FOUND"
  | "UNAUTHORIZED"
  | "PIPELINE_NOT_FOUND"
  | "RUN_NOT_FOUND"
  | "RUN_NOT_CANCELLABLE"
  | "CSV_INVALID"
  | "DATA_GATE_FAILED"
  | "CONFLICT"
  | "DATABASE_UNAVAILABLE";

/** An error whose message is written for the user: what happened and what to do. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly userMessage: string,
    readonly status = 400,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${userMessage}`, options);
    this.name = "AppError";
  }
}

export function errorMessage(e: unknown): string {
  if (e instanceof AppError) return e.userMessage;
  if (e instanceof Error) return e.message;
  return String(e);
}
