import { startLoadOnDataChanged } from "../../lib/watchdog/data-changed-emitter.ts";
import type { DataChangedEvent } from "../../lib/watchdog/scan-for-changes.ts";
import { inngest } from "../client.ts";
import { DATA_CHANGED_EVENT } from "../events.ts";

/** churnops/data.changed -> load the new dataset version when it is confirmed (startRun sends it back to Inngest). */
export const onDataChanged = inngest.createFunction(
  { id: "on-data-changed", retries: 2, triggers: [{ event: DATA_CHANGED_EVENT }] },
  async ({ event, step }) =>
    step.run("start-load", async () => {
      const started: { versionId: string; runId: string; status?: string }[] = [];
      await startLoadOnDataChanged("background", started)({ name: DATA_CHANGED_EVENT, data: event.data as DataChangedEvent["data"] });
      return { started };
    }),
);
