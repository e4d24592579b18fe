// The event catalogue. A manual or CLI run sends `churnops/<pipeline>.requested` with the run row already created.
export const pipelineRequestedEvent = (pipelineId: string) => `churnops/${pipelineId}.requested` as const;

export const RUN_CANCEL_REQUESTED = "churnops/run.cancel-requested";

export interface PipelineRequestedData {
  runId?: string;
  params?: unknown;
  concurrencyKey?: string;
}

/** Emitted by the data watchdog when a watched file or a stored dataset changed (new hash). */
export const DATA_CHANGED_EVENT = "churnops/data.changed" as const;
