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

/** What a failed step still reports (a failed gate's suite results and reject counts), shown with its error. */
export function outputOfFailure(e: unknown): unknown {
  return e instanceof DataGateError ? e.details : undefined;
}

/** A step returned something its output schema refuses: names the step and each bad field. */
export class StepOutputError extends Error {
  constructor(stepId: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
    const fields = issues.map((i) => `field "${i.path.map(String).join(".") || "(output)"}": ${i.message}`).join("; ");
    super(`step "${stepId}" returned an invalid output: ${fields}`);
    this.name = "StepOutputError";
  }
}
