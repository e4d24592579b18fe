/** The run was cancelled by a user; not a failure of the pipeline. */
export class RunCancelledError extends Error {
  constructor(message = "the run was cancelled") {
    super(message);
    this.name = "RunCancelledError";
  }
}

/** A data-quality gate stopped the pipeline before anything downstream changed (CLI exit code 2). */
export class DataGateError extends Error {
  constructor(message: string, readonly details?: unknown) {
    super(message);
    this.name = "DataGateError";
  }
}

export type FailureKind = "error" | "data_gate" | "crashed" | "cancelled";

export function failureKindOf(e: unknown): FailureKind {
  if (e instanceof RunCancelledError) return "cancelled";
  if (e instanceof DataGateError) return "data_gate";
  return "error";
}
