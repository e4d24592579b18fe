"use client";

import { useState } from "react";
import { readApiError, unreachableMessage } from "./api-error.ts";
import { Alert } from "./components/alert.tsx";
import { Button } from "./components/button.tsx";
import { ConfirmDialog } from "./components/confirm-dialog.tsx";

/** Asks the server to cancel a queued or running run (after a confirmation); calls onDone so the view refreshes. */
export function CancelRunButton({ runId, onDone }: { runId: string; onDone: () => void }) {
  const [pending, setPending] = useState(false);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function cancel() {
    setPending(true);
    setError(null);
    try {
      const res = await fetch(`/api/runs/${runId}/cancel`, { method: "POST" });
      if (!res.ok) setError(await readApiError(res));
      onDone();
    } catch (e) {
      setError(unreachableMessage(e));
    }
    setPending(false);
  }

  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button type="button" variant="outline" onClick={() => setAsking(true)} disabled={pending} aria-busy={pending}>
          Cancel run
        </Button>
      </div>
      {error && (
        <Alert variant="destructive" role="alert">
          {error}
        </Alert>
      )}
      <ConfirmDialog
        open={asking}
        onOpenChange={setAsking}
        title="Cancel this run?"
        description="The running step stops at its next check; nothing it had not finished is kept. You can start the pipeline again later."
        confirmLabel="Cancel the run"
        cancelLabel="Keep running"
        destructive
        onConfirm={() => {
          setAsking(false);
          void cancel();
        }}
      />
    </div>
  );
}
