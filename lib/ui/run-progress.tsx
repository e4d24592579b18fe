/** Whole-run progress (0..1) as an ARIA progress bar with its message. */
export function RunProgress({ progress, message }: { progress: number; message: string | null }) {
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Run progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%${message ? `: ${message}` : ""}`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span>
        {percent}%{message ? ` · ${message}` : ""}
      </span>
    </div>
  );
}
