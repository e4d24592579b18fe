"use client";
import { FormAlert } from "./form-alert.tsx";

import { useState } from "react";
import { readApiError, unreachableMessage } from "./api-error.ts";

/** Asks the server to cancel a queued or running run; calls onDone so the view refreshes. */
export function CancelRunButton({ runId, onDone }: { runId: string; onDone: () => void }) {
  const [pending, setPending] = useState(false);
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
    <div className="cancel">
      <button type="button" className="danger" onClick={cancel} disabled={pending} aria-busy={pending}>
        Cancel run
      </button>
      <FormAlert message={error} />
    </div>
  );
}
