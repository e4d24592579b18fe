export interface ProgressReporter {
  report(fraction: number, message?: string): void;
  /** Waits for the last reported value to be written. */
  flush(): Promise<void>;
}

/**
 * Coalesces frequent progress reports into at most one write per interval, never blocking the caller: on the
 * embedded engine a write waits while another connection holds a transaction, and a step loading data inside one
 * must not wait on its own progress bar.
 */
export function createProgressReporter(
  write: (fraction: number, message: string | null) => Promise<void>,
  intervalMs = 250,
): ProgressReporter {
  let pending: { fraction: number; message: string | null } | null = null;
  let inflight: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let lastWrite = 0;

  const writeNow = (): void => {
    timer = null;
    const value = pending;
    if (!value) return;
    pending = null;
    inflight = write(value.fraction, value.message)
      .catch(() => {}) // progress is best effort; the step's own result is what counts
      .finally(() => {
        inflight = null;
        lastWrite = Date.now();
        if (pending) schedule();
      });
  };
  const schedule = (): void => {
    if (inflight || timer) return;
    timer = setTimeout(writeNow, Math.max(0, lastWrite + intervalMs - Date.now()));
    timer.unref?.();
  };

  return {
    report(fraction, message) {
      pending = { fraction: Math.min(1, Math.max(0, fraction)), message: message ?? null };
      schedule();
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      while (inflight) await inflight;
      if (pending) writeNow();
      while (inflight) await inflight;
    },
  };
}
