/**
 * Whole-run progress as an ARIA progress bar. A finished run shows its final state (a cancelled or failed run does
 * not freeze at 13%): the bar is full and says how the run ended and how far it had got.
 */
export function RunProgress({ progress, message, status }: { progress: number; message: string | null; status: string }) {
  const reached = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  const finished = status === "succeeded" || status === "failed" || status === "cancelled";
  const percent = finished ? 100 : reached;
  const text = status === "succeeded" ? "Finished" : status === "failed" ? `Failed at ${reached}%` : status === "cancelled" ? `Cancelled at ${reached}%` : `${reached}%${message ? ` · ${message}` : ""}`;
  const fill = status === "failed" ? "bg-destructive" : status === "cancelled" ? "bg-muted-foreground" : status === "succeeded" ? "bg-success" : "bg-primary";
  return (
    <div className="flex flex-col gap-1">
      <div
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
        role="progressbar"
        aria-label="Run progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <div className={`h-full ${fill} transition-[width]`} style={{ width: `${percent}%` }} />
      </div>
      <span className="text-sm text-muted-foreground">{text}</span>
    </div>
  );
}
